/**
 * What the Insert menu and its shortcuts add, at the caret (`$`: inside `editor.update`):
 * a footnote (its note in the part's footnote area, in reference order, the caret in it), a
 * cross-reference, a table (header row, cells holding paragraphs), a heading, a page break, an
 * annex or an enclosure (a new part, owned as the model says, the caret in its title).
 */
import { $createTableNodeWithDimensions, $findCellNode, $isTableCellNode } from '@lexical/table';
import { $getRoot, $getSelection, $getState, $isElementNode, $isRangeSelection, type ElementNode, type LexicalNode } from 'lexical';
import type { PartKind } from '../../../core/model/schema';
import { $createFootnoteRefNode, $isFootnoteRefNode, type FootnoteRefNode } from '../nodes/FootnoteRefNode';
import { $createFootnoteNode, type FootnoteNode } from '../nodes/FootnoteNode';
import { $createXrefNode, type XrefInit } from '../nodes/XrefNode';
import { $createHeadingBlockNode } from '../nodes/HeadingBlockNode';
import { $createPageBreakNode } from '../nodes/PageBreakNode';
import { $createPartNode, $isPartNode, type PartNode } from '../nodes/PartNode';
import { $createPartHeadNode } from '../nodes/PartHeadNode';
import { $createPartTitleNode, $isPartTitleNode } from '../nodes/PartTitleNode';
import { $createParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { $isQuoteBlockNode } from '../nodes/QuoteBlockNode';
import { $isParticipantsNode } from '../nodes/ParticipantsNode';
import { $isFootnoteAreaNode } from '../nodes/FootnoteAreaNode';
import { $partOf } from '../nodes/blocks';
import { $footnoteArea, $findNote } from '../nodes/footnotes';
import { newId } from '../nodes/ids';
import { depthState, footnoteIdState } from '../nodes/state';

/** Containers whose children are blocks. */
function isBlockContainer(node: LexicalNode | null): node is ElementNode {
  return $isPartNode(node) || $isQuoteBlockNode(node) || $isParticipantsNode(node) || $isTableCellNode(node);
}

/** The block the caret is in, as a child of its container (the part, a quotation, a cell). */
export function $currentBlock(): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  let node: LexicalNode | null = selection.anchor.getNode();
  while (node !== null && !isBlockContainer(node.getParent())) node = node.getParent();
  if (node && $isFootnoteAreaNode(node)) return null;
  return node;
}

/** The part's footnote references in reading order. */
function $refsOf(part: PartNode): FootnoteRefNode[] {
  const out: FootnoteRefNode[] = [];
  const visit = (n: LexicalNode) => {
    if ($isFootnoteRefNode(n)) out.push(n);
    else if ($isElementNode(n) && !$isFootnoteAreaNode(n)) for (const c of n.getChildren()) visit(c);
  };
  visit(part);
  return out;
}

/** Puts a new note in its part's footnote area, before the note of the next reference. */
export function $placeNote(part: PartNode, ref: FootnoteRefNode, note: FootnoteNode): void {
  const refs = $refsOf(part);
  const area = $footnoteArea(part, true)!;
  for (const later of refs.slice(refs.findIndex((r) => r.is(ref)) + 1)) {
    const next = $findNote(part, $getState(later, footnoteIdState));
    if (next) {
      next.insertBefore(note);
      return;
    }
  }
  area.append(note);
}

export function $insertFootnote(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const part = $partOf(selection.anchor.getNode());
  if (!part || $currentBlock() === null) return false;
  const id = newId.footnote();
  const ref = $createFootnoteRefNode(id);
  selection.insertNodes([ref]);
  const note = $createFootnoteNode(id);
  $placeNote(part, ref, note);
  note.select();
  return true;
}

export function $insertXref(x: XrefInit): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || $currentBlock() === null) return false;
  selection.insertNodes([$createXrefNode(x)]);
  return true;
}

