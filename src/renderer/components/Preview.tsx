import { useEffect, useRef, useState } from 'react';
import { LANGS, type DocumentKind, type Lang, type RDocument } from '../../core/model/schema';
import type { Dossier, IpcError, TemplateInfo } from '../../shared/ipc-contract';
import { api } from '../api';
import { DocumentView } from './DocumentView';
import { useAppTranslation } from '../i18n';
import { KindSelect } from './KindSelect';
import { DossierEditor, type DossierEditorHandle } from '../editor/components/DossierEditor';
import { confirmEdits, deskPair, otherLang, structureLanguage, translationOf, versionsOf } from '../../core/translation/versions';
import { TranslationDesk } from '../desk/TranslationDesk';
import { NewVersion } from '../desk/NewVersion';
import { useAppCommands } from '../commands/registry';
import { printDossier } from '../print/print';

type Loaded = { kind: DocumentKind; lang: Lang; doc: RDocument } | { kind: DocumentKind; lang: Lang; error: IpcError };

/** How an open dossier is shown: the editor, or the translator's desk (at a row). */
export type DossierViewMode = { view: 'editor' | 'desk'; row?: string | undefined };

type OpenDossier = {
  dossier: Dossier;
  lang: Lang;
  /** The editor, or the translator's desk (at `row`). */
  view: DossierViewMode['view'];
  row?: string | undefined;
  /** Another language; `latest` is the document as the editor left it (saved). */
  onLang: (l: Lang, latest?: RDocument) => void;
  /** Another view (or row); `latest`, the dossier as it now is. */
  onView: (how: DossierViewMode, latest?: Dossier) => void;
  onClose: () => void;
  /** A save went through: the document stored and its version. */
  onSaved: (document: RDocument, version: number) => void;
  /** Reload the dossier from the library (after a conflict). */
  onReload: () => void;
};

/** Central area: the open dossier; else choose a document type and language and see its template. */
export function Preview({ templates, open }: { templates: TemplateInfo[]; open: OpenDossier | undefined }) {
  return open ? <DossierView {...open} /> : <TemplatePreview templates={templates} />;
}

/**
 * The open dossier: in the structured editor, in one of its versions (structure edited in the
 * translation's source only; read-only in the trash), or at the translator's desk, both versions
 * side by side. With one version, "Create the English (French) version".
 */
