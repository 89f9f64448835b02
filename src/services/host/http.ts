/**
 * The loopback HTTP host: the built renderer and the IPC contract over HTTP, for development and
 * the end-to-end tests (a real store behind a real browser, without Electron).
 *
 *   GET  /…                 the built renderer (out/renderer); index.html gets the per-run token
 *                           in <meta name="rapporteur-host-token">
 *   POST /api/<channel>     body {"input": …} → the contract's Result as JSON (bytes as {$bytes})
 *   GET  /events?token=…    the host's events (src/shared/host-events.ts) as Server-Sent Events
 *                           (an EventSource cannot send headers, so the token is in the query)
 *
 * Security (it can read and write the user's library):
 * - bound to 127.0.0.1 only, on a port the system picks;
 * - every API call must carry the per-run secret token in the X-Rapporteur-Token header (403
 *   otherwise): another local page cannot read our page to learn it (same-origin policy), and a
 *   cross-origin request with that header needs a CORS preflight, which is refused;
 * - the Host header must name this server (so a DNS-rebinding page is refused, 403), and an
 *   Origin header, when present, must be this server's origin;
 * - JSON bodies only (415 otherwise), at most `maxBodyBytes` (413);
 * - every input goes through the contract's dispatcher (zod validation, errors as data);
 * - the renderer's Content-Security-Policy as a header, no caching, nosniff, no framing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy, metaContentSecurityPolicy, withMetaPolicy } from '../../shared/csp';
import { fail, MAX_DOCUMENT_BYTES, type Dispatch, type Result } from '../../shared/ipc-contract';
import { fromWire, HOST_API_PREFIX, HOST_EVENTS_PATH, HOST_TOKEN_HEADER, HOST_TOKEN_META, toWire } from '../../shared/wire';
import type { HostEvents } from './events';

export const LOOPBACK = '127.0.0.1';
/**
 * Default body limit: the largest document, plus room for the JSON around it. A document sent as
 * its wire JSON (`{ $json }`, the editor's autosave) is a JSON string in the body, so each of its
 * quotes and backslashes is escaped: at most twice its size.
 */
export const DEFAULT_MAX_BODY_BYTES = 2 * MAX_DOCUMENT_BYTES + 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export type HttpHostOptions = {
  /**
   * The handlers behind /api/. Without them the host only serves the renderer, with no token in
   * the page, so the page falls back to its in-page host (the shell's end-to-end tests).
   */
  dispatch?: Dispatch;
  /** The events sent to the pages (menu commands in tests, the flush before the host stops). */
  events?: HostEvents;
  /** The built renderer (index.html and assets). */
  rendererRoot: string;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  /** The secret the page must send back; default: 32 random bytes. */
  token?: string;
  maxBodyBytes?: number;
  /** The team server's origins the page may connect to (issue 15), read on every page served. */
  connectOrigins?: () => string[];
};

export type HttpHost = {
  url: string;
  port: number;
  /** The address the server is bound to (always 127.0.0.1). */
  address: string;
  token: string;
  close: () => Promise<void>;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request body, at most `limit` bytes. Past the limit it rejects at once (413), and goes on
 * reading and discarding what the client is still sending, so the client gets the answer
 * instead of a reset connection; a client sending far more (4 × the limit) is cut off.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, ko) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const tooLarge = () => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      ko(new HttpError(413, `The request body is larger than ${limit} bytes.`));
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge();
      if (declared > 4 * limit) req.destroy();
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 4 * limit) return req.destroy();
      if (size > limit) return tooLarge();
      if (!settled) chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      ok(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (settled) return;
      settled = true;
      ko(e);
    });
  });
}

/** index.html with the token in a <meta> tag (the only change). */
function withToken(html: string, token: string): string {
  const tag = `<meta name="${HOST_TOKEN_META}" content="${token}" />`;
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('index.html has no </head>');
  return `${html.slice(0, at)}    ${tag}\n  ${html.slice(at)}`;
}

