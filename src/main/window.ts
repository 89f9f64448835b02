/**
 * The one application window: sandboxed, context-isolated, no Node in the renderer, and the
 * renderer loaded from the app's own files (or the Vite dev server in development).
 */
import { BrowserWindow, type WebFrameMain } from 'electron';
import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devServerUrl } from './security';

const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const RENDERER_INDEX = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

export function createMainWindow(opts: { title: string; devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 860,
    minHeight: 560,
    show: false,
    title: opts.title,
    backgroundColor: '#f4f3ef',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: PRELOAD_PATH, devTools: opts.devTools, spellcheck: true },
  });
  win.once('ready-to-show', () => win.show());

  const dev = devServerUrl();
  if (dev) void win.loadURL(dev);
  else void win.loadFile(RENDERER_INDEX);
  return win;
}

/** True when an IPC message comes from the app's own page (not some other frame or origin). */
export function isAppFrame(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  const dev = devServerUrl();
  if (dev) return url.origin === new URL(dev).origin;
  if (url.protocol !== 'file:') return false;
  const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  return same(normalize(fileURLToPath(url)), normalize(RENDERER_INDEX));
}
