/**
 * What shows a term's card on the page. The explainer picks one implementation per display state:
 * the anchored popover beside the term (hover, keyboard, wide screens) or the bottom sheet (a tap on
 * a narrow screen). Both render the same card inside the one shadow host.
 */
import type { TermCard } from '../../core/knowledge/types';

export interface SurfaceContent {
  card: TermCard;
  /** The term on the page the card explains. */
  anchor: Range;
  guideHref: string;
  onOpenGuide: () => void;
  /** The term is inside a page link: where it goes (the sheet says so; a second tap follows it). */
  link?: string;
  /** Move focus inside (keyboard, popup and context-menu users). */
  focus: boolean;
  /** The reader asked not to highlight the term: what to tell her once the card is gone ('' if not saved). */
  onHiding?: (said: string) => void;
}

export interface Surface {
  readonly isOpen: boolean;
  show(content: SurfaceContent): void;
  hide(): void;
  /** Whether an event target is this surface (the host, as the page sees it). */
  contains(target: EventTarget | null): boolean;
  hasFocus(): boolean;
  destroy(): void;
}
