/**
 * Did an update change the document's structure (what the numbering engine reads), or only
 * words? Typing changes a text node: its block and part are marked dirty without being written
 * ("unintentionally"), and nothing here looks further. A structural change writes an element
 * (a block created, removed, moved, re-levelled; a part's children changed; the root's metadata)
 * or creates / removes a footnote reference or a cross-reference. The check is proportional to
 * what the update touched, never to the document.
 */
import type { EditorState, LexicalNode, NodeKey } from 'lexical';
import { $isElementNode } from 'lexical';
import { $isFootnoteRefNode } from '../nodes/FootnoteRefNode';
import { $isXrefNode } from '../nodes/XrefNode';

/** Text blocks whose own writes are structural only when their NodeState changed (their words are not structure). */
const TEXT_BLOCKS = new Set(['rk-paragraph', 'rk-heading', 'rk-subparagraph', 'rk-bullet', 'rk-participant', 'rk-part-title', 'rk-footnote']);

function sameState(a: LexicalNode, b: LexicalNode): boolean {
  const x = a.__state;
  const y = b.__state;
  if (x === y) return true;
  if (!x || !y) return false;
  return JSON.stringify(x.toJSON()) === JSON.stringify(y.toJSON());
}

export function isStructuralUpdate(dirtyElements: Map<NodeKey, boolean>, dirtyLeaves: Set<NodeKey>, prev: EditorState, next: EditorState): boolean {
  for (const [key, intentional] of dirtyElements) {
    if (!intentional) continue;
    const now = next._nodeMap.get(key);
    const before = prev._nodeMap.get(key);
    if (!now || !before) return true;
    if (key === 'root') {
      // Lexical writes the root on every update (its cached text): only its parts and its
      // metadata are structure.
      const r = now as unknown as { __first: unknown; __last: unknown; __size: number };
      const p = before as unknown as { __first: unknown; __last: unknown; __size: number };
      if (r.__first !== p.__first || r.__last !== p.__last || r.__size !== p.__size || !sameState(now, before)) return true;
      continue;
    }
    if (!TEXT_BLOCKS.has(now.__type)) return true;
    if (now.__parent !== before.__parent || now.__prev !== before.__prev || !sameState(now, before)) return true;
  }
  for (const key of dirtyLeaves) {
    const now = next._nodeMap.get(key);
    const before = prev._nodeMap.get(key);
    const node = now ?? before;
    if (!node || $isElementNode(node)) continue;
    if (!($isFootnoteRefNode(node) || $isXrefNode(node))) continue;
    if (!now || !before || !sameState(now, before) || now.__parent !== before.__parent) return true;
  }
  return false;
}