function $insertAfterCurrent(node: LexicalNode): boolean {
  const current = $currentBlock();
  if (!current) return false;
  current.insertAfter(node);
  return true;
}

export function $insertTable(rows: number, columns: number): boolean {
  const table = $createTableNodeWithDimensions(rows, columns, { rows: true, columns: false });
  if (!$insertAfterCurrent(table)) return false;
  const first = table.getFirstDescendant();
  if (first) $findCellNode(first)?.selectStart();
  return true;
}

export function $insertHeading(): boolean {
  const heading = $createHeadingBlockNode('chapter');
  if (!$insertAfterCurrent(heading)) return false;
  heading.select();
  return true;
}

export function $insertPageBreak(): boolean {
  const pageBreak = $createPageBreakNode();
  if (!$insertAfterCurrent(pageBreak)) return false;
  const after = $createParagraphBlockNode(false);
  pageBreak.insertAfter(after);
  after.select();
  return true;
}

/**
 * A new annex or enclosure. An annex belongs to the part the caret is in when that is a letter
 * or a text (else it is one more annex of the same owner); an enclosure belongs to the letter.
 * It goes after its owner's last part, opens with its head and an empty title, and the caret
 * goes to the title (Enter there starts its text).
 */
export function $insertPart(kind: Extract<PartKind, 'annex' | 'enclosure'>): PartNode | null {
  const selection = $getSelection();
  const parts = $getRoot().getChildren().filter($isPartNode);
  if (parts.length === 0) return null;
  const here = ($isRangeSelection(selection) ? $partOf(selection.anchor.getNode()) : null) ?? parts[parts.length - 1]!;
  const depthOf = (p: PartNode) => $getState(p, depthState);
  const index = parts.findIndex((p) => p.is(here));
  // The owner: the part itself (a letter or a text), else the part that owns it.
  let owner: PartNode = here;
  if (kind === 'enclosure') owner = parts.find((p) => p.getPartKind() === 'letter') ?? parts.slice(0, index + 1).reverse().find((p) => depthOf(p) === 0) ?? here;
  else if (here.getPartKind() === 'annex' || here.getPartKind() === 'enclosure') {
    owner = parts.slice(0, index).reverse().find((p) => depthOf(p) < depthOf(here)) ?? here;
  }
  const ownerIndex = parts.findIndex((p) => p.is(owner));
  let last = owner;
  for (const p of parts.slice(ownerIndex + 1)) {
    if (depthOf(p) <= depthOf(owner)) break;
    last = p;
  }
  const part = $createPartNode({ kind, depth: depthOf(owner) + 1 });
  const title = $createPartTitleNode();
  part.append($createPartHeadNode(), title);
  last.insertAfter(part);
  title.select();
  return part;
}

/** Whether the caret is in a table (the row and column commands apply). */
export function $inTable(): boolean {
  const selection = $getSelection();
  return $isRangeSelection(selection) && $findCellNode(selection.anchor.getNode()) !== null;
}

/** Whether the caret is where blocks can be inserted (not in a part head, title or footnote). */
export function $canInsertBlocks(): boolean {
  const current = $currentBlock();
  return current !== null && !$isPartTitleNode(current);
}

/** What the toolbar's Insert list and the menu's Insert menu offer. */
export const INSERT_ITEMS = ['footnote', 'xref', 'table', 'heading', 'pageBreak', 'annex', 'enclosure'] as const;
export type InsertItem = (typeof INSERT_ITEMS)[number];

/** Inserts `item` at the caret (the cross-reference opens its picker instead, so it is not here). */
export function $insertItem(item: Exclude<InsertItem, 'xref'>): void {
  if (item === 'footnote') $insertFootnote();
  else if (item === 'table') $insertTable(3, 3);
  else if (item === 'heading') $insertHeading();
  else if (item === 'pageBreak') $insertPageBreak();
  else $insertPart(item);
}
