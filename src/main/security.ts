/**
 * Hardening applied to every session and web contents (Electron security checklist): no new
 * windows, no navigation, no <webview>, no permissions, no remote content, and the CSP sent as
 * a header for responses served over http (the dev server).
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/csp';

/** The renderer's own origin in dev (Vite server), or undefined when loading from file://. */
export function devServerUrl(): string | undefined {
  const url = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && url ? url : undefined;
}

function isAllowedRequest(url: string, devOrigin: string | undefined, team: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:' || u.protocol === 'data:' || u.protocol === 'blob:') return true;
  // The configured team server (issue 15), and no other remote host.
  if (team.includes(u.origin)) return true;
  if (devOrigin === undefined) return u.protocol === 'devtools:' && !app.isPackaged;
  if (u.protocol === 'devtools:' || u.protocol === 'chrome-extension:') return true;
  // The Vite dev server, and its HMR websocket on the same host and port.
  const dev = new URL(devOrigin);
  return (u.protocol === 'http:' || u.protocol === 'ws:') && u.host === dev.host;
}

/**
 * @param connectOrigins the team server's origins (http(s) and ws(s)) the page may reach, read
 *   on every request: none until a library connected to one is open.
 */
export function hardenSession(session: Session, connectOrigins: () => string[] = () => []): void {
  const devUrl = devServerUrl();
  const devOrigin = devUrl ? new URL(devUrl).origin : undefined;

  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  // No remote content: anything not served by the app itself is cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devOrigin, connectOrigins()) });
  });

  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    headers['Content-Security-Policy'] = [contentSecurityPolicy(connectOrigins())];
    callback({ responseHeaders: headers });
  });
}

/**
 * The address to hand to the system browser when the user follows `url` from a document, or
 * undefined: only `https:` links, without user name or password, are ever opened outside.
 */
export function externalLink(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return undefined;
  return u.href;
}

type OpenExternal = (url: string) => Promise<void>;

/**
 * Applied to every web contents the app ever creates (windows, devtools, anything else): no new
 * window and no navigation, ever; an `https:` link the user follows opens in the system browser.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal = (url) => shell.openExternal(url)): void {
  const openOutside = (url: string) => {
    const link = externalLink(url);
    if (link) openExternal(link).catch((e: unknown) => console.warn('[links] could not open', link, e instanceof Error ? e.message : e));
  };
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  // Main frame only ('will-frame-navigate' also fires for it): the link is opened once.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
