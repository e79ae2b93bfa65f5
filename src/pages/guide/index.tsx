/** Guidance pages: one article at `guide.html?article=ID#section`, or the list of articles. */
import { render } from 'preact';
import knowledge from 'plao:knowledge/full';
import browser from 'webextension-polyfill';
import { ArticleView, ArticleIndex } from './ArticleView';

const id = new URLSearchParams(location.search).get('article');
const article = knowledge.articles.find((a) => a.id === id);
document.title = `${article ? article.title : 'Guidance'} — PLAO Lens`;
render(
  article ? (
    <ArticleView
      article={article}
      bibliography={knowledge.bibliography}
      meta={knowledge.meta}
      version={browser.runtime.getManifest().version}
    />
  ) : (
    <ArticleIndex articles={knowledge.articles} />
  ),
  document.getElementById('app')!,
);
// The content did not exist when the browser looked for the #section: scroll now.
if (location.hash.length > 1) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
