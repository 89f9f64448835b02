/**
 * The cross-reference picker: find a paragraph, subparagraph, heading or annex by its number
 * ("12 b", "II") or by its words, choose the form (named « paragraphe 12 b) », number only, or a
 * range), and insert it at the caret. Candidates are the numbering engine's labels now.
 */
import { useMemo, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type LexicalEditor } from 'lexical';
import type { XrefForm } from '../../../core/model/schema';
import { useAppTranslation } from '../../i18n';
import { viewOf } from '../labels/view';
import { fold } from '../plugins/find';
import { $insertXref } from '../plugins/insertCommands';
import './panel.css';
import './XrefPicker.css';

type Candidate = { id: string; label: string; ref: string; text: string };

function candidates(editor: LexicalEditor): Candidate[] {
  const snapshot = viewOf(editor)?.computed?.snapshot;
  if (!snapshot) return [];
  return editor.getEditorState().read(() => {
    const out: Candidate[] = [];
    for (const [id, l] of snapshot.numbering.blocks) {
      const key = snapshot.keyOf.get(id);
      const text = key ? ($getNodeByKey(key)?.getTextContent() ?? '') : '';
      out.push({ id, label: l.label, ref: l.ref, text: text.length > 110 ? `${text.slice(0, 110)}…` : text });
    }
    for (const [id, p] of snapshot.numbering.parts) out.push({ id, label: p.label, ref: p.ref, text: '' });
    return out;
  });
}

const compact = (s: string) => fold(s, { matchCase: false, matchAccents: false }).folded.replace(/[\s.()]/g, '');

export function XrefPicker({ onClose }: { onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useAppTranslation();
  const all = useMemo(() => candidates(editor), [editor]);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<XrefForm>('named');
  const [target, setTarget] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();

  const shown = useMemo(() => {
    const q = query.trim();
    if (q === '') return all.slice(0, 50);
    const byNumber = all.filter((c) => compact(c.ref) === compact(q) || compact(c.label) === compact(q));
    const words = fold(q, { matchCase: false, matchAccents: false }).folded;
    const byWords = all.filter((c) => !byNumber.includes(c) && fold(c.text, { matchCase: false, matchAccents: false }).folded.includes(words));
    return [...byNumber, ...byWords].slice(0, 50);
  }, [all, query]);

  const chosen = target ?? (shown.length > 0 && query.trim() !== '' ? shown[0]!.id : undefined);

  const insert = () => {
    if (!chosen) return;
    editor.update(() => {
      $insertXref({ target: chosen, form, ...(form === 'range' && to ? { to } : {}) });
    });
    onClose();
  };

  return (
    <div className="rk-panel rk-xref-picker" role="dialog" aria-labelledby="rk-xref-title" data-testid="xref-picker">
      <h2 id="rk-xref-title">{t('editor.xref.title')}</h2>
      <input
        data-testid="xref-search"
        autoFocus
        placeholder={t('editor.xref.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setTarget(undefined);
        }}
        onKeyDown={(e) => {
          // The key must not reach the editor once it has the focus back (it would split the block).
          if (e.key === 'Enter') {
            e.preventDefault();
            insert();
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <ul className="rk-xref-list" role="listbox" aria-label={t('editor.xref.title')}>
        {shown.length === 0 && <li className="empty">{t('editor.xref.none')}</li>}
        {shown.map((c) => (
          <li key={c.id} role="option" aria-selected={c.id === chosen} data-testid="xref-candidate" data-target={c.id}>
            <button type="button" onClick={() => setTarget(c.id)}>
              <strong>{c.label}</strong> {c.text}
            </button>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>{t('editor.xref.form')}</span>
        <select data-testid="xref-form" value={form} onChange={(e) => setForm(e.target.value as XrefForm)}>
          {(['named', 'number', 'range'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`editor.xref.forms.${f}`)}
            </option>
          ))}
        </select>
      </label>
      {form === 'range' && (
        <label className="field">
          <span>{t('editor.xref.to')}</span>
          <select data-testid="xref-to" value={to ?? ''} onChange={(e) => setTo(e.target.value)}>
            <option value="" />
            {all.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="rk-panel-actions">
        <button type="button" className="primary" data-testid="xref-insert" disabled={!chosen || (form === 'range' && !to)} onClick={insert}>
          {t('editor.xref.insert')}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {t('editor.xref.cancel')}
        </button>
      </div>
    </div>
  );
}
