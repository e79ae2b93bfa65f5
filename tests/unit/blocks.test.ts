// @vitest-environment happy-dom
/** DOM-walking logic only (a fake DOM has no layout or highlights: those are tested in browsers). */
import { describe, expect, test } from 'vitest';
import { BlockWalker, blockContainer, isReadable, readBlocks } from '../../src/content/blocks';

function blocks(html: string): string[] {
  document.body.innerHTML = html;
  const out: string[] = [];
  readBlocks(
    document.body,
    (b) => out.push(b.text),
    () => undefined,
  );
  return out;
}

describe('reading blocks', () => {
  test('inline markup is joined, blocks are separate', () => {
    expect(
      blocks('<p>post<b>partum</b> <i>osteo</i>porosis</p><p>bone <a href="#">mineral</a></p><div>density</div>'),
    ).toEqual(['postpartum osteoporosis', 'bone mineral', 'density']);
  });
  test('text that is not reading text is skipped and ends a block', () => {
    expect(
      blocks(
        '<p>bone <code>x</code> density</p><textarea>PLAO</textarea><pre>PLAO</pre><div contenteditable="true">PLAO</div><div contenteditable="false">ok</div><script>PLAO</script>',
      ),
    ).toEqual(['bone ', ' density', 'ok']);
  });
  test('white space between blocks is no block of its own; inside a block it stays', () => {
    expect(blocks('<ul>\n  <li>bone <b>density</b></li>\n  <li> \u00a0</li>\n</ul>\n<p>PLAO</p>\n')).toEqual([
      'bone density',
      'PLAO',
    ]);
  });
  test('unknown elements count as blocks, so words in two of them never run together', () => {
    expect(blocks('<x-card>bone</x-card><x-card>density</x-card>')).toEqual(['bone', 'density']);
  });
  test('open shadow roots are reported', () => {
    document.body.innerHTML = '<div id="h"></div>';
    const root = document.getElementById('h')!.attachShadow({ mode: 'open' });
    const found: ShadowRoot[] = [];
    readBlocks(
      document.body,
      () => undefined,
      (sr) => found.push(sr),
    );
    expect(found).toEqual([root]);
  });
  test('5,000-deep nesting is walked without recursion', () => {
    let html = '';
    for (let i = 0; i < 5000; i++) html += '<span>';
    html += 'PLAO';
    expect(blocks(`<p>${html}</p>`)).toEqual(['PLAO']);
  });
  test('a walk can stop at a deadline and resume where it was', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p>para ${i}</p>`).join('');
    const out: string[] = [];
    const walker = new BlockWalker(document.body, { onBlock: (b) => out.push(b.text), onShadowRoot: () => undefined });
    let slices = 0;
    while (!walker.run(performance.now() - 1)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(out).toHaveLength(2000);
    expect(out[1999]).toBe('para 1999');
  });
  test('headings are announced before their text', () => {
    document.body.innerHTML = '<h2>One</h2><p>a</p><h3>Two</h3><p>b</p>';
    const events: string[] = [];
    readBlocks(
      document.body,
      (b) => events.push(b.text),
      () => undefined,
    );
    new BlockWalker(document.body, {
      onBlock: (b) => events.push(`block:${b.text}`),
      onShadowRoot: () => undefined,
      onHeading: (h) => events.push(`heading:${h.textContent}`),
    }).run();
    expect(events.slice(4)).toEqual(['heading:One', 'block:One', 'block:a', 'heading:Two', 'block:Two', 'block:b']);
  });
  test('h1 to h6 are headings; other names starting with h are not', () => {
    const names = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h0', 'hr', 'header', 'hgroup', 'h10', 'th'];
    document.body.innerHTML = names.map((n) => (n === 'hr' ? '<hr>' : `<${n}>${n}</${n}>`)).join('');
    const headings: string[] = [];
    new BlockWalker(document.body, {
      onBlock: () => undefined,
      onShadowRoot: () => undefined,
      onHeading: (h) => headings.push(h.localName),
    }).run();
    expect(headings).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
  });
});

test('blockContainer and isReadable', () => {
  document.body.innerHTML =
    '<div id="d"><p id="p">a <b id="b">b</b></p><code id="c"><span id="s">x</span></code></div>';
  expect(blockContainer(document.getElementById('b')!.firstChild!)?.id).toBe('p');
  expect(isReadable(document.getElementById('p')!)).toBe(true);
  expect(isReadable(document.getElementById('s')!)).toBe(false);
});

test('isReadable with a memo answers as without one, in any order, through shadow roots', () => {
  document.body.innerHTML =
    '<div id="d"><p id="p1">a</p><p id="p2">b</p><code id="c"><span id="s1">x</span><i id="s2">y</i></code>' +
    '<div id="ok-host"></div><textarea id="skip"></textarea><div id="e" contenteditable><p id="in-e">z</p></div></div>';
  const inShadow = (hostId: string) => {
    const root = document.getElementById(hostId)!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p class="deep"><span>q</span></p>';
    return root.querySelector('span')!;
  };
  const okDeep = inShadow('ok-host');
  const editableDeep = inShadow('e'); // in the shadow root of an element the user edits
  const ids = ['s2', 'p1', 's1', 'p2', 'in-e', 'd', 'c', 'p1', 's2'];
  const els = [...ids.map((id) => document.getElementById(id)!), okDeep, editableDeep];
  const memo = new Map<Element, boolean>();
  const withMemo = els.map((el) => isReadable(el, memo));
  expect(withMemo).toEqual(els.map((el) => isReadable(el)));
  expect(withMemo).toEqual([false, true, false, true, false, true, false, true, false, true, false]);
  // Asked again, the memo's answers hold.
  expect(els.map((el) => isReadable(el, memo))).toEqual(withMemo);
});

describe('what ends a block, and what is found on the way', () => {
  test('<br>, images, buttons and the extension host end a block; an empty inline element does not', () => {
    expect(
      blocks(
        '<p>bone<br>density</p><p>os<img>teo</p><p>a<button>x</button>b</p><p>c<plao-lens>y</plao-lens>d</p><p>e<span></span>f</p>',
      ),
    ).toEqual(['bone', 'density', 'os', 'teo', 'a', 'b', 'c', 'd', 'ef']);
  });
  test('editable subtrees are skipped wherever they are, inline ones too; contenteditable="false" is read', () => {
    expect(
      blocks(
        '<p>a<span contenteditable="">PLAO</span>b</p><div><div><p contenteditable="plaintext-only">PLAO</p></div></div><p contenteditable="false">c</p>',
      ),
    ).toEqual(['a', 'b', 'c']);
  });
  test('shadow roots of custom elements and of span, p, div are found; inside skipped elements they are not', () => {
    document.body.innerHTML = '<x-card></x-card><span></span><p>t</p><div contenteditable><div id="in"></div></div>';
    const hosts = [...document.body.querySelectorAll('x-card, span, p, #in')];
    const roots = hosts.map((h) => h.attachShadow({ mode: 'open' }));
    const found: ShadowRoot[] = [];
    readBlocks(
      document.body,
      () => undefined,
      (sr) => found.push(sr),
    );
    expect(found).toEqual(roots.slice(0, 3));
  });
  test('an element made editable while the walk is paused is skipped when the walk resumes', async () => {
    document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<p>para ${i}</p>`).join('');
    const out: string[] = [];
    const walker = new BlockWalker(document.body, { onBlock: (b) => out.push(b.text), onShadowRoot: () => undefined });
    expect(walker.run(performance.now() - 1)).toBe(false);
    document.body.lastElementChild!.setAttribute('contenteditable', 'true');
    await new Promise((r) => setTimeout(r, 0)); // the change is noted by a MutationObserver
    while (!walker.run()) {
      /* resume until done */
    }
    expect(out).toHaveLength(599);
    expect(out).not.toContain('para 599');
  });
  test('a walk whose place was removed while paused starts over, skipping what was read', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p>para ${i}</p>`).join('');
    const out: string[] = [];
    const read = new Set<Text>();
    const walker = new BlockWalker(document.body, {
      onBlock: (b) => (out.push(b.text), read.add(b.nodes[0]!)),
      onShadowRoot: () => undefined,
      skipBlock: (first) => read.has(first),
    });
    expect(walker.run(performance.now() - 1)).toBe(false);
    const done = out.length;
    for (const p of [...document.body.children].slice(done, done + 300)) p.remove();
    while (!walker.run()) {
      /* resume until done */
    }
    expect(out).toHaveLength(1700);
    expect(new Set(out).size).toBe(1700);
  });
});
