/**
 * The left panel: the library of drafts. A new document from a template (kind + language) or
 * from a file (import), a search box (results with snippets, matches marked), the list of drafts
 * or of the trash (title, kind, last change) sorted by last change, creation or title, duplicate,
 * trash / take out of the trash, empty the trash (after a confirmation). Everything goes through
 * the contract (`api`); when the host has no library (the in-page host of a plain browser) the
 * panel says so. The list is read again whenever the open dossier changed what it shows
 * (`changes`), so a title follows the text it is made from.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_FRENCH_SPACING, LANGS, type DocumentKind, type DocumentSettings, type Lang } from '../../core/model/schema';
import type { Dossier, DossierSummary, ImportedDossier, InterfaceLanguage, IpcError, SearchHit, TemplateInfo } from '../../shared/ipc-contract';
import { api } from '../api';
import { onDossierSaved, withSaved } from '../saves';
import { filePicker } from '../files/picker';
import { useAppCommands } from '../commands/registry';
import { useAppTranslation, useWorkspaceTranslation } from '../i18n';
import { Dialog } from './Dialog';
import { shownTitle } from './dossierTitle';
import { KindSelect } from './KindSelect';
import './Library.css';

type Props = {
  language: InterfaceLanguage;
  templates: TemplateInfo[];
  open: Dossier | undefined;
  /** Grows when the open dossier changed what the list shows (a save, a finalisation). */
  changes: number;
  /** Grows when the settings may have changed (the French spacing titles are typeset with). */
  settingsChanges: number;
  onOpen: (dossier: Dossier) => void;
  /** A file was imported as a new dossier (`name`: the file's). */
  onImported: (result: ImportedDossier, name: string) => void;
  onClose: () => void;
};

type View = 'drafts' | 'trash';
type Sort = 'updated' | 'created' | 'title';
const IMPORTABLE = ['.docx', '.txt', '.rapporteur'];

const SEARCH_DELAY_MS = 200;

function useDateFormat(language: InterfaceLanguage) {
  return useCallback(
    (ms: number) => new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(ms),
    [language],
  );
}

/** Small line icons (inline SVG: no icon font or emoji font needed). */
function TrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.5 6.5v5M9.5 6.5v5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CopyIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5.5 5.5h7v8h-7zM3.5 10.5v-8h7" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

function UntrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5.5 3 2.5 6l3 3M2.5 6h7a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ErrorLine({ error }: { error: IpcError }) {
  const { t } = useAppTranslation();
  return (
    <p className="library-error" role="alert" data-testid="library-error" data-code={error.code}>
      {t(`errors.${error.code}`, { message: error.message })}
    </p>
  );
}

