/**
 * What the importer was unsure of in the file just imported, in the interface language, each
 * marked at its block in the document (./FindingMarks) and one click away.
 */
import type { UnsureItem } from '../../../core/import/source';
import { useWorkspaceTranslation } from '../../i18n';
import type { ImportNotes } from '../context';
import { goToInEditor, useEditor } from '../editorState';

export function unsureWords(u: UnsureItem, t: ReturnType<typeof useWorkspaceTranslation>['t']): string {
  const params: Record<string, string | number> = { ...u.params };
  if (u.code === 'generated-kept') params['what'] = t(u.params?.['what'] === 'heading' ? 'import.unsure.generatedWhat.heading' : 'import.unsure.generatedWhat.title');
  return t(`import.unsure.${u.code}`, params);
}

export function ImportNotesPanel({ notes, onDismiss }: { notes: ImportNotes; onDismiss: () => void }) {
  const { t } = useWorkspaceTranslation();
  const editor = useEditor();
  return (
    <section className="import-notes" aria-labelledby="import-notes-title" data-testid="import-notes">
      <h2 id="import-notes-title" className="panel-title">
        {t('import.notesTitle')}
      </h2>
      <p>{notes.unsure.length === 0 ? t('import.notesNone', { name: notes.name }) : t('import.notesIntro', { name: notes.name, count: notes.unsure.length })}</p>
      {notes.dropped > 0 && <p className="mf-hint">{t('import.dropped', { count: notes.dropped })}</p>}
      <ul className="finding-list">
        {notes.unsure.map((u, i) => (
          <li key={i} data-testid="import-note" data-code={u.code} data-block={u.blockId ?? ''} data-part={u.partId ?? ''}>
            <button type="button" className="finding" disabled={u.blockId === undefined && u.partId === undefined} onClick={() => goToInEditor(editor, u)}>
              <span className="severity severity-warning" aria-hidden="true">
                ?
              </span>
              <span className="finding-text">
                <span className="finding-message">{unsureWords(u, t)}</span>
                {u.line !== undefined && <span className="finding-where"> ({t('import.lineRef', { line: u.line })})</span>}
                {u.blockId === undefined && u.partId === undefined && <span className="finding-where"> ({t('import.document')})</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" data-testid="import-notes-dismiss" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </section>
  );
}
