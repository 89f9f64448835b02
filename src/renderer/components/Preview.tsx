import { useEffect, useState } from 'react';
import { LANGS, type DocumentKind, type Lang, type RDocument } from '../../core/model/schema';
import type { IpcError, TemplateInfo } from '../../shared/ipc-contract';
import { api } from '../api';
import { DocumentView } from './DocumentView';
import { useAppTranslation } from '../i18n';
import { KindSelect } from './KindSelect';

type Loaded = { kind: DocumentKind; lang: Lang; doc: RDocument } | { kind: DocumentKind; lang: Lang; error: IpcError };

/** Central area when no dossier is open: choose a document type and language and see its template. */
export function TemplatePreview({ templates }: { templates: TemplateInfo[] }) {
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
      {/* Focusable, so the preview scrolls with the keyboard (nothing in it takes focus). */}
      <div className="page-scroller" tabIndex={0} role="region" aria-label={t('preview.title')}>
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
