/**
 * The one definition of a secure window's webPreferences (Electron security checklist).
 *
 * Each `new BrowserWindow` writes these values out literally (src/main/window.ts, src/main/pdf.ts)
 * instead of spreading this constant, so that a static scanner such as Doyensec's
 * Electronegativity, which cannot follow a spread, sees them where the window is made; a unit test
 * (tests/unit/main-process.test.ts) keeps every window's preferences equal to this definition.
 */
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
