/**
 * Writes the computed view into the page: a label as the `data-label` attribute of its block's
 * element (shown by CSS `::before`, so it is not text, not typed, not in the undo history),
 * cross-reference text into the reference's element, generated wording into the read-only
 * heads and blocks, quotation marks as attributes of a quotation's first and last blocks.
 * Only what changed is touched, except for elements Lexical has just (re)created, which get
 * everything again.
 */
import type { LexicalEditor, NodeKey } from 'lexical';
import type { Span } from '../../../core/render/spans';
import type { ComputedView } from './compute';
import { PART_HEAD_LINES } from '../nodes/PartHeadNode';

function setAttr(el: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Spans as DOM: text, with <sup>, <em>, <strong> where the layout says so. */
export function spansToDom(doc: Document, spans: Span[], into: HTMLElement): void {
  into.textContent = '';
  for (const s of spans) {
    let node: Node = doc.createTextNode(s.text);
    if (s.superscript) node = wrap(doc, 'sup', node);
    if (s.italic) node = wrap(doc, 'em', node);
    if (s.bold) node = wrap(doc, 'strong', node);
    into.append(node);
  }
}

function wrap(doc: Document, tag: string, child: Node): HTMLElement {
  const el = doc.createElement(tag);
  el.append(child);
  return el;
}

function sameSpans(a: Span[][] | undefined, b: Span[][] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * @param before the view the page shows now (undefined: nothing applied yet)
 * @param fresh  keys of elements Lexical created or recreated since: they are written whatever `before` says
 */
export function applyView(editor: LexicalEditor, view: ComputedView, before: ComputedView | undefined, fresh: Set<NodeKey>): void {
  const el = (key: NodeKey) => editor.getElementByKey(key);
  const changed = <T>(key: NodeKey, now: T | undefined, then: T | undefined, same: (a: T | undefined, b: T | undefined) => boolean) =>
    fresh.has(key) || before === undefined || !same(now, then);
  const eq = <T>(a: T, b: T) => a === b;

  // Labels (blocks, footnote references and notes)
  for (const [key, label] of view.labels) {
    if (!changed(key, label, before?.labels.get(key), eq)) continue;
    const e = el(key);
    if (e) setAttr(e, 'data-label', label);
  }
  if (before) for (const key of before.labels.keys()) if (!view.labels.has(key)) { const e = el(key); if (e) setAttr(e, 'data-label', undefined); }
  for (const key of fresh) if (!view.labels.has(key)) { const e = el(key); if (e) setAttr(e, 'data-label', undefined); }

  // Cross-references
  for (const [key, x] of view.xrefs) {
    if (!changed(key, x, before?.xrefs.get(key), (a, b) => a?.text === b?.text && a?.broken === b?.broken)) continue;
    const e = el(key);
    if (!e) continue;
    if (e.textContent !== x.text) e.textContent = x.text;
    e.classList.toggle('broken', x.broken);
    setAttr(e, 'data-broken', x.broken ? 'true' : undefined);
  }

  // Part heads
  for (const [key, head] of view.partHeads) {
    const then = before?.partHeads.get(key);
    if (!changed(key, head, then, (a, b) => JSON.stringify(a) === JSON.stringify(b))) continue;
    const e = el(key);
    if (!e) continue;
    const [heading, marker, title] = PART_HEAD_LINES.map((cls) => e.querySelector<HTMLElement>(`:scope > .${cls}`));
    if (heading) spansToDom(e.ownerDocument, head.heading, heading);
    if (marker) spansToDom(e.ownerDocument, head.originalMarker, marker);
    if (title) spansToDom(e.ownerDocument, head.title, title);
  }

  // Closing, opening, signature
  for (const [key, lines] of view.generated) {
    if (!changed(key, lines, before?.generated.get(key), sameSpans)) continue;
    const box = el(key)?.querySelector<HTMLElement>(':scope > .rk-gen-text');
    if (!box) continue;
    box.textContent = '';
    for (const line of lines) {
      const div = box.ownerDocument.createElement('div');
      if (line.length === 0) div.className = 'rk-gen-gap';
      spansToDom(box.ownerDocument, line, div);
      box.append(div);
    }
  }

  // Quotation marks
  for (const [key, marks] of view.quoteMarks) {
    if (!changed(key, marks, before?.quoteMarks.get(key), (a, b) => a?.open === b?.open && a?.close === b?.close)) continue;
    const e = el(key);
    if (!e) continue;
    setAttr(e, 'data-quote-open', marks.open);
    setAttr(e, 'data-quote-close', marks.close);
  }
  if (before) {
    for (const key of before.quoteMarks.keys()) {
      if (view.quoteMarks.has(key)) continue;
      const e = el(key);
      if (e) {
        setAttr(e, 'data-quote-open', undefined);
        setAttr(e, 'data-quote-close', undefined);
      }
    }
  }
}

/** Elements Lexical just created or recreated, when the structure did not change: only they are written. */
export function applyFresh(editor: LexicalEditor, view: ComputedView, fresh: Set<NodeKey>): void {
  const only: ComputedView = {
    snapshot: view.snapshot,
    labels: pick(view.labels, fresh),
    xrefs: pick(view.xrefs, fresh),
    partHeads: pick(view.partHeads, fresh),
    generated: pick(view.generated, fresh),
    quoteMarks: pick(view.quoteMarks, fresh),
  };
  applyView(editor, only, only, fresh);
}

function pick<V>(map: Map<NodeKey, V>, keys: Set<NodeKey>): Map<NodeKey, V> {
  const out = new Map<NodeKey, V>();
  for (const k of keys) {
    const v = map.get(k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}
