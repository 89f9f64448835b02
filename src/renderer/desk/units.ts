/**
 * What the translator's desk reads from each of its two editors: the units that are laid out one
 * under the other (a part's head, its title, each block, each table row, its footnotes), keyed the
 * same way in both languages so the two sides can be aligned unit by unit; and, for any node, the
 * translation row it belongs to (a block, a part title; a footnote belongs to the block that
 * holds its reference).
 */
import { $getRoot, $isElementNode, $nodesOfType, type LexicalNode, type NodeKey } from 'lexical';
import { $isPartNode } from '../editor/nodes/PartNode';
import { $isPartHeadNode } from '../editor/nodes/PartHeadNode';
import { $isPartTitleNode } from '../editor/nodes/PartTitleNode';
import { $isQuoteBlockNode } from '../editor/nodes/QuoteBlockNode';
import { $isParticipantsNode } from '../editor/nodes/ParticipantsNode';
import { $isTableBlockNode } from '../editor/nodes/TableBlockNode';
import { $isTableRowBlockNode } from '../editor/nodes/TableRowBlockNode';
import { $isFootnoteAreaNode } from '../editor/nodes/FootnoteAreaNode';
import { $isFootnoteNode } from '../editor/nodes/FootnoteNode';
import { FootnoteRefNode } from '../editor/nodes/FootnoteRefNode';
import { $idOf, $partOf } from '../editor/nodes/blocks';
import { $inlineContent, $footnoteIdOf } from '../editor/mapping/inline';
import type { Inline } from '../../core/model/schema';
import { $isTextBlock } from '../editor/plugins/blockCommands';

/** One unit of the page: `key` is the same in both languages; `row` when it is a table row. */
export type Unit = { key: string; node: NodeKey; tableRow: boolean };

/** The units of the editor's document, in page order. */
export function $pageUnits(): Unit[] {
  const out: Unit[] = [];
  const block = (node: LexicalNode) => {
    if ($isQuoteBlockNode(node) || $isParticipantsNode(node)) {
      for (const child of node.getChildren()) block(child);
    } else if ($isTableBlockNode(node)) {
      for (const row of node.getChildren()) if ($isTableRowBlockNode(row)) out.push({ key: `row:${row.getRowId()}`, node: row.getKey(), tableRow: true });
    } else {
      const id = $idOf(node);
      if (id !== '') out.push({ key: `block:${id}`, node: node.getKey(), tableRow: false });
    }
  };
  for (const part of $getRoot().getChildren()) {
    if (!$isPartNode(part)) continue;
    const id = part.getPartId();
    for (const child of part.getChildren()) {
      if ($isPartHeadNode(child)) out.push({ key: `head:${id}`, node: child.getKey(), tableRow: false });
      else if ($isPartTitleNode(child)) out.push({ key: `title:${id}`, node: child.getKey(), tableRow: false });
      else if ($isFootnoteAreaNode(child)) out.push({ key: `notes:${id}`, node: child.getKey(), tableRow: false });
      else block(child);
    }
  }
  return out;
}

/** The translation row (core/translation/status: a block or part id) that `node` is part of. */
export function $rowIdOf(node: LexicalNode | null): string | undefined {
  for (let n = node; n !== null; n = n.getParent()) {
    if ($isPartTitleNode(n)) return $partOf(n)?.getPartId();
    if ($isFootnoteNode(n)) {
      const id = n.getFootnoteId();
      const ref = $nodesOfType(FootnoteRefNode).find((r) => r.getFootnoteId() === id);
      return ref ? $rowIdOf(ref) : undefined;
    }
    if ($isTextBlock(n)) return $idOf(n) || undefined;
  }
  return undefined;
}

/** The node keys of the rows' text blocks (part titles under their part's id), by row id. */
export function $rowNodes(): Map<string, NodeKey> {
  const out = new Map<string, NodeKey>();
  const visit = (n: LexicalNode) => {
    if ($isPartTitleNode(n)) {
      const part = $partOf(n);
      if (part) out.set(part.getPartId(), n.getKey());
    } else if ($isTextBlock(n) && !$isFootnoteNode(n)) {
      const id = $idOf(n);
      if (id !== '') out.set(id, n.getKey());
    }
    if ($isElementNode(n)) for (const c of n.getChildren()) visit(c);
  };
  visit($getRoot());
  return out;
}

/** A row's words as the model holds them (footnote notes from its part's footnote area). */
export function $rowContent(node: LexicalNode): Inline[] {
  if (!$isElementNode(node)) return [];
  const area = $partOf(node)?.getLastChild();
  return $inlineContent(node.getChildren(), (ref) => {
    const id = $footnoteIdOf(ref);
    const note = $isFootnoteAreaNode(area) ? area.getChildren().find((n) => $isFootnoteNode(n) && n.getFootnoteId() === id) : undefined;
    return { type: 'footnote', id, content: note && $isElementNode(note) ? ($inlineContent(note.getChildren()) as never) : [] };
  });
}