export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const root = resolve(opts.rendererRoot);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built renderer at ${root} (index.html missing). Run \`npm run build\` first.`);
  const token = opts.token ?? randomBytes(32).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('The host token must be at least 16 URL-safe characters.');
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);

  const sendJson = (res: ServerResponse, status: number, result: Result<unknown>) => {
    const body = JSON.stringify(toWire(result));
    res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
  };
  const sendText = (req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : text);
  };

  async function api(req: IncomingMessage, res: ServerResponse, channel: string, dispatch: Dispatch): Promise<void> {
    const given = req.headers[HOST_TOKEN_HEADER];
    if (!sameSecret(typeof given === 'string' ? given : undefined, token)) {
      return sendJson(res, 403, fail('forbidden', 'This request does not carry the host’s token.'));
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return sendJson(res, 415, fail('invalid-input', 'Requests must be JSON (Content-Type: application/json).'));
    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, fail('invalid-input', e.message));
      throw e;
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('invalid-input', 'The request body is not valid JSON.'));
    }
    if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope) || Object.keys(envelope).some((k) => k !== 'input')) {
      return sendJson(res, 400, fail('invalid-input', 'The request body must be {"input": …}.'));
    }
    const input = 'input' in envelope ? fromWire((envelope).input) : undefined;
    const result = await dispatch(channel, input);
    sendJson(res, !result.ok && result.error.code === 'unknown-channel' ? 404 : 200, result);
  }

  function eventStream(req: IncomingMessage, res: ServerResponse, events: HostEvents, given: string | null): void {
    if (!sameSecret(given ?? undefined, token)) return sendText(req, res, 403, 'Forbidden: this request does not carry the host’s token.');
    res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    // `retry`: how soon the page's EventSource reconnects if the stream breaks.
    res.write('retry: 1000\n: connected\n\n');
    const unsubscribe = events.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    req.on('close', unsubscribe);
  }

  async function staticFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname.includes('\0')) return sendText(req, res, 400, 'Bad Request');
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return sendText(req, res, 403, 'Forbidden');
    let body: Buffer;
    try {
      if (!(await stat(file)).isFile()) return sendText(req, res, 404, 'Not Found');
      body = await readFile(file);
    } catch {
      return sendText(req, res, 404, 'Not Found');
    }
    // The policy on every file: a worker runs under the policy its own script is served with.
    const connect = opts.connectOrigins?.() ?? [];
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(connect),
    };
    // The page's own <meta> policy must allow the team server too (both policies apply).
    if (extname(file) === '.html' && opts.dispatch) body = Buffer.from(withToken(withMetaPolicy(body.toString('utf8'), metaContentSecurityPolicy(connect)), token));
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    void (async () => {
      // DNS rebinding: the page must have been loaded from this very address.
      if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) return sendText(req, res, 403, 'Forbidden: unknown Host.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())) {
        return sendText(req, res, 403, 'Forbidden: foreign Origin.');
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname);
      } catch {
        return sendText(req, res, 400, 'Bad Request');
      }
      if (pathname.startsWith(HOST_API_PREFIX)) {
        if (!opts.dispatch) return sendText(req, res, 404, 'Not Found');
        if (req.method !== 'POST') return sendText(req, res, 405, 'Method Not Allowed', { Allow: 'POST' });
        // Unknown channels get past the token check to the dispatcher, which answers 'unknown-channel' (404).
        const channel = pathname.slice(HOST_API_PREFIX.length);
        return api(req, res, channel, opts.dispatch);
      }
      if (pathname === HOST_EVENTS_PATH) {
        if (!opts.dispatch || !opts.events) return sendText(req, res, 404, 'Not Found');
        if (req.method !== 'GET') return sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET' });
        return eventStream(req, res, opts.events, new URL(req.url ?? '/', `http://${LOOPBACK}`).searchParams.get('token'));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return staticFile(req, res, pathname);
    })().catch((e: unknown) => {
      console.error('[http host]', e);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The host failed to answer.'));
      else res.destroy();
    });
  });
  // A slow client cannot hold the host forever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(opts.port ?? 0, LOOPBACK, () => ok());
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The HTTP host has no address.');
  port = address.port;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    address: address.address,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
