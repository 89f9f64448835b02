/**
 * What the editor shows but does not hold, computed by the core for the current structure:
 * every label ("12.", "a)", "I.", footnote numbers), every cross-reference's text
 * (`renderXref`), and the generated wording of part heads, closing requests, openings and
 * signatures — the last straight from the one layout (`layoutDocument`) every renderer reads,
 * here run on the document's structure without its words.
 *
 * Pure reading (`$`: inside `editorState.read`), no DOM: the labels plugin writes the result
 * into the page; the unit tests read it headless.
 */
import { $getNodeByKey, $getState, $isElementNode, $nodesOfType, type NodeKey } from 'lexical';
import type { Lang, RDocument } from '../../../core/model/schema';
import { numberDocument } from '../../../core/numbering/numbering';
import { renderXref } from '../../../core/numbering/xref';
import { layoutDocument } from '../../../core/render/layout';
import type { Span } from '../../../core/render/spans';
import { eachLayoutBlock, signatureLineSpans } from '../../../core/render/traverse';
import { $documentStructure } from '../mapping/toModel';
import { XrefNode } from '../nodes/XrefNode';
import { FootnoteRefNode } from '../nodes/FootnoteRefNode';
import { FootnoteNode } from '../nodes/FootnoteNode';
import { $partOf } from '../nodes/blocks';
import { footnoteIdState } from '../nodes/state';
import type { StructureSnapshot } from './snapshot';

/** A part head's three lines (each may be empty). */
export type PartHeadText = { heading: Span[]; originalMarker: Span[]; title: Span[] };

export type ComputedView = {
  snapshot: StructureSnapshot;
  labels: Map<NodeKey, string>;
  xrefs: Map<NodeKey, { text: string; broken: boolean }>;
  /** Part heads by the key of their part head node. */
  partHeads: Map<NodeKey, PartHeadText>;
  /** Closing and opening text (one line) and signature lines, by node key. */
  generated: Map<NodeKey, Span[][]>;
  /** First and last block of each quotation, for its quotation marks. */
  quoteMarks: Map<NodeKey, { open?: string; close?: string }>;
};

export function $computeView(base: RDocument, lang: Lang): ComputedView {
  const { doc, keys } = $documentStructure(base, lang);
  const numbering = numberDocument(doc, lang);
  const labels = new Map<NodeKey, string>();
  for (const [id, label] of numbering.blocks) {
    const key = keys.get(id);
    if (key !== undefined) labels.set(key, label.label);
  }

  const xrefs = new Map<NodeKey, { text: string; broken: boolean }>();
  for (const node of $nodesOfType(XrefNode)) {
    const part = $partOf(node);
    const r = renderXref({ type: 'xref', ...node.getXref() }, numbering, part?.getPartId());
    xrefs.set(node.getKey(), { text: r.text, broken: r.broken });
  }
  for (const node of [...$nodesOfType(FootnoteRefNode), ...$nodesOfType(FootnoteNode)]) {
    const n = numbering.footnotes.get($getState(node, footnoteIdState));
    if (n !== undefined) labels.set(node.getKey(), String(n));
  }

  const layout = layoutDocument(doc, lang, {}, numbering);
  const partHeads = new Map<NodeKey, PartHeadText>();
  const generated = new Map<NodeKey, Span[][]>();
  const quoteMarks = new Map<NodeKey, { open?: string; close?: string }>();
  const [open, close] = lang === 'fr' ? ['«\u00a0', '\u00a0»'] : ['“', '”'];
  for (const part of layout.parts) {
    const partNode = $getNodeByKey(keys.get(part.id) ?? '');
    const head = $isElementNode(partNode) ? partNode.getFirstChild() : null;
    if (head) partHeads.set(head.getKey(), { heading: part.heading ?? [], originalMarker: part.originalMarker ?? [], title: part.titleGenerated ? part.title : [] });
    eachLayoutBlock(part.blocks, (b) => {
      const k = keys.get(b.id);
      if (k === undefined) return;
      if (b.type === 'generated') generated.set(k, [b.spans]);
      else if (b.type === 'signature') generated.set(k, b.signatories.flatMap((s, i) => {
        const lines = s.lines.map(signatureLineSpans);
        return i > 0 ? [[], ...lines] : lines;
      }));
      else if (b.type === 'quote' && b.blocks.length > 0) {
        const first = keys.get(b.blocks[0]!.id);
        const last = keys.get(b.blocks[b.blocks.length - 1]!.id);
        if (first !== undefined) quoteMarks.set(first, { ...quoteMarks.get(first), open });
        if (last !== undefined) quoteMarks.set(last, { ...quoteMarks.get(last), close });
      }
    });
  }
  return { snapshot: { lang, skeleton: doc, numbering, keyOf: keys }, labels, xrefs, partHeads, generated, quoteMarks };
}
