/**
 * DOM constants the reader uses, as constants the build writes as plain numbers at each use, where
 * `Node.ELEMENT_NODE` is a property read and some twenty bytes in a script every frame loads.
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_FRAGMENT_NODE = 11;
/** `NodeFilter.SHOW_ELEMENT` and `NodeFilter.SHOW_TEXT`. */
export const SHOW_ELEMENT = 1;
export const SHOW_TEXT = 4;
/** `Node.DOCUMENT_POSITION_FOLLOWING`. */
export const FOLLOWING = 4;
