// @vitest-environment happy-dom
/**
 * The narrowed first read: which block containers it hands over for close reading, when it gives
 * up and reads everything, and the shadow roots it finds on the way.
 */
import { expect, test, vi } from 'vitest';
import { loadKnowledge } from '../../scripts/knowledge';
import { Prefilter } from '../../src/core/matcher/prefilter';
import { prefilterSources } from '../../src/core/matcher/prefilter-source';
import { Narrowing } from '../../src/content/narrow';

const prefilter = new Prefilter(prefilterSources(loadKnowledge().content!.matcher));
const FILLER = 'The ferry left the harbour at dawn while gulls circled the wharf and boats came home. ';

function run(build: (body: HTMLElement) => void) {
  document.body.replaceChildren();
  build(document.body);
  const containers: Element[] = [];
  const roots: ShadowRoot[] = [];
  let whole = false;
  const n = new Narrowing(document.body, () => prefilter, {
    onContainer: (el) => containers.push(el),
    onDense: () => (whole = true),
    onShadowRoot: (sr) => roots.push(sr),
  });
  while (!n.run(performance.now() + 50));
  return { ids: containers.map((c) => c.id || c.localName), roots, whole };
}

function filler(box: HTMLElement, paragraphs: number): void {
  for (let i = 0; i < paragraphs; i++)
    box.append(Object.assign(document.createElement('p'), { textContent: FILLER.repeat(3) }));
}

test('a large page hands over only the containers around the places, in order, each once', () => {
  const r = run((body) => {
    const a = body.appendChild(document.createElement('div'));
    filler(a, 150);
    body.insertAdjacentHTML(
      'beforeend',
      '<p id="one">A <b>DEXA</b> scan and a DXA scan.</p><pre id="code">denosumab</pre><section id="two">Ask about <i>bis</i>phosphonates.</section>',
    );
    filler(body.appendChild(document.createElement('div')), 150);
  });
  expect(r.whole).toBe(false);
  expect(r.ids).toEqual(['one', 'two']); // the <pre> is not reading text
});

test('a small page, or one dense with places, is read whole', () => {
  expect(run((body) => (body.innerHTML = '<p>bisphosphonates and osteoporosis</p>')).whole).toBe(true);
  expect(
    run((body) => {
      for (let i = 0; i < 600; i++)
        body.append(
          Object.assign(document.createElement('p'), { textContent: 'Osteoporosis after pregnancy. '.repeat(4) }),
        );
    }).whole,
  ).toBe(true);
});

test('a small page is read whole, whether it has few elements or many', () => {
  // 4,000 elements of 12 characters: 48,000 in all, just under the size that is narrowed.
  const many = run((body) => {
    for (let i = 0; i < 4000; i++)
      body.append(Object.assign(document.createElement('span'), { textContent: 'harbour gull' }));
  });
  expect(many.whole).toBe(true);
  const few = run((body) => body.append(document.createTextNode(FILLER.repeat(500))));
  expect(few.whole).toBe(true);
});

test('open shadow roots are found even where no place is; closed ones and those under skipped elements are not', () => {
  const r = run((body) => {
    filler(body.appendChild(document.createElement('div')), 300);
    body.appendChild(document.createElement('my-card')).attachShadow({ mode: 'open' }).innerHTML = '<p>x</p>';
    body.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' });
    const button = body.appendChild(document.createElement('button'));
    button.appendChild(document.createElement('span')).attachShadow({ mode: 'open' });
  });
  expect(r.whole).toBe(false);
  expect(r.roots.map((sr) => sr.host.localName)).toEqual(['my-card']);
});

