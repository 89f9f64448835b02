#!/usr/bin/env node
// A tiny static server for the BUILT renderer (out/renderer), for the Playwright tests and for
// looking at the app in a browser. Loopback only, GET/HEAD only, no directory listings, nothing
// outside the root. Sends the app's Content-Security-Policy as a header (the policy in
// index.html's <meta> tag, plus frame-ancestors, which only works as a header).
//
//   node scripts/serve-renderer.mjs [--port 0] [--root out/renderer]
//
// Prints "serving <url>" once listening. Also importable: `startServer({ root, port })`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ROOT = join(projectRoot, 'out', 'renderer');

const TYPES = {
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

/** The CSP header: index.html's <meta> policy + frame-ancestors. */
function cspHeader(root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!m) throw new Error(`${join(root, 'index.html')} has no Content-Security-Policy <meta> tag`);
  return `${m[1]}; frame-ancestors 'none'`;
}

/**
 * Starts the server; resolves to `{ url, port, close }`. `port: 0` lets the system pick a free
 * port (no race with other processes).
 */
export async function startServer({ root = DEFAULT_ROOT, port = 0 } = {}) {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) {
    throw new Error(`No built renderer at ${base} (index.html missing). Run \`npm run build\` first.`);
  }
  const csp = cspHeader(base);

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${HOST}`).pathname);
    } catch {
      return send(400, 'Bad Request');
    }
    if (pathname.includes('\0')) return send(400, 'Bad Request');
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'Forbidden');

    try {
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'Not Found');
      const body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      if (extname(file) === '.html') headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'Not Found');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST}:${actualPort}/`,
    port: actualPort,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(argValue('--port') ?? process.env.PORT ?? 0);
  const root = argValue('--root') ?? DEFAULT_ROOT;
  startServer({ root, port }).then(
    (s) => {
      console.log(`serving ${s.url}`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      console.error(`serve-renderer: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
