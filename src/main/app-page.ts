/**
 * The app's page under a team server (issue 15). Electron loads the page from file://, where
 * only its <meta> policy applies (the session's onHeadersReceived does not see file://
 * responses), and the built index.html's <meta> allows no remote connection. So, while the
 * library is connected to a team server, the session serves index.html itself (`protocol.handle`
 * on 'file'): the <meta> rewritten to allow that server's origin, and the same policy as a
 * header; every other file is passed on untouched. With no team server nothing is intercepted:
 * the app loads exactly as before.
 */
import { readFile } from 'node:fs/promises';
import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { net, type Session } from 'electron';
import { contentSecurityPolicy, metaContentSecurityPolicy, withMetaPolicy } from '../shared/csp';

const serving = new WeakSet<Session>();

/** True when `url` is the file `index`. */
function isFile(url: string, index: string): boolean {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  return same(normalize(path), normalize(index));
}

/** The page with its policy allowing `origins` (read on every load). */
export async function appPageResponse(index: string, origins: readonly string[]): Promise<Response> {
  const html = await readFile(index, 'utf8');
  return new Response(withMetaPolicy(html, metaContentSecurityPolicy(origins)), {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy(origins), 'Cache-Control': 'no-store' },
  });
}

/**
 * Serves `index` itself while `connectOrigins()` names a team server, and stops when it no longer
 * does. Call at start and after the team connection changes (the page then reloads).
 */
export function syncAppPage(session: Session, index: string, connectOrigins: () => string[]): void {
  const wanted = connectOrigins().length > 0;
  if (wanted && !serving.has(session)) {
    session.protocol.handle('file', (request) => (isFile(request.url, index) ? appPageResponse(index, connectOrigins()) : net.fetch(request, { bypassCustomProtocolHandlers: true })));
    serving.add(session);
  } else if (!wanted && serving.has(session)) {
    session.protocol.unhandle('file');
    serving.delete(session);
  }
}
