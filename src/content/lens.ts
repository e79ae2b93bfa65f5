/**
 * PLAO Lens on one page (one frame): scan, paint, explain on hover. Everything it adds to the page
 * (listeners, observer, ranges, the popover host) goes away with `destroy()`, one AbortController.
 */
import type { ContentKnowledge } from '../core/knowledge/types';
import { Matcher } from '../core/matcher/matcher';
import type { PageTerm } from '../core/messages';
import type { Settings } from '../core/settings';
import { HOST_TAG } from './blocks';
import { matchAt, trackPointer } from './hover';
import { Painter } from './painter';
import { PopoverHost } from './popover';
import { MatchIndex, scan, type PageMatch } from './scanner';

export interface LensDeps {
  knowledge: ContentKnowledge;
  settings: Settings;
  guideHref: (article: string, section: string) => string;
  openGuide: (article: string, section: string) => void;
  reportTerms: (distinct: number) => void;
}

const RESCAN_DELAY = 150;
const HIDE_GRACE = 400;

export class Lens {
  private readonly ac = new AbortController();
  private readonly matcher: Matcher;
  private readonly index = new MatchIndex();
  private readonly painter = new Painter();
  private readonly popover: PopoverHost;
  private observer: MutationObserver | undefined;
  private shown: PageMatch | null = null;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerInPopover = false;
  private settings: Settings;

  constructor(private readonly deps: LensDeps) {
    this.matcher = new Matcher(deps.knowledge.matcher);
    this.settings = deps.settings;
    this.popover = new PopoverHost({
      onPointerInside: (inside) => {
        this.pointerInPopover = inside;
        if (inside) clearTimeout(this.hideTimer);
        else this.scheduleHide();
      },
    });
  }

  start(): void {
    const { signal } = this.ac;
    this.scanAll();
    trackPointer(
      signal,
      (x, y) => matchAt(this.index, x, y, (m) => !m.ambiguous || this.index.seen.has(m.term)),
      (m, target) => this.onHover(m, target),
    );
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.popover.isOpen) this.hidePopover();
      },
      { capture: true, signal },
    );
    this.observer = new MutationObserver((records) => {
      if (records.every((r) => this.isOwnMutation(r))) return;
      clearTimeout(this.rescanTimer);
      this.rescanTimer = setTimeout(() => this.scanAll(), RESCAN_DELAY);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  updateSettings(settings: Settings): void {
    const repaint = settings.displayMode !== this.settings.displayMode;
    this.settings = settings;
    if (repaint) this.paint();
  }

  /** The terms the page shows, with how often each occurs. */
  pageTerms(): PageTerm[] {
    const counts = new Map<number, number>();
    for (const m of this.index.visible()) counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
    return [...counts]
      .map(([term, count]) => {
        const card = this.deps.knowledge.cards[term]!;
        return { id: card.id, name: card.name, count };
      })
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  destroy(): void {
    this.ac.abort();
    this.observer?.disconnect();
    clearTimeout(this.dwellTimer);
    clearTimeout(this.hideTimer);
    clearTimeout(this.rescanTimer);
    this.painter.clear();
    this.popover.destroy();
    this.index.clear();
    this.shown = null;
  }

  private scanAll(): void {
    this.index.clear();
    scan(document.documentElement, this.matcher, this.index);
    this.paint();
    this.deps.reportTerms(new Set(this.index.visible().map((m) => m.term)).size);
  }

  private paint(): void {
    const mode = this.settings.displayMode;
    if (mode === 'none') return this.painter.clear();
    const visible = this.index.visible();
    if (mode === 'all') return this.painter.paint(visible.map((m) => m.range));
    const firsts = new Set<number>();
    this.painter.paint(
      visible.flatMap((m) => {
        if (firsts.has(m.term)) return [];
        firsts.add(m.term);
        return [m.range];
      }),
    );
  }

  private onHover(m: PageMatch | null, target: EventTarget | null): void {
    clearTimeout(this.dwellTimer);
    if (m) {
      clearTimeout(this.hideTimer);
      if (m === this.shown) return;
      this.dwellTimer = setTimeout(() => this.showFor(m), this.settings.popoverDelay);
    } else if (this.popover.isOpen && !this.popover.contains(target)) {
      this.scheduleHide();
    }
  }

  private showFor(m: PageMatch, focus = false): void {
    const card = this.deps.knowledge.cards[m.term];
    if (!card) return;
    this.shown = m;
    const { article, section } = card.guide;
    this.popover.show({
      card,
      anchor: m.range,
      guideHref: this.deps.guideHref(article, section),
      onOpenGuide: () => this.deps.openGuide(article, section),
      focus,
    });
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.pointerInPopover && !this.popover.hasFocus()) this.hidePopover();
    }, HIDE_GRACE);
  }

  private hidePopover(): void {
    this.popover.hide();
    this.shown = null;
  }

  private isOwnMutation(r: MutationRecord): boolean {
    if (r.target instanceof Element && r.target.localName === HOST_TAG) return true;
    if (r.type !== 'childList') return false;
    const own = (n: Node) => n instanceof Element && n.localName === HOST_TAG;
    return [...r.addedNodes, ...r.removedNodes].every(own) && r.addedNodes.length + r.removedNodes.length > 0;
  }
}
