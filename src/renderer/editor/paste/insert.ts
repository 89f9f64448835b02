/**
 * Puts pasted blocks where the caret is (`$`: inside `editor.update`): the block the caret is
 * in is split there (an empty block is replaced), the blocks go between the halves, their
 * footnotes' notes go to the part's footnote area, and the caret ends after the last one. A
 * single unnumbered paragraph is pasted as words into the current block.
 */
import { $getSelection, $isElementNode, $isRangeSelection, $isDecoratorNode, type ElementNode, type LexicalNode } from 'lexical';
import { $textBlockOf } from '../plugins/blockCommands';
import { $isParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { $isPartTitleNode } from '../nodes/PartTitleNode';
import { $isFootnoteNode, type FootnoteNode } from '../nodes/FootnoteNode';
import { $partOf } from '../nodes/blocks';
import { $currentBlock } from '../plugins/insertCommands';
import { $footnoteArea } from '../nodes/footnotes';

/** Whether these nodes are only words for the current block (one plain paragraph). */
export function isInlinePaste(nodes: LexicalNode[]): boolean {
  return nodes.length === 1 && $isParagraphBlockNode(nodes[0]) && !nodes[0].isNumbered();
}

/** Inserts block nodes at the caret; returns the last one inserted (for the next chunk). */
export function $insertBlocks(nodes: LexicalNode[], notes: FootnoteNode[], after?: LexicalNode): LexicalNode | null {
  if (nodes.length === 0) return after ?? null;
  const selection = $getSelection();
  let anchorBlock: LexicalNode | null = after ?? null;
  if (!anchorBlock) {
    if (!$isRangeSelection(selection)) return null;
    if (!selection.isCollapsed()) selection.removeText();
    if (isInlinePaste(nodes)) {
      const paragraph = nodes[0] as ElementNode;
      selection.insertNodes(paragraph.getChildren());
      $addNotes(selection.anchor.getNode(), notes);
      return null;
    }
    const block = $textBlockOf(selection.anchor.getNode());
    const current = $currentBlock();
    if (block && !$isFootnoteNode(block) && !$isPartTitleNode(block) && current && block.is(current)) {
      if (block.getTextContentSize() === 0 && block.getChildrenSize() === 0) {
        anchorBlock = block.getPreviousSibling();
        const parent = block.getParentOrThrow();
        block.remove();
        if (!anchorBlock) {
          parent.splice($isDecoratorNode(parent.getFirstChild()) ? 1 : 0, 0, [nodes[0]!]);
          anchorBlock = nodes[0]!;
          nodes = nodes.slice(1);
        }
      } else {
        // Split at the caret: the words after it go to a new block of the same kind after the paste.
        const rest = selection.insertParagraph();
        anchorBlock = rest ? rest.getPreviousSibling() : block;
        if (rest && rest.getTextContentSize() === 0 && $isElementNode(rest) && rest.getChildrenSize() === 0) rest.remove();
      }
    } else anchorBlock = current;
    if (!anchorBlock) return null;
  }
  let last = anchorBlock;
  for (const node of nodes) {
    last.insertAfter(node);
    last = node;
  }
  $addNotes(last, notes);
  if ($isElementNode(last)) last.selectEnd();
  return last;
}

function $addNotes(near: LexicalNode, notes: FootnoteNode[]): void {
  if (notes.length === 0) return;
  const part = $partOf(near);
  if (!part) return;
  $footnoteArea(part, true)!.append(...notes);
}
