/**
 * The one application window: sandboxed, context-isolated, no Node in the renderer, and the
 * renderer loaded from the app's own files (or the Vite dev server in development).
 */
import type { BrowserWindow, WebFrameMain } from 'electron';
import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devServerUrl } from './security';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';
import { newSecureWindow } from './web-preferences';

const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const RENDERER_INDEX = fileURLToPath(new URL('../renderer/index.html', import.meta.url));


/** The window, placed where `place` says (see ./window-state.ts: remembered, on a visible screen). */
export function createMainWindow(opts: { title: string; devTools: boolean; place: WindowState }): BrowserWindow {
  const win = newSecureWindow(
    {
      ...(opts.place.bounds ?? {}),
      width: opts.place.width,
      height: opts.place.height,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: opts.title,
      backgroundColor: '#f4f3ef',
    },
    {
      preload: PRELOAD_PATH,
      devTools: opts.devTools,
      // The app checks spelling itself (src/renderer/spell): Chromium's checker would download
      // its dictionaries from a Google host, which mission laptops cannot reach.
      spellcheck: false,
    },
  );
  win.once('ready-to-show', () => {
    if (opts.place.maximized) win.maximize();
    win.show();
  });

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
