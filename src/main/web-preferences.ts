/**
 * The one definition of a secure window's webPreferences (Electron security checklist), and the
 * one place a window is made with them: `newSecureWindow` (the app's window, src/main/window.ts,
 * and the hidden print window, src/main/pdf.ts).
 *
 * `newSecureWindow` writes these values out literally instead of spreading this constant, so that
 * a static scanner such as Doyensec's Electronegativity (`npm run scan:electron`), which cannot
 * follow a spread, sees them where the window is made; a unit test
 * (tests/unit/main-process.test.ts) keeps every window's preferences equal to this definition.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

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
  // A middle click on a link would otherwise open it in a new window (auxclick).
  disableBlinkFeatures: 'Auxclick',
} as const;

/** What a window may add to the secure preferences: never one of them. */
export type ExtraPreferences = Pick<WebPreferences, 'preload' | 'javascript' | 'devTools' | 'spellcheck'>;

/** A window with SECURE_WEB_PREFERENCES (written out, for the scanner) and the window's `extra` ones. */
export function newSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, extra: ExtraPreferences): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
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
      disableBlinkFeatures: 'Auxclick',
      ...extra,
    },
  });
}
