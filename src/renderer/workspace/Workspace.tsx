/**
 * The open dossier: its toolbar (title, document language, finalise / new draft, import a
 * returned version, close), the structured editor with the side panels of ./registry.tsx beside
 * it, or one of the registry's views instead of it (the comparison). The checker runs on the
 * text as it is in the editor (./checks/liveChecks.ts) and its findings are marked at their
 * blocks. A finalised dossier, or one in the trash, opens read-only. A dossier in two versions
 * can also be shown at the translator's desk (../desk: both versions side by side, instead of the
 * editor and its panels); with one version, "Create the English (French) version".
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LANGS, type Lang, type RDocument } from '../../core/model/schema';
import type { Dossier, InterfaceLanguage, IpcError, RevisionInfo, SaveResult } from '../../shared/ipc-contract';
import { mayWriteText } from '../../shared/team';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { shownTitle } from '../components/dossierTitle';
import { DossierEditor, type DossierEditorHandle } from '../editor/components/DossierEditor';
import { filePicker } from '../files/picker';
import { useAppCommands } from '../commands/registry';
import { useAppTranslation, useWorkspaceTranslation } from '../i18n';
import type { LiveState } from './checks/ChecksPanel';
import { FindingMarks, marksOf } from './checks/FindingMarks';
import { LiveChecks } from './checks/liveChecks';
import type { Comparison, ImportNotes, WorkspaceContext } from './context';
import { useWhen } from './history/HistoryPanel';
import { registerMoveKeys } from './outline/move';
import { PANELS, VIEWS } from './registry';
import { useEditor } from './editorState';
import { useTabsRow } from './tabsRow';
import { confirmEdits, deskPair, otherLang, structureLanguage, translationOf, versionsOf } from '../../core/translation/versions';
import { NewVersion } from '../desk/NewVersion';
import { printDossier } from '../print/print';
import { ExportDialog } from './export/ExportDialog';
import './workspace.css';

/** How an open dossier is shown: the editor (and its panels), or the translator's desk (at a row). */
export type DossierViewMode = { view: 'editor' | 'desk'; row?: string | undefined };

export type WorkspaceProps = {
  dossier: Dossier;
  lang: Lang;
  language: InterfaceLanguage;
  /** The history as it was when the dossier was opened (a finalised dossier opens read-only at once). */
  initialHistory: RevisionInfo[];
  importNotes: ImportNotes | undefined;
  onLang: (l: Lang, latest?: RDocument) => void;
  onClose: () => void;
  /** After each save; `saved` (the dossier's new summary: its title) when the store's answer is at hand. */
  onSaved: (document: RDocument, version: number, saved?: SaveResult) => void;
  onReload: () => void;
  /** Another text became current (a restore, a returned version): show this dossier instead. */
  onReplaced: (dossier: Dossier) => void;
  /** Something the library lists changed (finalised, a revision imported). */
  onLibraryChanged: () => void;
  onDismissImportNotes: () => void;
  /** The editor or the desk, and the desk's row (kept in the address). */
  view: DossierViewMode['view'];
  row?: string | undefined;
  /** Another view (or row); `latest`, the dossier as it now is. */
  onView: (how: DossierViewMode, latest?: Dossier) => void;
};

/** Alt+Shift+↑/↓ in the text: registered inside the editor's composer. */
function MoveKeys({ enabled, onMoved }: { enabled: boolean; onMoved: (moved: boolean) => void }) {
  const editor = useEditor();
  const on = useRef(enabled);
  on.current = enabled;
  const moved = useRef(onMoved);
  moved.current = onMoved;
  useEffect(() => registerMoveKeys(editor, () => on.current, (m) => moved.current(m)), [editor]);
  return null;
}

