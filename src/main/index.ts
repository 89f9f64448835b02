/**
 * Electron main process: app lifecycle, the library, the secure window, the menu and the IPC
 * handlers. Deliberately thin: every channel is answered by src/services/host/handlers.ts (the
 * same handlers the loopback HTTP host uses), what to do when the library cannot be opened is
 * decided by src/services/host/startup.ts, the events to the page and the flush before quit by
 * src/services/host/events.ts, opening a shared file by src/services/host/open-file.ts; all are
 * tested without Electron.
 */
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { join } from 'node:path';
import type { InterfaceLanguage } from '../shared/ipc-contract';
import { createHostHandlers, readSettings } from '../services/host/handlers';
import { teamOrigins } from '../services/host/team';
import { syncAppPage } from './app-page';
import { createHostEvents } from '../services/host/events';
import { importSharedFile, sharedFilesInArgs } from '../services/host/open-file';
import { HOST_EVENT_IPC, type AppCommand } from '../shared/host-events';
import { libraryLocation, scheduleBackups } from '../services/store/index';
import { languageFromLocales, menuText } from './i18n';
import { registerIpcHandlers } from './ipc';
import { buildMenu } from './menu';
import { contextMenuModel } from './menu-model';
import { printHtml, printHtmlToPdf } from './pdf';
import { hardenSession, hardenWebContents } from './security';
import { openLibraryOrAsk } from './startup';
import { createMainWindow, isAppFrame, RENDERER_INDEX } from './window';
import { placeWindow, readWindowState, writeWindowState } from './window-state';

const APP_NAME = 'Rapporteur';
const isMac = process.platform === 'darwin';
const dev = !app.isPackaged;

app.setName(APP_NAME);
// Every renderer sandboxed, whatever its webPreferences say.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
/** How long quitting (or closing the window) waits for the page to save what is unsaved. */
const FLUSH_TIMEOUT_MS = 5000;
const events = createHostEvents((e) => console.warn('[events]', e instanceof Error ? e.message : e));
/** Set once the page has saved (or the wait is over) for this quit: the next close goes through. */
let flushedForQuit = false;

/** Asks the page to save, waiting at most FLUSH_TIMEOUT_MS; says in the log what happened. */
async function flushPage(): Promise<void> {
  const outcome = await events.requestFlush(FLUSH_TIMEOUT_MS);
  if (outcome.kind === 'timeout') console.warn(`[quit] the window did not confirm its save within ${FLUSH_TIMEOUT_MS / 1000} s`);
  else if (outcome.kind === 'answered' && !outcome.saved) console.warn('[quit] the window could not save its last changes');
}

// Files the system asked us to open before the library and the page were ready (macOS sends
// `open-file` before `ready` when a double-click launches the app).
const pendingFiles: string[] = [];
let openFiles: (paths: string[]) => void = (paths) => void pendingFiles.push(...paths);

/** The interface language, for what the main process shows itself (menus, dialogs). */
let currentLanguage: InterfaceLanguage = 'en';

function openMainWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const win = createMainWindow({ title: APP_NAME, devTools: dev, place: placeWindow(readWindowState(stateFile), areas) });
  mainWindow = win;
  // The page hears the host's events once it has loaded (it subscribes as it starts).
  let unsubscribe: (() => void) | undefined;
  win.webContents.on('did-finish-load', () => {
    unsubscribe?.();
    unsubscribe = events.subscribe((name, payload) => win.webContents.send(HOST_EVENT_IPC, name, payload));
    openFiles(pendingFiles.splice(0));
  });
  // Right click where the page shows no menu of its own: Cut, Copy, Paste, Select All.
  win.webContents.on('context-menu', (_event, params) => {
    if (!params.isEditable && params.selectionText === '') return;
    Menu.buildFromTemplate(contextMenuModel(currentLanguage, params.editFlags)).popup({ window: win });
  });
  // Closing the window: the page saves first (bounded), then the window really closes.
  win.on('close', (event) => {
    if (flushedForQuit || events.pages === 0) return;
    event.preventDefault();
    void flushPage().then(() => {
      flushedForQuit = true;
      win.close();
    });
  });
  // The size and place the window had when it was last shown normally (not maximised).
  win.on('close', () => {
    const b = win.getNormalBounds();
    try {
      writeWindowState(stateFile, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    } catch (e) {
      console.warn('[window] could not remember the window state:', e instanceof Error ? e.message : e);
    }
  });
  win.on('closed', () => {
    unsubscribe?.();
    mainWindow = undefined;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  // The team server's origins, once the library is open (issue 15).
  let teamConnect: () => string[] = () => [];
  hardenSession(session.defaultSession, () => teamConnect());

  const systemLanguage = languageFromLocales(app.getPreferredSystemLanguages());

  // The same library as the CLI: $RAPPORTEUR_DATA_DIR, else the per-user data folder (not
  // Electron's userData, which differs from it on Linux).
  const location = libraryLocation();
  const store = await openLibraryOrAsk(location.dir, systemLanguage, { create: location.create });
  if (!store) {
    app.quit();
    return;
  }
  teamConnect = () => teamOrigins(store);
  // Under a team server, the page's own policy must allow it (./app-page.ts).
  const syncTeamPage = () => syncAppPage(session.defaultSession, RENDERER_INDEX, teamConnect);
  syncTeamPage();
  // Daily backups, the last 7 kept (the store's defaults); checked at start and hourly.
  const stopBackups = scheduleBackups(store, { onError: (e) => console.warn('[backup]', e instanceof Error ? e.message : e) });
  app.on('will-quit', () => {
    stopBackups();
    store.close();
  });

  let language: InterfaceLanguage = readSettings(store, systemLanguage).interfaceLanguage;
  currentLanguage = language;
  let available: ReadonlySet<AppCommand> = new Set();
  const setMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(language, { platform: process.platform, dev, available, window: () => mainWindow, onCommand: (command) => events.emit('app.command', { command }) }),
    );
  setMenu();

  // Quitting: the page saves first (bounded), then the store closes (will-quit).
  app.on('before-quit', (event) => {
    if (flushedForQuit || events.pages === 0) return;
    event.preventDefault();
    void flushPage().then(() => {
      flushedForQuit = true;
      app.quit();
    });
  });

  openFiles = (paths) => {
    for (const path of paths) {
      void importSharedFile(store, path).then((r) => {
        if (r.ok) return events.emit('dossier.opened', { id: r.value.id });
        const options = { type: 'warning' as const, message: menuText(language, 'openFailed'), detail: r.error.message, buttons: [menuText(language, 'ok')] };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      });
    }
  };
  pendingFiles.push(...sharedFilesInArgs(process.argv.slice(1), process.cwd()));

  const handlers = createHostHandlers({
    store,
    appInfo: { name: APP_NAME, version: app.getVersion(), platform: process.platform },
    defaultLanguage: systemLanguage,
    printPdf: printHtmlToPdf,
    printHtml,
    onSettingsChange: (now) => {
      if (now.interfaceLanguage !== language) {
        language = now.interfaceLanguage;
        currentLanguage = language;
        setMenu();
      }
    },
    events,
    onTeamChange: syncTeamPage,
    onCommandsAvailable: (commands) => {
      const next = new Set(commands);
      if (next.size === available.size && commands.every((c) => available.has(c))) return;
      available = next;
      setMenu();
    },
    chooseFile: async (purpose, extensions) => {
      const options = {
        title: menuText(language, purpose === 'import' ? 'file.import' : 'file.importRevision'),
        properties: ['openFile' as const],
        filters: [{ name: menuText(language, 'documents'), extensions: extensions.map((e) => e.slice(1)) }],
      };
      const r = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
    },
    chooseSavePath: async (suggestedName) => {
      const options = { title: menuText(language, 'file.export'), defaultPath: join(app.getPath('documents'), suggestedName) };
      const r = await (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options));
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseFolder: async () => {
      const options = { title: menuText(language, 'chooseBackupFolder'), properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
    },
  });
  registerIpcHandlers(handlers, isAppFrame);

  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    openFiles(sharedFilesInArgs(argv.slice(1), cwd));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS: a file opened from the Finder (double-click, drag onto the Dock icon).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  start().catch((error: unknown) => {
    console.error('Rapporteur failed to start:', error);
    app.exit(1);
  });
}
