/**
 * What every node of the editor writes into the DOM, on screen and on the clipboard: a `data-rk`
 * attribute naming the model's kind, the model's id, and the structural facts as `data-rk-*`
 * attributes, so that HTML copied out of the editor comes back as the same structure
 * (`importDOM`), while other programs see ordinary paragraphs, headings and tables.
 *
 * Labels are never part of a node: the clipboard copy gets them from the labels plugin's view
 * of the document (`viewOf(editor)`), and importDOM drops them.
 */
import { $getDocument, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode } from 'lexical';
import { viewOf } from '../labels/view';

/** The attribute that marks an element as written by this editor (in-app paste keeps its structure). */
export const RK = 'data-rk';

export function element(tag: string, kind: string, className: string, attrs: Record<string, string | null | undefined> = {}): HTMLElement {
  const el = $getDocument().createElement(tag);
  el.setAttribute(RK, kind);
  el.className = className;
  setAttrs(el, attrs);
  return el;
}

export function setAttrs(el: HTMLElement, attrs: Record<string, string | null | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) el.removeAttribute(k);
    else if (el.getAttribute(k) !== v) el.setAttribute(k, v);
  }
}

/** An element Lexical made (a table's row or cell), with this editor's attributes added. */
export function withAttrs<E extends HTMLElement>(el: E, attrs: Record<string, string | null | undefined>): E {
  setAttrs(el, attrs);
  return el;
}

/** updateDOM of a node whose element is never recreated: its attributes brought up to date. */
export function refreshAttrs(dom: HTMLElement, attrs: Record<string, string | null | undefined>): false {
  setAttrs(dom, attrs);
  return false;
}

/** updateDOM after Lexical's own (`recreate`): a kept element's attributes brought up to date. */
export function refreshKept(recreate: boolean, dom: HTMLElement | undefined, attrs: Record<string, string | null | undefined>): boolean {
  if (!recreate && dom) setAttrs(dom, attrs);
  return recreate;
}

/** An inline element the caret steps over whole (a footnote number, a cross-reference). */
export function atom(tag: string, kind: string, className: string, attrs: Record<string, string | null | undefined>): HTMLElement {
  const el = element(tag, kind, className, attrs);
  el.setAttribute('contenteditable', 'false');
  return el;
}

/** The clipboard's copy of a text block: an empty one keeps its line with a <br>. */
export function blockExport(el: HTMLElement, empty: boolean): DOMExportOutput {
  if (empty) el.append($getDocument().createElement('br'));
  return { element: el };
}

/** Span holding a label in copied HTML: shown to other programs, dropped when pasted back. */
export const LABEL_ATTR = 'data-rk-label';

/** Prepends the block's current label ("12.", "a)") to an exported element, for the clipboard. */
export function withLabel(el: HTMLElement, editor: LexicalEditor, node: LexicalNode): HTMLElement {
  const label = viewOf(editor)?.labelOf(node.getKey());
  if (label) {
    const span = $getDocument().createElement('span');
    span.setAttribute(LABEL_ATTR, '');
    span.textContent = `${label}\u00a0`;
    el.prepend(span);
  }
  return el;
}

/** importDOM entry for an element this editor wrote with `data-rk="<kind>"`, ahead of Lexical's own conversions. */
export function ownConversion(kind: string, conversion: (el: HTMLElement) => DOMConversionOutput | null) {
  return (el: HTMLElement) => (el.getAttribute(RK) === kind ? { conversion, priority: 3 as const } : null);
}

/** Drops an element and everything in it (labels, generated text shown to other programs). */
export function dropConversion(): DOMConversionOutput {
  return { node: null, forChild: () => null };
}

export function attr(el: HTMLElement, name: string): string | null {
  return el.getAttribute(name);
}
