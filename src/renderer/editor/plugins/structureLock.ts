/**
 * "Text only, structure locked" (the translator's desk): words can change, blocks cannot be
 * created, merged, removed or re-levelled. Enter, Tab, kind changes, insertions and multi-block
 * pastes are refused by their own handlers (keyboard.ts, paste.ts); this refuses the deletions
 * that would merge or remove blocks: Backspace at a block's start, Delete at its end, and
 * deleting, cutting or typing over a selection that spans blocks.
 */
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  REMOVE_TEXT_COMMAND,
  mergeRegister,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { $textBlockOf } from './blockCommands';
import type { EditMode } from './keyboard';

/** Whether deleting now would cross a block boundary. */
function $wouldMerge(direction: 'backward' | 'forward' | 'none'): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return true;
  const a = $textBlockOf(selection.anchor.getNode());
  const f = $textBlockOf(selection.focus.getNode());
  if (!a || !f || !a.is(f)) return true;
  if (!selection.isCollapsed() || direction === 'none') return false;
  const block = a;
  const point = selection.anchor;
  if (direction === 'backward') {
    const first = block.getFirstDescendant();
    return first === null || (point.offset === 0 && (point.getNode().is(first) || point.getNode().is(block)));
  }
  const last = block.getLastDescendant();
  return last === null || (point.getNode().is(last) && point.offset === last.getTextContentSize()) || (point.getNode().is(block) && point.offset === block.getChildrenSize());
}

export function registerStructureLock(editor: LexicalEditor, mode: () => EditMode): () => void {
  const guard = <P>(command: LexicalCommand<P>, direction: (p: P) => 'backward' | 'forward' | 'none') =>
    editor.registerCommand(
      command,
      (payload: P) => {
        if (mode() !== 'text') return false;
        if (!$wouldMerge(direction(payload))) return false;
        if (payload instanceof Event) payload.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    );
  return mergeRegister(
    guard(KEY_BACKSPACE_COMMAND, () => 'backward'),
    guard(KEY_DELETE_COMMAND, () => 'forward'),
    guard(DELETE_CHARACTER_COMMAND, (backward) => (backward ? 'backward' : 'forward')),
    guard(DELETE_WORD_COMMAND, (backward) => (backward ? 'backward' : 'forward')),
    guard(DELETE_LINE_COMMAND, (backward) => (backward ? 'backward' : 'forward')),
    guard(REMOVE_TEXT_COMMAND, () => 'none'),
    guard(CUT_COMMAND, () => 'none'),
    guard(DROP_COMMAND, () => 'none'),
    guard(CONTROLLED_TEXT_INSERTION_COMMAND, () => 'none'),
  );
}
