/**
 * Footnote indicators on screen where the exports put them (the Editorial Manual's rule, one
 * source: `misplacedPunctuation` in core/render/spans.ts): after punctuation in English
 * ("text,¹"), before it in French (« texte¹, »). Whatever side the drafter typed the punctuation
 * on, it is moved across the indicator as it is typed (or as the note is inserted), in a follow-up
 * update merged into the same undo step; the caret stays after what was typed. A document opened
 * with indicators on the wrong side is put right once, also merged (not an edit to save).
 *
 * The work of a keystroke is the nodes it touched: only a footnote reference that changed, or
 * one beside a text that changed, is looked at.
 */
import { $getNodeByKey, $getSelection, $isRangeSelection, $isTextNode, type EditorState, type LexicalEditor, type LexicalNode, type NodeKey, type TextNode } from 'lexical';
import type { Lang } from '../../../core/model/schema';
import { misplacedPunctuation } from '../../../core/render/spans';
import { $isFootnoteRefNode, type FootnoteRefNode } from '../nodes/FootnoteRefNode';
import { HISTORY_MERGE } from './documentRules';

/** Plain words (not a placeholder, a cross-reference or a token). */
function $isPlainText(node: LexicalNode | null | undefined): node is TextNode {
  return $isTextNode(node) && node.isSimpleText();
}

/** Whether punctuation beside `ref` is on the wrong side of it for `lang`. */
export function $misplaced(ref: FootnoteRefNode, lang: Lang): boolean {
  const beside = lang === 'en' ? ref.getNextSibling() : ref.getPreviousSibling();
  return $isPlainText(beside) && misplacedPunctuation(beside.getTextContent(), lang) > 0;
}

/** Moves the punctuation beside `ref` to its other side, the caret following what was typed. */
export function $placeIndicator(ref: FootnoteRefNode, lang: Lang): void {
  const selection = $getSelection();
  const caret = $isRangeSelection(selection) && selection.isCollapsed() ? selection.anchor : null;
  if (lang === 'en') {
    const next = ref.getNextSibling();
    if (!$isPlainText(next)) return;
    const n = misplacedPunctuation(next.getTextContent(), lang);
    if (n === 0) return;
    const moving = n === next.getTextContentSize() ? next : next.splitText(n)[0]!;
    // Typed just after the indicator: the caret, at the end of the punctuation, stays after it.
    const typed = caret !== null && caret.type === 'text' && caret.key === moving.getKey() && caret.offset === n;
    ref.insertBefore(moving);
    if (typed) ref.selectNext(0, 0);
  } else {
    const prev = ref.getPreviousSibling();
    if (!$isPlainText(prev)) return;
    const size = prev.getTextContentSize();
    const n = misplacedPunctuation(prev.getTextContent(), lang);
    if (n === 0) return;
    const parent = ref.getParent();
    // The note inserted just after the punctuation: the caret, after the indicator, goes after the punctuation.
    const after =
      caret !== null &&
      ((caret.type === 'element' && parent !== null && caret.key === parent.getKey() && caret.offset === ref.getIndexWithinParent() + 1) ||
        (caret.type === 'text' && caret.offset === 0 && caret.key === ref.getNextSibling()?.getKey()));
    const moving = n === size ? prev : prev.splitText(size - n)[1]!;
    ref.insertAfter(moving);
    if (after) moving.selectEnd();
  }
}

export function registerFootnotePlacement(editor: LexicalEditor, lang: () => Lang): () => void {
  const fix = (keys: NodeKey[]) => {
    if (keys.length === 0) return;
    editor.update(
      () => {
        for (const key of keys) {
          const ref = $getNodeByKey(key);
          if ($isFootnoteRefNode(ref) && ref.isAttached()) $placeIndicator(ref, lang());
        }
      },
      { tag: HISTORY_MERGE },
    );
  };
  // Every misplaced reference of a state (a walk of its node map, no tree walk).
  const all = (state: EditorState) => state.read(() => [...state._nodeMap.values()].filter((n) => $isFootnoteRefNode(n) && n.isAttached() && $misplaced(n, lang())).map((n) => n.getKey()));
  // The document as opened: every reference once.
  fix(all(editor.getEditorState()));
  return editor.registerUpdateListener(({ editorState, dirtyLeaves, prevEditorState }) => {
    if (dirtyLeaves.size === 0) return;
    if (prevEditorState.isEmpty()) {
      // The document being loaded into an editor that started empty.
      fix(all(editorState));
      return;
    }
    const keys = editorState.read(() => {
      const out = new Set<NodeKey>();
      const consider = (n: LexicalNode | null) => {
        if ($isFootnoteRefNode(n) && $misplaced(n, lang())) out.add(n.getKey());
      };
      for (const key of dirtyLeaves) {
        const node = $getNodeByKey(key);
        if (!node || !node.isAttached()) continue;
        consider(node);
        if ($isTextNode(node)) {
          consider(node.getPreviousSibling());
          consider(node.getNextSibling());
        }
      }
      return [...out];
    });
    fix(keys);
  });
}
