/**
 * The rules that keep the editor's state a valid document whatever the editing did, as node
 * transforms (they run inside the update that broke the rule, so the undo history never sees
 * a broken state). None needs a DOM: the headless tests run them too.
 *
 * - every part, block, row and cell has an id: a node Lexical copied (its id reset) or created
 *   by itself gets a fresh one;
 * - a part opens with exactly one part head, and keeps its footnote area last (removed when empty);
 * - a footnote reference has its note in its part's footnote area (a pasted reference brings its
 *   words; a reference moved to another part takes its note along); a note whose reference is
 *   gone is removed (in a follow-up update merged into the same undo step);
 * - a template placeholder whose words changed is ordinary text;
 * - the stand-in paragraph of an empty table cell stops being one once it holds words;
 * - no id is ever held twice: whatever made a second node with an existing id (a drag with copy,
 *   an extension), the newer node gets a fresh one (checked on what each update touched only).
 */
import { $createTextNode, $getNodeByKey, $getSelection, $getState, $isElementNode, $isRangeSelection, $setState, NODE_STATE_DIRECT, mergeRegister, type LexicalEditor, type LexicalNode } from 'lexical';
import { $createPartHeadNode, $isPartHeadNode, PartHeadNode } from '../nodes/PartHeadNode';
import { $isFootnoteAreaNode, FootnoteAreaNode } from '../nodes/FootnoteAreaNode';
import { $createFootnoteNode, $isFootnoteNode, FootnoteNode } from '../nodes/FootnoteNode';
import { FootnoteRefNode, $isFootnoteRefNode } from '../nodes/FootnoteRefNode';
import { PlaceholderNode } from '../nodes/PlaceholderNode';
import { ParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { PartNode } from '../nodes/PartNode';
import { TableRowBlockNode } from '../nodes/TableRowBlockNode';
import { BLOCK_NODES } from '../nodes';
import { TableCellBlockNode } from '../nodes/TableCellBlockNode';
import { $partOf } from '../nodes/blocks';
import { $findNote } from '../nodes/footnotes';
import { $placeNote } from './insertCommands';
import { $createInlineNodes } from '../mapping/inline';
import { newId } from '../nodes/ids';
import { cellFillerState, footnoteIdState, idState, pendingNoteState } from '../nodes/state';

/** Tag of the follow-up updates these rules make: merged into the undo step that caused them. */
export const HISTORY_MERGE = 'history-merge';


function freshIdWhenMissing(make: () => string) {
  return (node: LexicalNode) => {
    if ($getState(node, idState) === '') $setState(node, idState, make());
  };
}

function $partRule(part: PartNode): void {
  const children = part.getChildren();
  const first = children[0];
  if (!$isPartHeadNode(first)) {
    if (first) first.insertBefore($createPartHeadNode());
    else part.append($createPartHeadNode());
  }
  children.forEach((child, i) => {
    if (i > 0 && $isPartHeadNode(child)) child.remove();
    if ($isFootnoteAreaNode(child) && i !== children.length - 1) part.append(child);
  });
}

function $areaRule(area: FootnoteAreaNode): void {
  for (const child of area.getChildren()) if (!$isFootnoteNode(child)) child.remove();
  if (area.getChildrenSize() === 0) area.remove();
}

/** The reference's note, in its own part's area: brought from another part, made from pasted words, or new. */
function $footnoteRule(ref: FootnoteRefNode): void {
  const part = $partOf(ref);
  if (!part) return;
  let id = ref.getFootnoteId();
  const pending = $getState(ref, pendingNoteState);
  if (id === '') {
    id = newId.footnote();
    ref.setFootnoteId(id);
  }
  if (pending !== null) $setState(ref, pendingNoteState, null);
  if ($findNote(part, id)) return;
  const note = $noteAnywhere(id) ?? $createFootnoteNode(id);
  if (pending && note.getChildrenSize() === 0) note.append(...$createInlineNodes(pending.filter((r) => r.type !== 'footnote'), () => null));
  $placeNote(part, ref, note);
}

function $noteAnywhere(id: string): FootnoteNode | null {
  const root = $getNodeByKey('root');
  if (!root || !$isElementNode(root)) return null;
  for (const part of root.getChildren()) {
    if (!(part instanceof PartNode)) continue;
    const note = $findNote(part, id);
    if (note) return note;
  }
  return null;
}

function $placeholderRule(node: PlaceholderNode): void {
  if (node.getTextContent() === node.getOriginal()) return;
  const text = $createTextNode(node.getTextContent()).setFormat(node.getFormat()).setStyle(node.getStyle());
  // The caret stays where it was in the words.
  const selection = $getSelection();
  const points = $isRangeSelection(selection) ? [selection.anchor, selection.focus].filter((p) => p.key === node.getKey()).map((p) => [p, p.offset] as const) : [];
  node.replace(text);
  for (const [point, offset] of points) point.set(text.getKey(), offset, 'text');
}

/** Removes notes whose reference was deleted (a reference's deletion does not touch its note). */
function removeOrphanNotes(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ dirtyLeaves, prevEditorState, editorState, tags }) => {
    let gone = false;
    for (const key of dirtyLeaves) {
      const before = prevEditorState._nodeMap.get(key);
      if (before && $isFootnoteRefNode(before) && !editorState._nodeMap.has(key)) {
        gone = true;
        break;
      }
    }
    if (!gone || tags.has('collaboration')) return;
    editor.update(
      () => {
        const refs = new Set<string>();
        const notes: FootnoteNode[] = [];
        for (const node of editorState._nodeMap.values()) {
          if ($isFootnoteRefNode(node)) refs.add($getState(node, footnoteIdState));
        }
        for (const node of editorState._nodeMap.values()) {
          if ($isFootnoteNode(node) && !refs.has($getState(node, footnoteIdState))) notes.push(node);
        }
        for (const note of notes) $getNodeByKey(note.getKey())?.remove();
      },
      { tag: HISTORY_MERGE },
    );
  });
}

