/**
 * The part of Preact the content script uses, in about a tenth of its size: the build points the
 * content script's `preact` here and compiles its JSX to this `h` (scripts/build.ts), so the card the
 * popup and the glossary render with Preact (src/ui/TermCard.tsx) is the same component on a page.
 * Cards are small and change rarely, so there is no virtual DOM: a render builds the DOM and folds
 * it into what is already shown, keeping every element that stays (and so focus, e.g. on a button
 * whose click changed the card). Supported: elements, text, function components, class components
 * with `setState`, `on*` listeners, attributes. Raw HTML is not: `dangerouslySetInnerHTML` throws.
 */

type Props = Record<string, unknown>;
type Type = string | ((props: Props) => unknown) | (new (props: Props) => Component);

export interface VNode {
  type: Type;
  props: Props;
}

/** What this renderer keeps on the DOM it builds: an element's listeners, a component's root node. */
type Built = Node & { _on?: Props; _c?: Owner };
interface Owner {
  _node?: Built | undefined;
}

/** A node as the automatic JSX runtime makes it, children in props (the tests build trees with it). */
export function jsx(type: Type, props: Props): VNode {
  return { type, props };
}

/**
 * What the content script's JSX compiles to (the classic transform, see scripts/build.ts): children
 * as arguments, as Preact's `h` takes them, instead of a `children:` key in every element's props.
 */
export function h(type: Type, props: Props | null, ...children: unknown[]): VNode {
  return { type, props: children.length ? { ...props, children } : { ...props } };
}

/** @public */
export function Fragment(props: Props): unknown {
  return props.children;
}

export class Component<P = Props, S = Props> implements Owner {
  props: P;
  state = {} as S;
  /** The one node this component rendered (a card's components each render one element). */
  _node?: Built;

  constructor(props: P) {
    this.props = props;
  }

  setState(part: Partial<S>): void {
    this.state = { ...this.state, ...part };
    const old = this._node;
    if (old?.parentNode) morph(old.parentNode, [old], build(this.render()).slice(0, 1), this);
  }

  render(): unknown {
    return null;
  }
}

/** The listener of every element: calls the handler its last render gave for the event. */
function dispatch(this: Built, e: Event): void {
  (this._on?.[e.type] as ((e: Event) => void) | undefined)?.call(this, e);
}

function build(v: unknown): Built[] {
  if (v == null || typeof v === 'boolean') return [];
  if (Array.isArray(v)) return v.flatMap(build);
  if (typeof v === 'string' || typeof v === 'number') return [document.createTextNode(String(v))];
  if (typeof v !== 'object') return [];
  const { type, props } = v as VNode;
  if (typeof type === 'function') {
    if (!(type.prototype instanceof Component)) return build((type as (p: Props) => unknown)(props));
    const c = new (type as new (p: Props) => Component)(props);
    const nodes = build(c.render());
    c._node = nodes[0];
    if (c._node) c._node._c = c;
    return nodes;
  }
  const el: HTMLElement & Built = document.createElement(type);
  el._on = {};
  for (const [k, value] of Object.entries(props)) {
    if (k === 'children' || k === 'key' || value == null) continue;
    if (k === 'dangerouslySetInnerHTML') throw new Error('raw HTML is not allowed');
    if (/^on[A-Z]/.test(k)) {
      el._on[k.slice(2).toLowerCase()] = value;
      el.addEventListener(k.slice(2).toLowerCase(), dispatch);
    } else if (value !== false || k[4] === '-') {
      // As Preact: aria-* and data-* keep "false"; other false attributes are left out.
      el.setAttribute(
        k === 'className' ? 'class' : k.toLowerCase(),
        value === true && k[4] !== '-' ? '' : (value as string | number | boolean).toString(),
      );
    }
  }
  el.append(...build(props.children));
  return [el];
}

/** Makes `parent`'s nodes `old` look like `next`, reusing every node of the same kind. */
function morph(parent: Node, old: Built[], next: Built[], owner?: Owner): void {
  next.forEach((n, i) => {
    const o = old[i];
    if (!o) return parent.appendChild(n);
    if (o.nodeName !== n.nodeName) {
      parent.replaceChild(n, o);
      if (owner?._node === o) (owner._node = n)._c = owner;
      return;
    }
    // A component of the new render takes over the node it is folded into; the one before lets go.
    if (o._c !== owner) {
      if (o._c) o._c._node = undefined;
      o._c = n._c;
      if (n._c) n._c._node = o;
    }
    if (o instanceof Element && n instanceof Element) {
      const on: Props = (n as Built)._on ?? {};
      const had: Props = (o as Built)._on ?? {};
      for (const { name } of [...o.attributes]) if (!n.hasAttribute(name)) o.removeAttribute(name);
      for (const { name, value } of n.attributes) if (o.getAttribute(name) !== value) o.setAttribute(name, value);
      for (const type of Object.keys(on)) if (!had[type]) o.addEventListener(type, dispatch);
      (o as Built)._on = on;
      morph(o, [...o.childNodes], [...n.childNodes]);
    } else if (o.nodeValue !== n.nodeValue) o.nodeValue = n.nodeValue;
  });
  for (const o of old.slice(next.length)) parent.removeChild(o);
}

/** Renders `v` into `root` (null empties it), keeping what stays of the last render. */
export function render(v: unknown, root: Element | DocumentFragment): void {
  morph(root, [...root.childNodes], build(v));
}
