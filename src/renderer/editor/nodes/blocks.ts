/** Where a node sits in the document's structure: its part, its block, what a new paragraph there is. */
import { $getState, type LexicalNode } from 'lexical';
import { $isPartNode, type PartNode } from './PartNode';
import { $createParagraphBlockNode, $isParagraphBlockNode, type ParagraphBlockNode } from './ParagraphBlockNode';
import { idState, partKindState } from './state';

/** The part a node belongs to. */
export function $partOf(node: LexicalNode): PartNode | null {
  let n: LexicalNode | null = node;
  while (n !== null && !$isPartNode(n)) n = n.getParent();
  return n;
}

/** The model id a node carries (blocks, parts, rows, cells), '' when it has none. */
export function $idOf(node: LexicalNode): string {
  return $getState(node, idState);
}

/**
 * A new paragraph after `node`: numbered like the nearest paragraph before it in the same
 * container, else numbered unless it is in a letter, a table cell or a quotation.
 */
export function $paragraphAfter(node: LexicalNode): ParagraphBlockNode {
  let prev: LexicalNode | null = node;
  while (prev !== null) {
    if ($isParagraphBlockNode(prev)) return $createParagraphBlockNode(prev.isNumbered());
    prev = prev.getPreviousSibling();
  }
  const parent = node.getParent();
  const numbered = $isPartNode(parent) && $getState(parent, partKindState) !== 'letter';
  return $createParagraphBlockNode(numbered);
}

/** insertNewAfter of a block that Enter leaves for a paragraph (a heading, a part's title). */
export function $insertParagraphAfter(node: LexicalNode, restoreSelection: boolean): ParagraphBlockNode {
  const next = $paragraphAfter(node);
  node.insertAfter(next, restoreSelection);
  return next;
}
