/**
 * Electron main process: app lifecycle, the library, the secure window, the menu and the IPC
 * handlers. Deliberately thin: every channel is answered by src/services/host/handlers.ts (the
 * same handlers the loopback HTTP host uses), what to do when the library cannot be opened is
 * decided by src/services/host/startup.ts; both are tested without Electron.
 */
import { app, BrowserWindow, Menu, screen, session } from 'electron';
import { join } from 'node:path';
import type { InterfaceLanguage } from '../shared/ipc-contract';
import { createHostHandlers, readSettings } from '../services/host/handlers';
import { libraryLocation, scheduleBackups } from '../services/store/index';
import { languageFromLocales } from './i18n';
import { registerIpcHandlers } from './ipc';
import { buildMenu } from './menu';
import { printHtmlToPdf } from './pdf';
import { hardenSession, hardenWebContents } from './security';
import { openLibraryOrAsk } from './startup';
import { createMainWindow, isAppFrame } from './window';
import { placeWindow, readWindowState, writeWindowState } from './window-state';

const APP_NAME = 'Rapporteur';
const isMac = process.platform === 'darwin';
const dev = !app.isPackaged;

app.setName(APP_NAME);
// Every renderer sandboxed, whatever its webPreferences say.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;

function openMainWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const win = createMainWindow({ title: APP_NAME, devTools: dev, place: placeWindow(readWindowState(stateFile), areas) });
  mainWindow = win;
  // The size and place the window had when it was last shown normally (not maximised).
  win.on('close', () => {
    const b = win.getNormalBounds();
    try {
      writeWindowState(stateFile, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    } catch (e) {
      console.warn('[window] could not remember the window state:', e instanceof Error ? e.message : e);
    }
  });
  win.on('closed', () => (mainWindow = undefined));
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);

  const systemLanguage = languageFromLocales(app.getPreferredSystemLanguages());

  // The same library as the CLI: $RAPPORTEUR_DATA_DIR, else the per-user data folder (not
  // Electron's userData, which differs from it on Linux).
  const location = libraryLocation();
  const store = await openLibraryOrAsk(location.dir, systemLanguage, { create: location.create });
  if (!store) {
    app.quit();
    return;
  }
  // Daily backups, the last 7 kept (the store's defaults); checked at start and hourly.
  const stopBackups = scheduleBackups(store, { onError: (e) => console.warn('[backup]', e instanceof Error ? e.message : e) });
  app.on('will-quit', () => {
    stopBackups();
    store.close();
  });

  let language: InterfaceLanguage = readSettings(store, systemLanguage).interfaceLanguage;
  const setMenu = () => Menu.setApplicationMenu(buildMenu(language, { isMac, dev, window: () => mainWindow }));
  setMenu();

  const handlers = createHostHandlers({
    store,
    appInfo: { name: APP_NAME, version: app.getVersion(), platform: process.platform },
    defaultLanguage: systemLanguage,
    printPdf: printHtmlToPdf,
    onSettingsChange: (now) => {
      if (now.interfaceLanguage !== language) {
        language = now.interfaceLanguage;
        setMenu();
      }
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
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
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
