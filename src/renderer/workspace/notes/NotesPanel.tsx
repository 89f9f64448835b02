/**
 * The reviewers' comments on the text in this language (a returned DOCX's, `notes` in the core
 * model): who, when, on which words, what; go to the block; resolve (kept, listed apart) or
 * delete. The notes live on the editor's root (notesState): one editor update each, undoable,
 * autosaved with the document. Drawn here, outside the text nodes: typing never walks them.
 */
import { useEffect, useState } from 'react';
import { $getRoot, $getState, $setState } from 'lexical';
import type { Lang, Note } from '../../../core/model/schema';
import { useWorkspaceTranslation } from '../../i18n';
import { notesState } from '../../editor/nodes/state';
import { goToInEditor, panelUpdate, useEditor } from '../editorState';
import './NotesPanel.css';

function useNotes(): Note[] {
  const editor = useEditor();
  const read = () => editor.getEditorState().read(() => $getState($getRoot(), notesState) ?? []);
  const [notes, setNotes] = useState<Note[]>(read);
  // The root's state is one value: the listener compares a reference, not the notes.
  useEffect(() => editor.registerUpdateListener(({ editorState }) => setNotes(editorState.read(() => $getState($getRoot(), notesState) ?? []))), [editor]);
  return notes;
}

export function NotesPanel({ lang, editable, language }: { lang: Lang; editable: boolean; language: string }) {
  const { t } = useWorkspaceTranslation();
  const editor = useEditor();
  const all = useNotes().filter((n) => n.lang === lang);
  const change = (next: (notes: Note[]) => Note[]) =>
    panelUpdate(editor, () => {
      const root = $getRoot();
      const notes = next($getState(root, notesState) ?? []);
      $setState(root, notesState, notes);
    });
  const when = (d: string | undefined) => (d === undefined ? '' : new Date(d).toLocaleString(language, { dateStyle: 'medium', timeStyle: d.includes('T') ? 'short' : undefined }));
  const item = (n: Note) => (
    <li key={n.id} className={`note${n.resolved ? ' resolved' : ''}`} data-testid="note" data-note={n.id} data-resolved={n.resolved ? 'true' : 'false'}>
      <p className="note-head">
        <strong data-testid="note-author">{n.author ?? t('notes.anonymous')}</strong> {n.date !== undefined && <time dateTime={n.date}>{when(n.date)}</time>}
      </p>
      {n.quote && <p className="note-quote">{t('notes.on', { quote: n.quote })}</p>}
      <p className="note-text" data-testid="note-text">{n.text}</p>
      <div className="note-actions">
        <button type="button" data-testid="note-jump" onClick={() => goToInEditor(editor, { blockId: n.block })}>
          {t('notes.jump')}
        </button>
        {editable && (
          <>
            <button type="button" data-testid="note-resolve" onClick={() => change((ns) => ns.map((x) => (x.id === n.id ? { ...x, resolved: !n.resolved || undefined } : x)))}>
              {n.resolved ? t('notes.reopen') : t('notes.resolve')}
            </button>
            <button type="button" data-testid="note-delete" onClick={() => change((ns) => ns.filter((x) => x.id !== n.id))}>
              {t('notes.delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
  const open = all.filter((n) => !n.resolved);
  const resolved = all.filter((n) => n.resolved);
  return (
    <section className="notes-panel" aria-labelledby="notes-title" data-testid="notes-panel">
      <h2 id="notes-title" className="panel-title">
        {t('notes.title')}
      </h2>
      {all.length === 0 && <p className="mf-hint">{t('notes.empty')}</p>}
      <ul className="notes-list">{open.map(item)}</ul>
      {resolved.length > 0 && (
        <>
          <h3 className="panel-subtitle">{t('notes.resolved')}</h3>
          <ul className="notes-list">{resolved.map(item)}</ul>
        </>
      )}
    </section>
  );
}
