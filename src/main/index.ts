/**
 * Electron main process: app lifecycle, the secure window, the menu and the IPC handlers.
 * Deliberately thin: everything it serves comes from src/core, src/shared or (later)
 * src/services, which do not import electron and are tested without it.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import { templateHandlers } from '../shared/core-handlers';
import { ok, type Handlers } from '../shared/ipc-contract';
import { languageFromLocales } from './i18n';
import { registerIpcHandlers } from './ipc';
import { buildMenu } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { createMemorySettings } from './settings';
import { createMainWindow, isAppFrame } from './window';

const APP_NAME = 'Rapporteur';
const isMac = process.platform === 'darwin';
const dev = !app.isPackaged;

app.setName(APP_NAME);
// Every renderer sandboxed, whatever its webPreferences say.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;

function openMainWindow(): void {
  mainWindow = createMainWindow({ title: APP_NAME, devTools: dev });
  mainWindow.on('closed', () => (mainWindow = undefined));
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);

  const settings = createMemorySettings({ interfaceLanguage: languageFromLocales(app.getPreferredSystemLanguages()) });
  const setMenu = () => Menu.setApplicationMenu(buildMenu(settings.get().interfaceLanguage, { isMac, dev, window: () => mainWindow }));
  settings.onChange((now, before) => {
    if (now.interfaceLanguage !== before.interfaceLanguage) setMenu();
  });
  setMenu();

  const handlers: Handlers = {
    'app.info': () => ok({ name: APP_NAME, version: app.getVersion(), platform: process.platform }),
    ...templateHandlers,
    'settings.get': () => ok(settings.get()),
    'settings.set': (patch) => ok(settings.set(patch)),
  };
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
