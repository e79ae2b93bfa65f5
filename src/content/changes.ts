/**
 * Turns MutationObserver records into the smallest set of page parts to read again: the block
 * elements that changed, topmost only. One batch of records that touches very many nodes asks for
 * a full rescan instead (cheaper than thousands of small ones, as Dark Reader found). A feed that
 * adds a few hundred nodes a batch, batch after batch, is read part by part: re-reading the whole
 * page every time would cost far more than its new parts.
 */
import { blockContainer, classify, isHost, Kind } from './blocks';
import { ELEMENT_NODE } from './node-type';

/** Beyond this many changed nodes in one batch, rescan the whole page. */
export const FULL_RESCAN_AFTER = 1000;

export class Changes {
  readonly dirty = new Set<Element>();
  removed = false;
  full = false;

  get empty(): boolean {
    return !this.full && !this.removed && this.dirty.size === 0;
  }

  record(records: MutationRecord[]): void {
    let count = 0;
    const root = document.documentElement;
    for (const r of records) {
      // The whole page is read again anyway: nothing more to note.
      if (this.full) return;
      // Only a record on the host itself or on <html> (where the host is added) can be the
      // extension's own: a feed's thousands of records a second are not asked more.
      const t = r.target;
      if (t === root ? isOwn(r) : t.nodeType === ELEMENT_NODE && isHost(t as Element)) continue;
      if (r.type === 'characterData') {
        this.#mark(t);
        continue;
      }
      // The target's block is marked once per record, however many inline nodes came or went.
      let markTarget = false;
      for (const n of r.addedNodes) {
        count++;
        if (n.nodeType === ELEMENT_NODE && classify(n as Element) === Kind.Block) this.dirty.add(n as Element);
        else markTarget = true;
      }
      for (const n of r.removedNodes) {
        count++;
        this.removed = true;
        // A removed block takes its matches with it (the sweep); what is left of an inline run must
        // be read again, as a term may have lost a part.
        if (!(n.nodeType === ELEMENT_NODE && classify(n as Element) === Kind.Block)) markTarget = true;
      }
      if (markTarget) this.#mark(t);
      if (count > FULL_RESCAN_AFTER) this.full = true;
    }
  }

  /** The dirty elements still in the page, none inside another. */
  topmost(): Element[] {
    const out: Element[] = [];
    for (const el of this.dirty) {
      if (!el.isConnected) continue;
      let covered = false;
      for (let p = el.parentElement; p && !covered; p = p.parentElement) covered = this.dirty.has(p);
      if (!covered) out.push(el);
    }
    return out;
  }

  reset(): void {
    this.dirty.clear();
    this.removed = false;
    this.full = false;
  }

  #mark(node: Node): void {
    const el = blockContainer(node);
    if (el) this.dirty.add(el);
  }
}

const own = (n: Node) => n.nodeType === ELEMENT_NODE && isHost(n as Element);

/** Whether a record on <html> only adds or removes the extension's own host (no arrays built). */
function isOwn(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const { addedNodes: added, removedNodes: removed } = r;
  if (!added.length && !removed.length) return false;
  for (let i = 0; i < added.length; i++) if (!own(added[i]!)) return false;
  for (let i = 0; i < removed.length; i++) if (!own(removed[i]!)) return false;
  return true;
}
