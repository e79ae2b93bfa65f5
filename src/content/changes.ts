/**
 * Turns MutationObserver records into the smallest set of page parts to read again: the block
 * elements that changed, topmost only. A batch that touches very many nodes asks for a full
 * rescan instead (cheaper than thousands of small ones, as Dark Reader found).
 */
import { blockContainer, classify, isHost, Kind } from './blocks';

/** Beyond this many changed nodes in one batch, rescan the whole page. */
export const FULL_RESCAN_AFTER = 1000;

export class Changes {
  readonly dirty = new Set<Element>();
  removed = false;
  full = false;
  #count = 0;

  get empty(): boolean {
    return !this.full && !this.removed && this.dirty.size === 0;
  }

  record(records: MutationRecord[]): void {
    for (const r of records) {
      if (isOwn(r)) continue;
      if (r.type === 'characterData') {
        this.#mark(r.target);
        continue;
      }
      for (const n of r.addedNodes) {
        this.#count++;
        if (n.nodeType === Node.ELEMENT_NODE && classify(n as Element) === Kind.Block) this.dirty.add(n as Element);
        else this.#mark(r.target);
      }
      for (const n of r.removedNodes) {
        this.#count++;
        this.removed = true;
        // A removed block takes its matches with it (the sweep); what is left of an inline run must
        // be read again, as a term may have lost a part.
        if (!(n.nodeType === Node.ELEMENT_NODE && classify(n as Element) === Kind.Block)) this.#mark(r.target);
      }
    }
    if (this.#count > FULL_RESCAN_AFTER) this.full = true;
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
    this.#count = 0;
  }

  #mark(node: Node): void {
    const el = blockContainer(node);
    if (el) this.dirty.add(el);
  }
}

function isOwn(r: MutationRecord): boolean {
  const t = r.target;
  if (t.nodeType === Node.ELEMENT_NODE && isHost(t as Element)) return true;
  if (r.type !== 'childList') return false;
  const own = (n: Node) => n.nodeType === Node.ELEMENT_NODE && isHost(n as Element);
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(own);
}
