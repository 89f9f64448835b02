/**
 * Typing as drafters expect:
 * - Enter continues the kind of block (each node's insertNewAfter); on an empty subparagraph or
 *   bullet it goes one level up (from level 1, a paragraph); in a footnote it breaks the line
 *   (a note is one paragraph in the model);
 * - Tab / Shift+Tab move the selected blocks one level down / up (in a table, Tab moves
 *   between cells, as Lexical's table does);
 * - Backspace at the start of a part's first block does not reach into the part head;
 * - Ctrl+Shift+<digit> gives the block a kind (the block-type menu's shortcuts), Ctrl+Enter a
 *   page break, Ctrl+Alt+F a footnote, Ctrl+Shift+= superscript; the other shortcuts (find,
 *   cross-reference) are the toolbar's;
 * - Ctrl+Alt+W (and Tab in a part's title, which has no level) takes the keyboard to the
 *   "edit this wording" controls of the generated text above the caret (the part's heading and
 *   title, or the opening, closing or signature block before it): Tab indents everywhere else,
 *   so without it they could only be reached with the mouse;
 * - only the model's marks exist: bold, italic, superscript (Ctrl+U and the like do nothing).
 */
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  mergeRegister,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { $findCellNode } from '@lexical/table';
import { $isSubparagraphNode } from '../nodes/SubparagraphNode';
import { $isBulletNode } from '../nodes/BulletNode';
import { $isFootnoteNode } from '../nodes/FootnoteNode';
import { $isPartHeadNode } from '../nodes/PartHeadNode';
import { $isClosingNode } from '../nodes/ClosingNode';
import { $isOpeningNode } from '../nodes/OpeningNode';
import { $isSignatureNode } from '../nodes/SignatureNode';
import { $isPartNode } from '../nodes/PartNode';
import { $createBlockLike, $indent, $isKindBlock, $outdent, $selectedTextBlocks, $setBlockKind, $textBlockOf, BLOCK_CHOICES } from './blockCommands';
import { $isPartTitleNode } from '../nodes/PartTitleNode';
import { $paragraphAfter } from '../nodes/blocks';
import { $insertFootnote, $insertPageBreak } from './insertCommands';

export type EditMode = 'edit' | 'text' | 'read';

const MARKS = new Set(['bold', 'italic', 'superscript']);

/** Whether a collapsed selection is at the very start of a block. */
export function $atStart(selection: RangeSelection, block: ElementNode): boolean {
  const point = selection.anchor;
  if (point.offset !== 0) return false;
  const node = point.getNode();
  if (node.is(block)) return true;
  const first = block.getFirstDescendant();
  return first !== null && node.is(first);
}

/**
 * The node whose wording controls serve the caret: the nearest opening, closing or signature
 * block before it in its part, else the part's head.
 */
export function $wordingNodeAtCaret(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  let node: LexicalNode | null = selection.anchor.getNode();
  while (node !== null && !$isPartNode(node.getParent())) node = node.getParent();
  for (let n: LexicalNode | null = node; n !== null; n = n.getPreviousSibling()) {
    if ($isOpeningNode(n) || $isClosingNode(n) || $isSignatureNode(n) || $isPartHeadNode(n)) return n.getKey();
  }
  return null;
}

/** Moves the keyboard to the first wording control of `key`'s element (after this key is handled). */
function focusWording(editor: LexicalEditor, key: string | null): boolean {
  const button = key === null ? null : editor.getElementByKey(key)?.querySelector<HTMLElement>('.rk-wording button');
  if (!button) return false;
  setTimeout(() => button.focus(), 0);
  return true;
}

export function registerKeyboard(editor: LexicalEditor, mode: () => EditMode): () => void {
  const structural = () => mode() === 'edit';
  return mergeRegister(
    editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        if (!structural()) return true;
        const block = $textBlockOf(selection.anchor.getNode());
        if (!block) return false;
        if ($isFootnoteNode(block)) {
          selection.insertLineBreak();
          return true;
        }
        if (selection.isCollapsed() && ($isSubparagraphNode(block) || $isBulletNode(block)) && block.getTextContentSize() === 0 && block.getChildrenSize() === 0) {
          $outdent(block).selectStart();
          return true;
        }
        if ($isPartTitleNode(block)) {
          // A title is not split: Enter starts the part's text after it.
          if (!selection.isCollapsed()) selection.removeText();
          const next = $paragraphAfter(block);
          block.insertAfter(next);
          next.selectStart();
          return true;
        }
        if (selection.isCollapsed() && $isKindBlock(block) && block.getChildrenSize() > 0 && $atStart(selection, block)) {
          // Enter at the start of a block opens an empty one before it: the block keeps its id,
          // so a cross-reference to it follows it to its new number.
          const twin = $createBlockLike(block);
          if (twin) {
            block.insertBefore(twin);
            return true;
          }
        }
        return false;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event: KeyboardEvent) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        if ($findCellNode(selection.anchor.getNode())) return false;
        event.preventDefault();
        if (!event.shiftKey && $isPartTitleNode($textBlockOf(selection.anchor.getNode()))) {
          focusWording(editor, $wordingNodeAtCaret());
          return true;
        }
        if (!structural()) return true;
        for (const block of $selectedTextBlocks()) (event.shiftKey ? $outdent : $indent)(block);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      (event: KeyboardEvent) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.offset !== 0) return false;
        const block = $textBlockOf(selection.anchor.getNode());
        if (!block) return false;
        const atStart = block.getFirstDescendant() === null || selection.anchor.getNode().is(block) || selection.anchor.getNode().is(block.getFirstDescendant());
        if (atStart && $isPartHeadNode(block.getPreviousSibling())) {
          event.preventDefault();
          return true;
        }
        return false;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      FORMAT_TEXT_COMMAND,
      (format) => !MARKS.has(format),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event: KeyboardEvent) => {
        const ctrl = event.ctrlKey || event.metaKey;
        if (!ctrl) return false;
        if (event.shiftKey && !event.altKey) {
          const choice = BLOCK_CHOICES.find((c) => c.key === event.code);
          if (choice) {
            event.preventDefault();
            if (structural()) for (const block of $selectedTextBlocks()) $setBlockKind(block, choice.choice);
            return true;
          }
          if (event.code === 'Equal') {
            event.preventDefault();
            editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'superscript');
            return true;
          }
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
          event.preventDefault();
          if (structural()) $insertPageBreak();
          return true;
        }
        if (event.altKey && event.code === 'KeyF') {
          event.preventDefault();
          if (structural()) $insertFootnote();
          return true;
        }
        if (event.altKey && !event.shiftKey && event.code === 'KeyW') {
          event.preventDefault();
          focusWording(editor, $wordingNodeAtCaret());
          return true;
        }
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}