test('every element is asked for a shadow root only where the page shows a likely host', () => {
  const walks = vi.spyOn(document, 'createTreeWalker');
  // happy-dom takes ":empty" for any element and does not know ":defined": the query is answered
  // here as a browser would (the e2e page scenarios check the real one in both browsers).
  const query = Object.getOwnPropertyDescriptor(Element.prototype, 'querySelectorAll')!.value as (
    this: Element,
    selectors: string,
  ) => NodeListOf<Element>;
  const likelyHosts = vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (
    this: Element,
    selectors: string,
  ) {
    const sign = selectors.startsWith(':empty:not(')
      ? (el: Element) => !el.firstChild
      : selectors === ':not(:defined)'
        ? (el: Element) => el.localName.includes('-') && !customElements.get(el.localName)
        : undefined;
    if (!sign) return query.call(this, selectors);
    const likely = [...this.getElementsByTagName('*')].filter(sign);
    return Object.assign(likely, { item: (i: number) => likely[i] ?? null }) as unknown as NodeListOf<Element>;
  });
  try {
    const host = (build: (body: HTMLElement) => void) => {
      walks.mockClear();
      const r = run((body) => {
        filler(body.appendChild(document.createElement('div')), 300);
        build(body);
      });
      expect(r.whole).toBe(false);
      return {
        roots: r.roots.map((sr) => sr.host.id),
        walked: walks.mock.calls.some((c) => c[1] === NodeFilter.SHOW_ELEMENT),
      };
    };
    // A host with text of its own, and nothing else on the page that looks like one: not walked.
    const withText = (body: HTMLElement) => {
      const div = body.appendChild(Object.assign(document.createElement('div'), { id: 'text' }));
      div.append('Light text.');
      div.attachShadow({ mode: 'open' }).innerHTML = '<p>x</p>';
    };
    expect(host(withText)).toEqual({ roots: [], walked: false });
    // The same beside an empty host, an undefined custom element, or a child given to a named slot:
    // the page uses shadow roots, and every one is found.
    const empty = (body: HTMLElement) => {
      body.appendChild(Object.assign(document.createElement('div'), { id: 'empty' })).attachShadow({ mode: 'open' });
    };
    expect(host((b) => (withText(b), empty(b)))).toEqual({ roots: ['text', 'empty'], walked: true });
    const slotted = (body: HTMLElement) => {
      const div = body.appendChild(Object.assign(document.createElement('div'), { id: 'slotted' }));
      div.appendChild(Object.assign(document.createElement('span'), { slot: 'title', textContent: 'A title' }));
      div.attachShadow({ mode: 'open' }).innerHTML = '<slot name="title"></slot>';
    };
    expect(host((b) => (withText(b), slotted(b)))).toEqual({ roots: ['text', 'slotted'], walked: true });
    const undefinedElement = (body: HTMLElement) => {
      const el = body.appendChild(Object.assign(document.createElement('not-yet-defined'), { id: 'undefined' }));
      el.append('Text of its own.');
      el.attachShadow({ mode: 'open' });
    };
    expect(host((b) => (withText(b), undefinedElement(b)))).toEqual({ roots: ['text', 'undefined'], walked: true });
    // More likely hosts than one slice should ask one by one: the walk asks every element instead.
    const manyEmpty = (body: HTMLElement) => {
      for (let i = 0; i < 1001; i++) body.appendChild(document.createElement('span'));
    };
    expect(host((b) => (withText(b), manyEmpty(b)))).toEqual({ roots: ['text'], walked: true });
    // A closed root is no sign: it cannot be read.
    const closed = (body: HTMLElement) =>
      body.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' });
    expect(host((b) => (withText(b), closed(b)))).toEqual({ roots: [], walked: false });
  } finally {
    walks.mockRestore();
    likelyHosts.mockRestore();
  }
});

test('on a page taken in parts, each place is found inside its own part: nested blocks, and loose inline text', () => {
  const r = run((body) => {
    filler(body, 100); // more children than one textContent takes: the body is taken child by child
    body.insertAdjacentHTML(
      'beforeend',
      '<div id="deep"><section><p>Nothing here.</p><p id="inner">Ask about <i>bis</i>phosphonates.</p></section></div>',
    );
    filler(body, 100);
    body.append('Loose text about a ', Object.assign(document.createElement('b'), { textContent: 'DEXA' }), ' scan.');
    filler(body, 100);
    body.insertAdjacentHTML('beforeend', '<p id="last">Low bone density, again.</p>');
  });
  expect(r.whole).toBe(false);
  // Loose text directly in <body> has no block of its own but <body>.
  expect(r.ids).toEqual(['inner', 'body', 'last']);
});

test('a part the page removes between taking its text and finding its block is not handed over', () => {
  document.body.replaceChildren();
  filler(document.body, 100);
  const gone = document.body.appendChild(Object.assign(document.createElement('p'), { id: 'gone' }));
  gone.textContent = 'Ask about bisphosphonates.';
  filler(document.body, 100);
  const containers: string[] = [];
  // The prefilter is first asked for once enough text is taken, this part's included: the page
  // removes the part just then.
  const n = new Narrowing(
    document.body,
    () => {
      gone.remove();
      return prefilter;
    },
    {
      onContainer: (el) => containers.push(el.id),
      onDense: () => containers.push('whole'),
      onShadowRoot: () => undefined,
    },
  );
  while (!n.run(performance.now() + 50));
  expect(containers).toEqual([]);
});

test('a term where a block starts is found though the text before it ends in a letter (minified markup)', () => {
  const r = run((body) => {
    filler(body.appendChild(document.createElement('div')), 150);
    // A list of many short items, without a space between the tags: each item is a part of its own,
    // and their texts are looked at together.
    const items = Array.from({ length: 300 }, (_, i) => `<li>item ${i} ends in x</li>`);
    items[120] = '<li>low</li>';
    items[121] = '<li id="after-low">bone density here</li>';
    items[200] = '<li id="after-x">osteoporosis</li>';
    body.insertAdjacentHTML('beforeend', `<ul>${items.join('')}</ul>`);
    // A short list is one part, taken in one textContent: "…xosteoporosis".
    body.insertAdjacentHTML('beforeend', '<ol><li>one in x</li><li id="in-part">Osteoporosis</li></ol>');
    filler(body.appendChild(document.createElement('div')), 150);
  });
  expect(r.whole).toBe(false);
  expect(r.ids).toEqual(['after-low', 'after-x', 'in-part']);
});
