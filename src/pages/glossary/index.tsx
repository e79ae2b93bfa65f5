/** The glossary page: every term with its full explanation; `glossary.html#term-id` deep-links. */
import { render } from 'preact';
import knowledge from 'plao:knowledge/full';
import browser from 'webextension-polyfill';
import { GlossaryView } from './GlossaryView';

render(
  <GlossaryView knowledge={knowledge} version={browser.runtime.getManifest().version} />,
  document.getElementById('app')!,
);
if (location.hash.length > 1) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
