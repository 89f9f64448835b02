/**
 * Typing over a placeholder replaces it: a click (or a caret that lands) inside a template
 * placeholder selects all of it, so the next keystroke replaces the whole "[Prénom Nom]"
 * (the document rules then make the typed words ordinary text).
 */
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, SELECTION_CHANGE_COMMAND, type LexicalEditor } from 'lexical';
import { $isPlaceholderNode } from '../nodes/PlaceholderNode';

export function registerPlaceholders(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    SELECTION_CHANGE_COMMAND,
    () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
      const node = selection.anchor.getNode();
      const offset = selection.anchor.offset;
      if ($isPlaceholderNode(node) && offset > 0 && offset < node.getTextContentSize()) node.select(0, node.getTextContentSize());
      return false;
    },
    COMMAND_PRIORITY_LOW,
  );
}