export function Library({ language, templates, open, changes, settingsChanges, onOpen, onImported, onClose }: Props) {
  const { t } = useAppTranslation();
  const { t: wt } = useWorkspaceTranslation();
  const [sort, setSort] = useState<Sort>('updated');
  const [notice, setNotice] = useState('');
  const [emptying, setEmptying] = useState(false);
  const when = useDateFormat(language);
  const [available, setAvailable] = useState<boolean | undefined>(undefined);
  const [view, setView] = useState<View>('drafts');
  const [items, setItems] = useState<DossierSummary[] | undefined>(undefined);
  const [error, setError] = useState<IpcError | undefined>();
  const [kind, setKind] = useState<DocumentKind>('concept-note');
  const [lang, setLang] = useState<Lang>('fr');
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | undefined>();
  const [refreshes, setRefreshes] = useState(0);
  const refresh = useCallback(() => setRefreshes((n) => n + 1), []);
  // The list does not hold each document's settings: titles are typeset with the app's, the ones new documents take.
  const [spacing, setSpacing] = useState<DocumentSettings>({ frenchSpacing: DEFAULT_FRENCH_SPACING });
  useEffect(() => {
    void api.invoke('settings.get').then((r) => {
      if (r.ok) setSpacing({ frenchSpacing: r.value.frenchSpacing });
    });
  }, [settingsChanges]);
  const title = (d: DossierSummary) => shownTitle(d, spacing) || t('library.untitled');

  // The list (drafts or trash); refreshed after every change made from here.
  useEffect(() => {
    let current = true;
    void api.invoke('library.list', { trash: view === 'trash' ? 'only' : 'exclude', sort }).then((r) => {
      if (!current) return;
      if (r.ok) {
        setAvailable(true);
        setItems(r.value);
      } else if (r.error.code === 'unavailable') setAvailable(false);
      else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, [view, refreshes, sort, changes]);

  // A dossier saved elsewhere in the window (the editor) takes its new title and place at once.
  useEffect(() => onDossierSaved((summary) => setItems((list) => list && withSaved(list, summary))), []);

  // Search as the user types (after a short pause); only the latest query's answer is shown.
  const latest = useRef('');
  useEffect(() => {
    latest.current = query;
    if (query.trim() === '') {
      setHits(undefined);
      return;
    }
    const timer = setTimeout(() => {
      void api.invoke('library.search', { query, trash: view === 'trash' ? 'only' : 'exclude', limit: 50 }).then((r) => {
        if (latest.current !== query) return;
        if (r.ok) setHits({ query, hits: r.value });
        else setError(r.error);
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, view, refreshes]);

  const openDossier = async (id: string) => {
    const r = await api.invoke('dossier.get', { id });
    if (r.ok) onOpen(r.value);
    else setError(r.error);
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const r = await api.invoke('dossier.create', { kind, lang });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setView('drafts');
    refresh();
    onOpen(r.value);
  };

  const move = async (id: string, to: 'trash' | 'untrash') => {
    setError(undefined);
    const r = await api.invoke(to === 'trash' ? 'dossier.trash' : 'dossier.untrash', { id });
    if (!r.ok) return setError(r.error);
    if (to === 'trash' && open?.id === id) onClose();
    refresh();
  };

  const importFile = async () => {
    setError(undefined);
    setNotice('');
    const file = await filePicker().pick({ accept: IMPORTABLE, purpose: 'import' });
    if (!file) return;
    setBusy(true);
    setNotice(wt('import.importing', { name: file.name }));
    const r = await api.invoke('dossier.import', { name: file.name, bytes: file.bytes });
    setBusy(false);
    setNotice('');
    if (!r.ok) return setError({ ...r.error, message: wt('import.failed', { name: file.name, message: r.error.message }) });
    setView('drafts');
    refresh();
    onImported(r.value, file.name);
  };
  // File > Import…: the same as the button.
  useAppCommands({ 'file.import': () => void importFile() });

  const duplicate = async (d: DossierSummary) => {
    setError(undefined);
    const r = await api.invoke('dossier.copy', { id: d.id });
    if (!r.ok) return setError(r.error);
    setNotice(wt('library.duplicated', { title: title(d) }));
    refresh();
    onOpen(r.value);
  };

  const emptyTrash = async () => {
    setBusy(true);
    const r = await api.invoke('library.emptyTrash');
    setBusy(false);
    setEmptying(false);
    if (!r.ok) return setError(r.error);
    setNotice([wt('library.emptied', { count: r.value.purged }), ...(r.value.kept.length > 0 ? [wt('library.kept', { count: r.value.kept.length })] : [])].join(' '));
    if (open && !r.value.kept.some((k) => k.id === open.id) && open.trashedAt !== null) onClose();
    refresh();
  };

  const body = () => {
    if (available === undefined) return <p className="status">{t('library.loading')}</p>;
    if (!available) return <p className="hint" data-testid="library-unavailable">{t('library.unavailable')}</p>;
    return (
      <>
        <form className="new-document" onSubmit={(e) => void create(e)} aria-labelledby="new-document-title" data-testid="new-document">
          <h2 id="new-document-title">{t('library.newDocument')}</h2>
          <label className="field">
            <span>{t('library.kind')}</span>
            <KindSelect templates={templates} value={kind} onChange={setKind} testId="new-kind" />
          </label>
          <label className="field">
            <span>{t('library.language')}</span>
            <select data-testid="new-lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`documentLanguages.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy} data-testid="new-create">
            {t('library.create')}
          </button>
        </form>
        <div className="library-import">
          <button type="button" disabled={busy} data-testid="import-file" onClick={() => void importFile()} aria-describedby="import-file-hint">
            {wt('import.open')}
          </button>
          <span id="import-file-hint" className="hint">
            {wt('import.openHint')}
          </span>
        </div>

        <div className="library-search" role="search">
          <label className="visually-hidden" htmlFor="library-search-input">
            {t('library.search')}
          </label>
          <input
            id="library-search-input"
            type="search"
            data-testid="library-search"
            placeholder={t('library.searchPlaceholder')}
            value={query}
            maxLength={1000}
            onChange={(e) => setQuery(e.target.value)}
          />
          {query !== '' && (
            <button type="button" className="link" onClick={() => setQuery('')}>
              {t('library.clearSearch')}
            </button>
          )}
        </div>

        {hits !== undefined && (
          <section aria-labelledby="search-results-title" data-testid="search-results" data-query={hits.query}>
            <h2 id="search-results-title">{t('library.searchResults')}</h2>
            {hits.hits.length === 0 && <p className="empty">{t('library.noResults', { query: hits.query })}</p>}
            <ul className="dossiers">
              {hits.hits.map((h) => (
                <li key={h.id} data-testid="search-hit" data-id={h.id}>
                  <button type="button" className="dossier-open" onClick={() => void openDossier(h.id)}>
                    <span className="dossier-title">{title(h)}</span>
                    <span className="snippet" data-testid="search-snippet">
                      {h.snippet.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        <div className="library-list-head">
          <div className="segmented library-views" role="group" aria-label={t('library.title')}>
            {(['drafts', 'trash'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} data-testid={`library-view-${v}`} onClick={() => setView(v)}>
                {t(`library.${v}`)}
              </button>
            ))}
          </div>
          <label className="library-sort">
            <span>{wt('library.sort')}</span>
            <select value={sort} data-testid="library-sort" onChange={(e) => setSort(e.target.value as Sort)}>
              {(['updated', 'created', 'title'] as const).map((s) => (
                <option key={s} value={s}>
                  {wt(`library.sorts.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {notice !== '' && (
          <p className="library-notice" role="status" data-testid="library-notice">
            {notice}
          </p>
        )}
        <ul className="dossiers" data-testid="dossier-list" data-view={view} aria-busy={items === undefined}>
          {items?.map((d) => (
            <li key={d.id} data-testid="dossier-item" data-id={d.id} aria-current={open?.id === d.id ? 'true' : undefined}>
              <button type="button" className="dossier-open" onClick={() => void openDossier(d.id)} title={t('library.open')}>
                <span className="dossier-title">{title(d)}</span>
                <span className="dossier-meta">
                  <span data-testid="dossier-kind">{t(`kinds.${d.kind}`)}</span> · {d.languages.map((l) => l.toUpperCase()).join(' · ')} ·{' '}
                  <time dateTime={new Date(d.updatedAt).toISOString()}>{t('library.updated', { date: when(d.updatedAt) })}</time>
                </span>
              </button>
              {view === 'drafts' ? (
                <>
                  <button type="button" className="icon" data-testid="dossier-duplicate" aria-label={`${wt('library.duplicate')} — ${title(d)}`} title={wt('library.duplicate')} onClick={() => void duplicate(d)}>
                    <CopyIcon />
                  </button>
                  <button type="button" className="icon" data-testid="dossier-trash" aria-label={`${t('library.moveToTrash')} — ${title(d)}`} title={t('library.moveToTrash')} onClick={() => void move(d.id, 'trash')}>
                    <TrashIcon />
                  </button>
                </>
              ) : (
                <button type="button" className="icon" data-testid="dossier-untrash" aria-label={`${t('library.restoreFromTrash')} — ${title(d)}`} title={t('library.restoreFromTrash')} onClick={() => void move(d.id, 'untrash')}>
                  <UntrashIcon />
                </button>
              )}
            </li>
          ))}
        </ul>
        {items !== undefined && items.length === 0 && (
          <p className="empty" data-testid="library-empty">
            {view === 'drafts' ? t('library.empty') : t('library.emptyTrash')}
          </p>
        )}
        {view === 'trash' && items !== undefined && items.length > 0 && (
          <button type="button" className="danger" data-testid="empty-trash" disabled={busy} onClick={() => setEmptying(true)}>
            {wt('library.emptyTrash')}
          </button>
        )}
        {open === undefined && view === 'drafts' && <p className="hint">{t('library.hint')}</p>}
        {emptying && items && (
          <Dialog
            title={wt('library.emptyTrash')}
            confirm={wt('library.emptyTrashDo')}
            cancel={wt('dialog.cancel')}
            danger
            busy={busy}
            testId="empty-trash-dialog"
            onConfirm={() => void emptyTrash()}
            onCancel={() => setEmptying(false)}
          >
            <p>{wt('library.emptyTrashConfirm', { count: items.length })}</p>
          </Dialog>
        )}
      </>
    );
  };

  return (
    <nav className="library" aria-labelledby="library-title" data-testid="library" data-region="">
      <h1 id="library-title">{t('library.title')}</h1>
      {error && <ErrorLine error={error} />}
      {body()}
    </nav>
  );
}