function DossierView({ dossier, lang, view, row, onLang, onView, onClose, onSaved, onReload }: OpenDossier) {
  const { t } = useAppTranslation();
  const editor = useRef<DossierEditorHandle>(null);
  const [adding, setAdding] = useState(false);
  const versions = versionsOf(dossier.document);
  const pair = deskPair(dossier.document);
  const desk = view === 'desk' && pair !== undefined;
  const trashed = dossier.trashedAt !== null;
  const structure = structureLanguage(dossier.document);
  const mode = trashed ? 'read' : structure === undefined || structure === lang ? 'edit' : 'text';
  const missing = versions.length === 1 ? otherLang(versions[0]!) : undefined;
  // File > Close (and the button): what is on screen is saved first.
  const close = () => void editor.current?.flush().finally(onClose);
  // File > Print: what is on screen is saved first, then the print view of this language.
  const print = async () => {
    await editor.current?.flush();
    const failed = await printDossier({ id: dossier.id, lang, profile: 'issued', paper: 'letter' });
    if (failed) console.error(`[print] ${failed.message}`);
  };
  useAppCommands({ 'file.close': close, 'file.print': () => void print() });
  // Another language: what is on screen is saved first, then the editor shows that language.
  const switchLang = async (l: Lang) => {
    if (l === lang) return;
    const latest = await editor.current?.flush();
    onLang(l, latest);
  };
  const switchView = async (v: DossierViewMode['view']) => {
    if (v === view) return;
    const latest = await editor.current?.flush();
    onView({ view: v }, latest ? { ...dossier, document: latest } : undefined);
  };
  return (
    <main className="workspace" data-testid="dossier-view" data-id={dossier.id} data-version={dossier.version} data-view={desk ? 'desk' : 'editor'}>
      <div className="toolbar">
        <h1 className="toolbar-title" data-testid="dossier-title">
          <span className="toolbar-kicker">{t('preview.dossierTitle')}</span> {dossier.title || t('library.untitled')}
        </h1>
        {!desk && (
          <div className="segmented" role="group" aria-labelledby="doc-lang-label">
            <span id="doc-lang-label" className="segmented-label">
              {t('preview.documentLanguage')}
            </span>
            {LANGS.filter((l) => versions.includes(l)).map((l) => (
              <button key={l} type="button" aria-pressed={l === lang} data-testid={`doc-lang-${l}`} onClick={() => void switchLang(l)}>
                {t(`documentLanguages.${l}`)}
              </button>
            ))}
          </div>
        )}
        {pair && (
          <div className="segmented" role="group" aria-labelledby="doc-view-label">
            <span id="doc-view-label" className="segmented-label">
              {t('desk.view.label')}
            </span>
            {(['editor', 'desk'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={(v === 'desk') === desk} data-testid={`view-${v}`} onClick={() => void switchView(v)}>
                {t(`desk.view.${v}`)}
              </button>
            ))}
          </div>
        )}
        {missing && !trashed && (
          <button type="button" data-testid="add-version" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            {t(`desk.newVersion.button.${missing}`)}
          </button>
        )}
        <button type="button" className="link" data-testid="dossier-close" onClick={close}>
          {t('preview.closeDossier')}
        </button>
      </div>
      {adding && missing && (
        <NewVersion
          dossierId={dossier.id}
          target={missing}
          source={versions[0]!}
          flush={() => editor.current?.flush() ?? Promise.resolve()}
          onCreated={(d) => {
            setAdding(false);
            onView({ view: 'desk' }, d);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {desk ? (
        <TranslationDesk
          key={`${dossier.id}:desk`}
          deskRef={editor}
          dossier={dossier}
          pair={pair}
          initialRow={row}
          onRow={(id) => onView({ view: 'desk', row: id })}
          onSaved={onSaved}
          onReload={onReload}
        />
      ) : (
        <DossierEditor
          key={`${dossier.id}:${lang}`}
          ref={editor}
          dossier={dossier}
          lang={lang}
          mode={mode}
          beforeSave={pair && translationOf(dossier.document) && lang === pair.target ? (doc, saved) => confirmEdits(doc, saved, pair) : undefined}
          onSaved={onSaved}
          onReload={onReload}
        />
      )}
    </main>
  );
}

function TemplatePreview({ templates }: { templates: TemplateInfo[] }) {
  const { t } = useAppTranslation();
  const [kind, setKind] = useState<DocumentKind>('annual-report');
  const [lang, setLang] = useState<Lang>('fr');
  const [loaded, setLoaded] = useState<Loaded | undefined>();

  useEffect(() => {
    let current = true;
    api.invoke('templates.create', { kind, lang }).then(
      (r) => current && setLoaded(r.ok ? { kind, lang, doc: r.value } : { kind, lang, error: r.error }),
      (e: unknown) => current && setLoaded({ kind, lang, error: { code: 'internal', message: String(e) } }),
    );
    return () => {
      current = false;
    };
  }, [kind, lang]);

  const ready = loaded !== undefined && loaded.kind === kind && loaded.lang === lang;

  return (
    <main className="workspace" aria-busy={!ready}>
      <div className="toolbar">
        <h1 className="toolbar-title">{t('preview.title')}</h1>
        <label className="field">
          <span>{t('preview.kind')}</span>
          <KindSelect templates={templates} value={kind} onChange={setKind} testId="doc-kind" />
        </label>
        <div className="segmented" role="group" aria-labelledby="doc-lang-label">
          <span id="doc-lang-label" className="segmented-label">
            {t('preview.documentLanguage')}
          </span>
          {LANGS.map((l) => (
            <button key={l} type="button" aria-pressed={l === lang} data-testid={`doc-lang-${l}`} onClick={() => setLang(l)}>
              {t(`documentLanguages.${l}`)}
            </button>
          ))}
        </div>
        <span className="badge">{t('preview.readOnly')}</span>
      </div>
      <div className="page-scroller">
        {!ready && <p className="status">{t('preview.loading')}</p>}
        {ready && 'error' in loaded && (
          <div className="error" role="alert">
            <strong>{t('errors.title')}</strong> {t(`errors.${loaded.error.code}`, { message: loaded.error.message })}
          </div>
        )}
        {ready && 'doc' in loaded && (
          <>
            <p className="status hint">{t('preview.placeholderHint')}</p>
            <DocumentView doc={loaded.doc} lang={lang} label={t('preview.documentLabel')} footnotesTitle={t('preview.footnotes')} />
          </>
        )}
      </div>
    </main>
  );
}