/** Model ids by node key, kept up to date from what each update touched. */
function registerUniqueIds(editor: LexicalEditor): () => void {
  const holder = new Map<string, string>();
  const idOf = (node: LexicalNode | undefined) => (node && node.__state ? $getStateDirect(node) : '');
  const index = (state: import('lexical').EditorState) => {
    for (const [key, node] of state._nodeMap) {
      const id = idOf(node);
      if (id !== '' && !holder.has(id)) holder.set(id, key);
    }
  };
  index(editor.getEditorState());
  return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
    if (prevEditorState.isEmpty()) {
      holder.clear();
      index(editorState);
      return;
    }
    const duplicates: string[] = [];
    const visit = (key: string) => {
      const before = idOf(prevEditorState._nodeMap.get(key));
      const node = editorState._nodeMap.get(key);
      const id = idOf(node);
      if (before !== '' && before !== id && holder.get(before) === key) holder.delete(before);
      if (id === '') return;
      const other = holder.get(id);
      if (other === undefined || other === key || !editorState._nodeMap.has(other) || idOf(editorState._nodeMap.get(other)) !== id) holder.set(id, key);
      else duplicates.push(key);
    };
    for (const key of dirtyElements.keys()) visit(key);
    for (const key of dirtyLeaves) visit(key);
    if (duplicates.length === 0) return;
    editor.update(
      () => {
        for (const key of duplicates) {
          const node = $getNodeByKey(key);
          if (!node) continue;
          const fresh = node.getType() === 'rk-part' ? newId.part() : node.getType() === 'rk-table-row' ? newId.row() : node.getType() === 'rk-table-cell' ? newId.cell() : newId.block();
          $setState(node, idState, fresh);
        }
      },
      { tag: HISTORY_MERGE },
    );
  });
}

/** The id a node version carries, read without an active editor state. */
function $getStateDirect(node: LexicalNode): string {
  return $getState(node, idState, NODE_STATE_DIRECT);
}

export function registerDocumentRules(editor: LexicalEditor): () => void {
  return mergeRegister(
    registerUniqueIds(editor),
    ...BLOCK_NODES.map((klass) => editor.registerNodeTransform(klass, freshIdWhenMissing(newId.block))),
    editor.registerNodeTransform(PartNode, (node) => {
      freshIdWhenMissing(newId.part)(node);
      $partRule(node);
    }),
    editor.registerNodeTransform(TableRowBlockNode, freshIdWhenMissing(newId.row)),
    editor.registerNodeTransform(TableCellBlockNode, freshIdWhenMissing(newId.cell)),
    editor.registerNodeTransform(ParagraphBlockNode, (node) => {
      if (node.isCellFiller() && node.getChildrenSize() > 0) $setState(node, cellFillerState, false);
    }),
    editor.registerNodeTransform(FootnoteAreaNode, $areaRule),
    editor.registerNodeTransform(FootnoteRefNode, $footnoteRule),
    editor.registerNodeTransform(PlaceholderNode, $placeholderRule),
    editor.registerNodeTransform(PartHeadNode, (head) => {
      if (!(head.getParent() instanceof PartNode)) head.remove();
    }),
    removeOrphanNotes(editor),
  );
}
