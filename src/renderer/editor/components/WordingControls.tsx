/**
 * "Edit this wording" for generated text (annex heading, letter or statement title, closing
 * request, opening formula, signature lines): the override is stored on the node for the
 * document's language; "Use the generated wording" removes it. Rendered by the decorator nodes
 * inside their read-only element, after the generated text the labels plugin wrote.
 *
 * Keyboard: Ctrl+Alt+W (or Tab in a title) brings the focus here (plugins/keyboard.ts), which
 * shows them; the keys pressed here are theirs (Enter on a button presses it, it does not split
 * the paragraph the caret was in), and Escape goes back to the text.
 */
import { useCallback, useContext, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { $getNodeByKey, $getSelection, $getState, $isRangeSelection, $setSelection, $setState, type RangeSelection, type StateConfig } from 'lexical';
import { useAppTranslation } from '../../i18n';
import { spansText } from '../../../core/render/spans';
import { viewOf } from '../labels/view';
import { $isPartNode } from '../nodes/PartNode';
import { headingOverrideState, overrideState, partKindState, titleOverrideState } from '../nodes/state';
import { EditModeContext } from './editMode';

type Line = { id: string; state: StateConfig<string, string | null>; target: 'part' | 'self'; current: string; overridden: boolean };

export function WordingControls({ nodeKey, role }: { nodeKey: string; role: 'part' | 'closing' | 'opening' | 'signature' }) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const { t } = useAppTranslation();
  const [editing, setEditing] = useState<{ line: string; text: string } | undefined>();
  // A translation (text mode) changes words only: its blocks and parts are the original's.
  const structure = useContext(EditModeContext) === 'edit';

  const removablePart = editor.getEditorState().read(() => {
    const part = role === 'part' ? $getNodeByKey(nodeKey)?.getParent() : null;
    return $isPartNode(part) && (part.getPartKind() === 'annex' || part.getPartKind() === 'enclosure');
  });
  const lines: Line[] = editor.getEditorState().read(() => {
    const node = $getNodeByKey(nodeKey);
    if (!node) return [];
    const view = viewOf(editor);
    if (role !== 'part') {
      const o = $getState(node, overrideState);
      return [{ id: role, state: overrideState, target: 'self', current: o ?? view?.generatedText(nodeKey) ?? '', overridden: o !== null }];
    }
    const part = node.getParent();
    if (!$isPartNode(part)) return [];
    const head = view?.computed?.partHeads.get(nodeKey);
    const out: Line[] = [];
    const kind = $getState(part, partKindState);
    if (kind === 'annex' || kind === 'enclosure') {
      const o = $getState(part, headingOverrideState);
      out.push({ id: 'heading', state: headingOverrideState, target: 'part', current: o ?? spansText(head?.heading ?? []), overridden: o !== null });
    }
    const to = $getState(part, titleOverrideState);
    if (to !== null || (head && head.title.length > 0)) out.push({ id: 'title', state: titleOverrideState, target: 'part', current: to ?? spansText(head!.title), overridden: to !== null });
    return out;
  });

  // Back to the caret where it was when the keyboard came here from the text: storing a wording is
  // an update of its own that leaves no selection, and Lexical's focus() then puts the caret at the
  // end of the document; focus() restores the selection only once the editable root has focus.
  const caret = useRef<RangeSelection | null>(null);
  const backToText = useCallback(() => {
    const saved = caret.current;
    editor.update(() => {
      if (saved && $getNodeByKey(saved.anchor.key) && $getNodeByKey(saved.focus.key)) $setSelection(saved.clone());
    });
    editor.getRootElement()?.focus({ preventScroll: true });
    editor.focus();
  }, [editor]);
  // Lexical listens for keys on the editor's root, above these controls: stop them on the way up.
  const keysStayHere = useCallback(
    (box: HTMLSpanElement | null) => {
      box?.addEventListener('focusin', (e) => {
        const from = e.relatedTarget;
        if (from instanceof Node && editor.getRootElement()?.contains(from) && !box.contains(from)) {
          caret.current = editor.getEditorState().read(() => {
            const selection = $getSelection();
            return $isRangeSelection(selection) ? selection.clone() : null;
          });
        }
      });
      box?.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          backToText();
        }
      });
    },
    [backToText, editor],
  );

  if (!editable || (lines.length === 0 && !removablePart)) return null;

  const store = (line: Line, value: string | null) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      const target = line.target === 'part' ? node?.getParent() : node;
      if (target) $setState(target, line.state, value);
    });

  return (
    <span className="rk-wording" contentEditable={false} data-testid={`wording-${role}`} ref={keysStayHere}>
      {lines.map((line) =>
        editing?.line === line.id ? (
          <span key={line.id} className="rk-wording-form">
            <textarea
              data-testid={`wording-input-${line.id}`}
              autoFocus
              value={editing.text}
              rows={role === 'signature' ? 4 : 2}
              onChange={(e) => setEditing({ line: line.id, text: e.target.value })}
            />
            <button
              type="button"
              data-testid={`wording-apply-${line.id}`}
              onClick={() => {
                store(line, editing.text.trim() === '' ? null : editing.text);
                setEditing(undefined);
                backToText();
              }}
            >
              {t('editor.wording.save')}
            </button>
            <button
              type="button"
              className="link"
              onClick={() => {
                setEditing(undefined);
                backToText();
              }}
            >
              {t('editor.wording.cancel')}
            </button>
          </span>
        ) : (
          <span key={line.id} className="rk-wording-line">
            {line.overridden && <span className="rk-wording-flag">{t('editor.wording.edited')}</span>}
            <button type="button" className="link" data-testid={`wording-edit-${line.id}`} onClick={() => setEditing({ line: line.id, text: line.current })}>
              {t('editor.wording.edit')}
            </button>
            {line.overridden && (
              <button type="button" className="link" data-testid={`wording-reset-${line.id}`} onClick={() => store(line, null)}>
                {t('editor.wording.reset')}
              </button>
            )}
          </span>
        ),
      )}
      {structure && removablePart && (
        <button type="button" className="link" data-testid="wording-remove-part" onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.getParent()?.remove())}>
          {t('editor.wording.removePart')}
        </button>
      )}
      {structure && role !== 'part' && (
        <button type="button" className="link" data-testid={`wording-remove-${role}`} onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.remove())}>
          {t('editor.wording.remove')}
        </button>
      )}
    </span>
  );
}
