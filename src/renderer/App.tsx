import { useCallback, useEffect, useState } from 'react';
import { installRegionKeys } from './components/regions';
import type { Lang, RDocument } from '../core/model/schema';
import { defaultVersion } from '../core/model/versions';
import type { AppInfo, Dossier, ImportedDossier, InterfaceLanguage, RevisionInfo, SaveResult, TemplateInfo } from '../shared/ipc-contract';
import { api } from './api';
import { Header } from './components/Header';
import { Library } from './components/Library';
import { TemplatePreview } from './components/Preview';
import type { DossierViewMode } from './workspace/Workspace';
import { useAppTranslation } from './i18n';
import type { ImportNotes } from './workspace/context';
import { Workspace } from './workspace/Workspace';
import { useAppCommands } from './commands/registry';
import { SettingsDialog } from './settings/SettingsDialog';

/** Focuses the first element `selector` finds (a menu command that leads to a control on screen). */
function focusOn(selector: string): void {
  document.querySelector<HTMLElement>(selector)?.focus();
}

/** The dossier in the address (`#dossier=<id>`, then `&view=desk` and `&row=<id>` at the translator's desk), if any. */
function placeFromHash(): ({ id: string } & DossierViewMode) | undefined {
  const m = /^#dossier=([0-9a-z]{12})(?:&view=(desk))?(?:&row=([A-Za-z][A-Za-z0-9_-]{0,63}))?$/.exec(location.hash);
  return m ? { id: m[1]!, view: m[2] === 'desk' ? 'desk' : 'editor', row: m[3] } : undefined;
}
const dossierFromHash = () => placeFromHash()?.id;

function hashOf(id: string, { view, row }: DossierViewMode): string {
  return `#dossier=${id}${view === 'desk' ? `&view=desk${row ? `&row=${row}` : ''}` : ''}`;
}

type Open = { dossier: Dossier; lang: Lang; history: RevisionInfo[]; importNotes?: ImportNotes } & DossierViewMode;

