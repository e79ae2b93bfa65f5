// @vitest-environment happy-dom
/** The reader's DOM-only parts: the text check of a frame, change tracking, and section lookup. */
import { describe, expect, test } from 'vitest';
import { Changes, FULL_RESCAN_AFTER } from '../../src/content/changes';
import { hasText, whenText } from '../../src/content/first-text';
import { precedingHeading, type SectionMemo } from '../../src/content/sections';

describe('a frame without reading text', () => {
  test('scripts, styles and white space are not reading text', () => {
    document.body.innerHTML = '<div id="slot">  </div><script>var ad = 1;</script><style>p{}</style>';
    expect(hasText(document.documentElement)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>bone density</p>');
    expect(hasText(document.documentElement)).toBe(true);
  });
  test('waits until text arrives', async () => {
    document.body.innerHTML = '<div id="slot"></div>';
    let arrived = false;
    const waiting = whenText(document).then(() => (arrived = true));
    document.getElementById('slot')!.append(document.createElement('script'));
    await new Promise((r) => setTimeout(r, 0));
    expect(arrived).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'teriparatide';
    document.getElementById('slot')!.append(p);
    await waiting;
    expect(arrived).toBe(true);
  });
});

function record(target: Node, added: Node[]): MutationRecord {
  return {
    type: 'childList',
    target,
    addedNodes: added as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
  } as unknown as MutationRecord;
}

describe('change tracking', () => {
  test('a feed adding blocks batch after batch is read part by part', () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const feed = document.getElementById('feed')!;
    const changes = new Changes();
    for (let batch = 0; batch < 10; batch++) {
      const added = Array.from({ length: 200 }, () => feed.appendChild(document.createElement('p')));
      changes.record(added.map((p) => record(feed, [p])));
    }
    expect(changes.full).toBe(false);
    expect(changes.topmost()).toHaveLength(2000);
  });
  test('one batch past the limit asks for a full re-read', () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const feed = document.getElementById('feed')!;
    const changes = new Changes();
    const added = Array.from({ length: FULL_RESCAN_AFTER + 1 }, () => feed.appendChild(document.createElement('p')));
    changes.record(added.map((p) => record(feed, [p])));
    expect(changes.full).toBe(true);
  });
});

describe('sections', () => {
  test('the heading before a block, remembered for its later siblings', () => {
    document.body.innerHTML = '<h2 id="a">A</h2><p>1</p><div><h3 id="b">B</h3></div><p id="x">2</p><p id="y">3</p>';
    const memo: SectionMemo = new Map();
    expect(precedingHeading(document.getElementById('x')!, memo)?.id).toBe('b');
    expect(memo.get(document.getElementById('x')!)?.id).toBe('b');
    expect(precedingHeading(document.getElementById('y')!, memo)?.id).toBe('b');
    expect(precedingHeading(document.querySelector('p')!)?.id).toBe('a');
  });
});
