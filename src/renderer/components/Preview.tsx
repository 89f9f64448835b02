import { useEffect, useRef, useState } from 'react';
import { LANGS, type DocumentKind, type Lang, type RDocument } from '../../core/model/schema';
import type { Dossier, IpcError, TemplateInfo } from '../../shared/ipc-contract';
import { api } from '../api';
import { DocumentView } from './DocumentView';
import { useAppTranslation } from '../i18n';
import { KindSelect } from './KindSelect';
import { DossierEditor, type DossierEditorHandle } from '../editor/components/DossierEditor';
import { useAppCommands } from '../commands/registry';

type Loaded = { kind: DocumentKind; lang: Lang; doc: RDocument } | { kind: DocumentKind; lang: Lang; error: IpcError };

type OpenDossier = {
  dossier: Dossier;
  lang: Lang;
  /** Another language; `latest` is the document as the editor left it (saved). */
  onLang: (l: Lang, latest?: RDocument) => void;
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

/** The open dossier, in the structured editor, in one of its languages (read-only when in the trash). */
function DossierView({ dossier, lang, onLang, onClose, onSaved, onReload }: OpenDossier) {
  const { t } = useAppTranslation();
  const editor = useRef<DossierEditorHandle>(null);
  const langs = LANGS.filter((l) => dossier.languages.includes(l));
  // File > Close (and the button): what is on screen is saved first.
  const close = () => void editor.current?.flush().finally(onClose);
  useAppCommands({ 'file.close': close });
  // Another language: what is on screen is saved first, then the editor shows that language.
  const switchLang = async (l: Lang) => {
    if (l === lang) return;
    const latest = await editor.current?.flush();
    onLang(l, latest);
  };
  return (
    <main className="workspace" data-testid="dossier-view" data-id={dossier.id} data-version={dossier.version}>
      <div className="toolbar">
        <h1 className="toolbar-title" data-testid="dossier-title">
          <span className="toolbar-kicker">{t('preview.dossierTitle')}</span> {dossier.title || t('library.untitled')}
        </h1>
        <div className="segmented" role="group" aria-labelledby="doc-lang-label">
          <span id="doc-lang-label" className="segmented-label">
            {t('preview.documentLanguage')}
          </span>
          {langs.map((l) => (
            <button key={l} type="button" aria-pressed={l === lang} data-testid={`doc-lang-${l}`} onClick={() => void switchLang(l)}>
              {t(`documentLanguages.${l}`)}
            </button>
          ))}
        </div>
        <button type="button" className="link" data-testid="dossier-close" onClick={close}>
          {t('preview.closeDossier')}
        </button>
      </div>
      <DossierEditor
        key={`${dossier.id}:${lang}`}
        ref={editor}
        dossier={dossier}
        lang={lang}
        mode={dossier.trashedAt !== null ? 'read' : 'edit'}
        onSaved={onSaved}
        onReload={onReload}
      />
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