function SidePanels({ ctx, active, onActive, hidden, onHidden }: { ctx: WorkspaceContext; active: string; onActive: (id: string) => void; hidden: boolean; onHidden: (h: boolean) => void }) {
  const { t } = useWorkspaceTranslation();
  const panels = PANELS.filter((p) => p.when?.(ctx) ?? true);
  const current = panels.find((p) => p.id === active) ?? panels[0]!;
  const tabs = useRef<HTMLDivElement>(null);
  // One row that scrolls sideways, the chosen tab in sight (tabsRow.ts); read again when the tabs or their language change.
  useTabsRow(tabs, `[data-panel="${current.id}"]`, `${hidden}:${panels.map((p) => p.id).join(' ')}:${t('panels.label')}`);
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = panels.indexOf(current);
    const j = e.key === 'Home' ? 0 : e.key === 'End' ? panels.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + panels.length) % panels.length;
    onActive(panels[j]!.id);
    requestAnimationFrame(() => tabs.current?.querySelector<HTMLElement>(`[data-panel="${panels[j]!.id}"]`)?.focus());
  };
  if (hidden) {
    return (
      <aside className="side-panels collapsed" aria-label={t('panels.label')} data-region="">
        <button type="button" className="panels-toggle" data-testid="panels-show" aria-expanded="false" onClick={() => onHidden(false)}>
          {t('panels.show')}
        </button>
      </aside>
    );
  }
  return (
    <aside className="side-panels" aria-label={t('panels.label')} data-testid="side-panels" data-region="" data-active={current.id}>
      <div className="panel-tabs-row">
        <div ref={tabs} className="panel-tabs" role="tablist" aria-label={t('panels.label')} onKeyDown={onKey}>
          {panels.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`panel-tab-${p.id}`}
              aria-selected={p.id === current.id}
              aria-controls={`panel-${p.id}`}
              tabIndex={p.id === current.id ? 0 : -1}
              data-panel={p.id}
              data-testid={`panel-tab-${p.id}`}
              onClick={() => onActive(p.id)}
            >
              {t(p.title)}
            </button>
          ))}
        </div>
        <button type="button" className="panels-toggle icon-text" data-testid="panels-hide" aria-expanded="true" onClick={() => onHidden(true)}>
          {t('panels.hide')}
        </button>
      </div>
      <div className="panel-body" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`panel-tab-${current.id}`} data-testid={`panel-${current.id}`} tabIndex={0}>
        {current.render(ctx)}
      </div>
    </aside>
  );
}

/** Library (320 px) + the page (8.5 in and its margins) + the panels (400 px). */
const WIDE_ENOUGH = '(min-width: 1640px)';