export function App({ initialLanguage }: { initialLanguage: InterfaceLanguage }) {
  const { t, i18n } = useAppTranslation();
  const [language, setLanguage] = useState<InterfaceLanguage>(initialLanguage);
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [open, setOpen] = useState<Open | undefined>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Bumped when something the library lists changed from the open dossier (a save, a finalisation).
  const [libraryChanges, setLibraryChanges] = useState(0);
  const libraryChanged = useCallback(() => setLibraryChanges((n) => n + 1), []);
  // Bumped when the settings dialog closes: the library typesets titles with the settings' French spacing.
  const [settingsChanges, setSettingsChanges] = useState(0);
  const closeSettings = useCallback(() => {
    setSettingsOpen(false);
    setSettingsChanges((n) => n + 1);
  }, []);

  // The version a dossier opens in follows the one rule the CLI uses too (core/model/versions).
  // Its history comes first: a finalised dossier opens read-only from its first frame.
  const openDossier = useCallback((dossier: Dossier, importNotes?: ImportNotes, how: DossierViewMode = { view: 'editor' }) => {
    void api.invoke('dossier.history', { id: dossier.id }).then((h) => {
      setOpen({ dossier, lang: defaultVersion(dossier.document), history: h.ok ? h.value : [], ...(importNotes ? { importNotes } : {}), ...how });
      // The address names the open dossier (and the desk's row), so a reload (or a link) opens it again.
      const hash = hashOf(dossier.id, how);
      if (location.hash !== hash) history.replaceState(null, '', hash);
    });
  }, []);
  // Another view of the open dossier (the editor, the desk), or another row at the desk.
  const showView = useCallback((how: DossierViewMode, latest?: Dossier) => {
    setOpen((o) => {
      if (!o) return o;
      const next = { ...o, ...(latest ? { dossier: latest } : {}), ...how };
      const hash = hashOf(next.dossier.id, how);
      if (location.hash !== hash) history.replaceState(null, '', hash);
      return next;
    });
  }, []);
  const closeDossier = useCallback(() => {
    setOpen(undefined);
    if (dossierFromHash() !== undefined) history.replaceState(null, '', location.pathname + location.search);
  }, []);
  const openImported = useCallback(
    (r: ImportedDossier, name: string) => openDossier(r.dossier, { name, format: r.format, unsure: r.unsure, dropped: r.dropped }),
    [openDossier],
  );

  // F6 / Shift+F6: from region to region of the window (./components/regions.ts).
  useEffect(() => installRegionKeys(window), []);

  // #dossier=<id> opens that dossier (at start, and when the address changes).
  useEffect(() => {
    const openFromHash = () => {
      const at = placeFromHash();
      if (at === undefined) return;
      void api.invoke('dossier.get', { id: at.id }).then((r) => {
        if (r.ok) openDossier(r.value, undefined, { view: at.view, row: at.row });
        else console.error(`[app] #dossier=${at.id}: ${r.error.message}`);
      });
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [openDossier]);

  // A file the system asked the host to open was imported: show it.
  useEffect(
    () =>
      api.onEvent('dossier.opened', ({ id }) => {
        void api.invoke('dossier.get', { id }).then((r) => {
          if (r.ok) openDossier(r.value);
          else console.error(`[app] opened file ${id}: ${r.error.message}`);
        });
      }),
    [openDossier],
  );
  // File > New from Template… and Open…: the library's own controls.
  useAppCommands({
    'file.new': () => focusOn('[data-testid="new-document"] select'),
    'file.open': () => focusOn('[data-testid="library-search"]'),
    'app.settings': () => setSettingsOpen(true),
  });

  const reloadDossier = useCallback(() => {
    if (!open) return;
    void api.invoke('dossier.get', { id: open.dossier.id }).then((r) => r.ok && setOpen({ ...open, dossier: r.value }));
  }, [open]);

  useEffect(() => {
    void api.invoke('app.info').then((r) => r.ok && setInfo(r.value));
    void api.invoke('templates.list').then((r) => r.ok && setTemplates(r.value));
  }, []);

  // The interface language applies at once; the host is told afterwards (menus, persistence).
  const changeLanguage = useCallback(
    (l: InterfaceLanguage) => {
      setLanguage(l);
      void i18n.changeLanguage(l);
      void api.invoke('settings.set', { interfaceLanguage: l });
    },
    [i18n],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  const onSaved = useCallback(
    (document: RDocument, version: number, saved?: SaveResult) => {
      // The window's title line follows the text as the library's list does (the store derives both).
      setOpen((o) => (o ? { ...o, dossier: { ...o.dossier, document, version, ...(saved ? { title: saved.title } : {}) } } : o));
      // The title shown in the list may have changed with the text.
      libraryChanged();
    },
    [libraryChanged],
  );

  return (
    <div className="app">
      <Header language={language} onLanguage={changeLanguage} info={info} onSettings={() => setSettingsOpen(true)} />
      {settingsOpen && <SettingsDialog language={language} onLanguage={changeLanguage} onClose={closeSettings} />}
      <div className="body">
        <Library language={language} templates={templates} open={open?.dossier} changes={libraryChanges} settingsChanges={settingsChanges} onOpen={(d) => openDossier(d)} onImported={openImported} onClose={closeDossier} />
        {open ? (
          <Workspace
            key={open.dossier.id}
            dossier={open.dossier}
            lang={open.lang}
            language={language}
            initialHistory={open.history}
            importNotes={open.importNotes}
            view={open.view}
            row={open.row}
            onView={showView}
            onLang={(lang, latest) => setOpen({ ...open, dossier: latest ? { ...open.dossier, document: latest } : open.dossier, lang })}
            onClose={closeDossier}
            onSaved={onSaved}
            onReload={reloadDossier}
            onReplaced={(dossier) => setOpen((o) => (o && o.dossier.id === dossier.id ? { ...o, dossier } : o))}
            onLibraryChanged={libraryChanged}
            onDismissImportNotes={() => setOpen((o) => (o ? { dossier: o.dossier, lang: o.lang, history: o.history, view: o.view, row: o.row } : o))}
          />
        ) : (
          <TemplatePreview templates={templates} />
        )}
      </div>
    </div>
  );
}