export function Workspace(props: WorkspaceProps) {
  const { dossier, lang, language, onLang, onClose, onSaved, onReload, onReplaced, onLibraryChanged } = props;
  const { t } = useWorkspaceTranslation();
  const { t: at } = useAppTranslation();
  const when = useWhen(language);
  const editor = useRef<DossierEditorHandle>(null);
  const version = useRef(dossier.version);
  version.current = Math.max(version.current, dossier.version);
  const [history, setHistory] = useState<RevisionInfo[] | undefined>(props.initialHistory);
  const [generation, setGeneration] = useState(0);
  const [view, setView] = useState('editor');
  const [comparison, setComparison] = useState<Comparison | undefined>();
  const [panel, setPanel] = useState(props.importNotes ? 'import' : 'metadata');
  // The panels start shown only where the page keeps its width beside them: narrower, the page
  // (its printed width) scrolls sideways under the panels, its labels and left margin out of
  // sight. A layout choice only ("Show the panels" opens them anywhere; the editor-report spec
  // writes and reloads a report with them open).
  const [panelsHidden, setPanelsHidden] = useState(() => props.importNotes === undefined && !window.matchMedia(WIDE_ENOUGH).matches);
  const [live, setLive] = useState<LiveState>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | undefined>();
  const [status, setStatus] = useState('');
  const [finalising, setFinalising] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);

  // A status line is worded in the language it was said in: another language clears it.
  useEffect(() => setStatus(''), [language]);

  const finalised = history?.[0]?.locked === true ? history[0] : undefined;
  // Structure is edited in the translation's source only: the other version is words only.
  const structure = structureLanguage(dossier.document);
  const mode: 'edit' | 'text' | 'read' = dossier.trashedAt !== null || finalised ? 'read' : structure === undefined || structure === lang ? 'edit' : 'text';
  const versions = versionsOf(dossier.document);
  const pair = deskPair(dossier.document);
  const desk = props.view === 'desk' && pair !== undefined;
  // Nothing may be written here: the desk only reads, and no version is offered to add.
  const readOnly = mode === 'read' || !mayWriteText(dossier.team);
  const missing = versions.length === 1 && !readOnly ? otherLang(versions[0]!) : undefined;
  const [adding, setAdding] = useState(false);

  // The checker on the text as it is in the editor.
  const checks = useMemo(() => new LiveChecks((r, via) => setLive({ ...r, checkedAt: Date.now(), via })), []);
  useEffect(() => () => checks.dispose(), [checks]);
  // The text as opened (another dossier, language or restored text: a new editor).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the text as opened; later edits reach the checker from the editor
  useEffect(() => checks.check(dossier.document, lang), [checks, dossier.id, lang, generation]);
  const loadHistory = useCallback(() => {
    void api.invoke('dossier.history', { id: dossier.id }).then((r) => r.ok && setHistory(r.value));
  }, [dossier.id]);
  // A save may record an automatic revision: the history follows the versions.
  useEffect(loadHistory, [loadHistory, dossier.version, generation]);

  const flush = useCallback(async (): Promise<RDocument> => (await editor.current?.flush()) ?? dossier.document, [dossier.document]);
  const run = async <T,>(fn: () => Promise<{ ok: true; value: T } | { ok: false; error: IpcError }>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await fn();
      if (!r.ok) setError(r.error);
      return r.ok ? r.value : undefined;
    } finally {
      setBusy(false);
    }
  };
  const replaced = (d: Dossier) => {
    version.current = d.version;
    onReplaced(d);
    setGeneration((g) => g + 1);
    loadHistory();
    onLibraryChanged();
  };

  const actions: WorkspaceContext['actions'] = {
    flush,
    snapshot: async (label) => {
      await flush();
      const r = await run(() => api.invoke('dossier.snapshot', { id: dossier.id, label }));
      loadHistory();
      return r;
    },
    compare: (c) => {
      void flush().then(() => {
        setComparison(c);
        setView('compare');
      });
    },
    restore: async (seq) => {
      await flush();
      const r = await run(() => api.invoke('dossier.restore', { id: dossier.id, seq, baseVersion: version.current }));
      if (!r) return false;
      replaced(r.dossier);
      setView('editor');
      setStatus(t('history.restored', { seq, now: r.revision.seq }));
      return true;
    },
    showView: (id) => {
      // The desk lives in the address (App's view and row); the other views here.
      if (id === 'desk' || (id === 'editor' && desk)) return void switchView(id);
      void flush().then(() => setView(id));
    },
    dismissImportNotes: () => {
      props.onDismissImportNotes();
      setPanel('metadata');
    },
    announce: setStatus,
    reopen: async () => {
      await flush();
      const r = await run(() => api.invoke('dossier.get', { id: dossier.id }));
      if (r) replaced(r);
    },
  };
  const deskCtx: WorkspaceContext['desk'] = desk
    ? {
        pair,
        row: props.row,
        readOnly,
        onRow: (id) => props.onView({ view: 'desk', row: id }),
        editorRef: editor,
        onSaved: (doc, v) => {
          version.current = v;
          onSaved(doc, v);
        },
        onReload,
      }
    : undefined;
  const ctx: WorkspaceContext = { dossier, lang, language, mode, history, live, importNotes: props.importNotes, comparison, desk: deskCtx, actions };

  const finalise = async (label: string) => {
    await flush();
    const r = await run(() => api.invoke('dossier.finalize', { id: dossier.id, label, baseVersion: version.current }));
    setFinalising(undefined);
    if (!r) return;
    loadHistory();
    onLibraryChanged();
  };
  const importReturned = async () => {
    const file = await filePicker().pick({ accept: ['.docx'], purpose: 'returned-version' });
    if (!file) return;
    await flush();
    setStatus(t('import.importing', { name: file.name }));
    const r = await run(() =>
      api.invoke('dossier.importRevision', {
        id: dossier.id,
        name: file.name,
        bytes: file.bytes,
        baseVersion: version.current,
        label: t('import.returnedLabel', { name: file.name }).slice(0, 200),
        beforeLabel: t('import.beforeLabel'),
      }),
    );
    if (!r) return setStatus('');
    replaced(r.dossier);
    const note = `${t('import.returnedDone', { name: file.name, seq: r.revision.seq, before: r.before.seq })}${r.tracked > 0 ? ` ${t('compare.tracked', { count: r.tracked })}` : ''}${r.notes > 0 ? ` ${t('compare.notes', { count: r.notes })}` : ''}`;
    setStatus(note);
    setComparison({ from: r.before.seq, to: r.revision.seq, result: r.comparison, note });
    setView('compare');
  };

  // File > Close (and the button): what is on screen is saved first.
  const close = () => void flush().finally(onClose);
  // File > Print: what is on screen is saved first, then the print view of this language.
  const print = async () => {
    await flush();
    const failed = await printDossier({ id: dossier.id, lang, profile: 'issued', paper: 'letter' });
    if (failed) setError(failed);
  };
  // The menu's Document items and File > Import a Returned Version lead to this window's own panels and actions.
  const showPanel = (id: string) => {
    setPanelsHidden(false);
    setPanel(id);
  };
  useAppCommands({
    'file.close': close,
    'file.print': () => void print(),
    'file.export': () => setExporting(true),
    'document.check': () => showPanel('checks'),
    'document.compare': () => showPanel('history'),
    'document.snapshot': () => showPanel('history'),
  });
  useAppCommands({ 'file.importRevision': () => void importReturned() }, dossier.trashedAt === null);
  useAppCommands({ 'document.finalise': () => setFinalising(t('finalise.defaultName', { date: when(Date.now()) })) }, mode === 'edit');
  const switchView = async (v: DossierViewMode['view']) => {
    if (v === props.view) return;
    const latest = await editor.current?.flush();
    props.onView({ view: v }, latest ? { ...dossier, document: latest } : undefined);
  };

  const switchLang = async (l: Lang) => {
    if (l === lang) return;
    const latest = await editor.current?.flush();
    onLang(l, latest);
  };
  const langs = LANGS.filter((l) => dossier.languages.includes(l));
  const marks = useMemo(
    () => [...marksOf(live?.findings ?? [], 'finding'), ...marksOf((props.importNotes?.unsure ?? []).map((u) => ({ ...u, severity: 'warning' as const })), 'import')],
    [live, props.importNotes],
  );
  const shown = desk ? 'desk' : view;
  const other = VIEWS.find((v) => v.id === shown && (v.when?.(ctx) ?? true));

  return (
    <div className="workspace-shell" data-testid="dossier-view" data-id={dossier.id} data-version={dossier.version} data-mode={mode} data-view={other ? other.id : 'editor'}>
      <div className="toolbar" data-region="">
        <h1 className="toolbar-title" data-testid="dossier-title">
          <span className="toolbar-kicker">{finalised ? t('workspace.finalised') : at('preview.dossierTitle')}</span> {shownTitle(dossier, dossier.document.settings) || at('library.untitled')}
        </h1>
        {!desk && (
          <div className="segmented" role="group" aria-labelledby="doc-lang-label">
            <span id="doc-lang-label" className="segmented-label">
              {at('preview.documentLanguage')}
            </span>
            {langs.map((l) => (
              <button key={l} type="button" aria-pressed={l === lang} data-testid={`doc-lang-${l}`} onClick={() => void switchLang(l)}>
                {at(`documentLanguages.${l}`)}
              </button>
            ))}
          </div>
        )}
        {pair && (
          <div className="segmented" role="group" aria-labelledby="doc-view-label">
            <span id="doc-view-label" className="segmented-label">
              {at('desk.view.label')}
            </span>
            {(['editor', 'desk'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={(v === 'desk') === desk} data-testid={`view-${v}`} onClick={() => void switchView(v)}>
                {at(`desk.view.${v}`)}
              </button>
            ))}
          </div>
        )}
        {missing && (
          <button type="button" data-testid="add-version" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            {at(`desk.newVersion.button.${missing}`)}
          </button>
        )}
        <div className="toolbar-actions" role="group" aria-label={t('workspace.actions')}>
          {VIEWS.filter((v) => v.label && (v.when?.(ctx) ?? true)).map((v) => (
            <button key={v.id} type="button" aria-pressed={view === v.id} data-testid={`view-${v.id}`} onClick={() => actions.showView(view === v.id ? 'editor' : v.id)}>
              {t(v.label!)}
            </button>
          ))}
          <button type="button" data-testid="export-open" aria-haspopup="dialog" onClick={() => setExporting(true)}>
            {t('export.open')}
          </button>
          {mode === 'edit' && (
            <button type="button" data-testid="finalise-open" disabled={busy} onClick={() => setFinalising(t('finalise.defaultName', { date: when(Date.now()) }))}>
              {t('finalise.open')}
            </button>
          )}
          {dossier.trashedAt === null && (
            <button type="button" data-testid="import-returned" disabled={busy} title={t('import.returnedHint')} onClick={() => void importReturned()}>
              {t('import.returned')}
            </button>
          )}
          <button type="button" className="link" data-testid="dossier-close" onClick={close}>
            {at('preview.closeDossier')}
          </button>
        </div>
      </div>
      {finalised && (
        <div className="banner finalised" data-testid="finalised-banner" role="note">
          <span className="badge locked">{t('workspace.finalised')}</span> <span>{t('workspace.finalisedBanner', { date: when(finalised.createdAt), label: finalised.label ?? t('history.revision', { seq: finalised.seq }) })}</span>
          {dossier.trashedAt === null && (
            <button type="button" className="primary" data-testid="new-draft" disabled={busy} onClick={() => void actions.restore(finalised.seq)}>
              {t('workspace.newDraft')}
            </button>
          )}
        </div>
      )}
      {dossier.trashedAt !== null && (
        <div className="banner" role="note">
          {t('workspace.trashBanner')}
        </div>
      )}
      {error && (
        <p className="library-error" role="alert" data-testid="workspace-error" data-code={error.code}>
          {at(`errors.${error.code}`, { message: error.message })}
        </p>
      )}
      <p className="workspace-status" role="status" data-testid="workspace-status">
        {busy && !status ? t('workspace.busy') : status}
      </p>
      {adding && missing && (
        <NewVersion
          dossierId={dossier.id}
          target={missing}
          source={versions[0]!}
          flush={() => editor.current?.flush() ?? Promise.resolve()}
          onCreated={(d) => {
            setAdding(false);
            props.onView({ view: 'desk' }, d);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {other ? (
        other.render(ctx)
      ) : (
        <main className="workspace">
          <DossierEditor
            key={`${dossier.id}:${lang}:${generation}`}
            ref={editor}
            dossier={dossier}
            lang={lang}
            mode={mode}
            beforeSave={pair && translationOf(dossier.document) && lang === pair.target ? (doc, saved) => confirmEdits(doc, saved, pair) : undefined}
            onSaved={(doc, v, saved) => {
              version.current = v;
              onSaved(doc, v, saved);
            }}
            onReload={() => {
              // After a conflict: the stored text, in a new editor.
              void api.invoke('dossier.get', { id: dossier.id }).then((r) => (r.ok ? replaced(r.value) : onReload()));
            }}
            onDocument={(doc) => checks.check(doc, lang)}
            aside={
              <>
                <FindingMarks marks={marks} />
                <MoveKeys enabled={mode === 'edit'} onMoved={(m) => !m && setStatus(t('outline.cannotMove'))} />
                <SidePanels ctx={ctx} active={panel} onActive={setPanel} hidden={panelsHidden} onHidden={setPanelsHidden} />
              </>
            }
          />
        </main>
      )}
      {exporting && (
        <ExportDialog
          dossier={dossier}
          flush={flush}
          onDone={(name) => {
            setExporting(false);
            setStatus(t('export.done', { name }));
          }}
          onCancel={() => setExporting(false)}
        />
      )}
      {finalising !== undefined && (
        <FinaliseDialog
          initial={finalising}
          errors={live?.findings.filter((f) => f.severity === 'error').length ?? 0}
          busy={busy}
          onConfirm={(label) => void finalise(label)}
          onCancel={() => setFinalising(undefined)}
        />
      )}
    </div>
  );
}

function FinaliseDialog({ initial, errors, busy, onConfirm, onCancel }: { initial: string; errors: number; busy: boolean; onConfirm: (label: string) => void; onCancel: () => void }) {
  const { t } = useWorkspaceTranslation();
  const [label, setLabel] = useState(initial);
  return (
    <Dialog title={t('finalise.title')} confirm={t('finalise.confirm')} cancel={t('dialog.cancel')} busy={busy || label.trim() === ''} testId="finalise-dialog" onConfirm={() => onConfirm(label.trim())} onCancel={onCancel}>
      <p>{t('finalise.explain')}</p>
      {errors > 0 && (
        <p className="mf-error" data-testid="finalise-errors">
          {t('finalise.errors', { count: errors })}
        </p>
      )}
      <label htmlFor="finalise-name">{t('finalise.name')}</label>
      <input id="finalise-name" type="text" maxLength={200} value={label} data-testid="finalise-name" onChange={(e) => setLabel(e.target.value)} />
    </Dialog>
  );
}
