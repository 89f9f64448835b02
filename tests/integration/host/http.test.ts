/**
 * The loopback HTTP host (src/services/host/http.ts) on a real store: loopback only, the token
 * is required (403 without it), the Host and Origin must be its own, JSON only, bodies are
 * bounded (413), unknown channels are refused, the page gets the token and the CSP header, and
 * the renderer's own client (src/renderer/host/httpHost.ts) talks to it, bytes included.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../src/services/host/handlers';
import { createHostEvents, type HostEvents } from '../../../src/services/host/events';
import { DEFAULT_MAX_BODY_BYTES, startHttpHost, type HttpHost } from '../../../src/services/host/http';
import { createHttpHost } from '../../../src/renderer/host/httpHost';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, META_CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from '../../../src/shared/csp';
import { createDispatcher, type Dossier } from '../../../src/shared/ipc-contract';
import { fromWire, HOST_TOKEN_HEADER, toWire, wireJsonInSlices } from '../../../src/shared/wire';
import { freshStore, tempDir } from '../store/helpers';

const hosts: HttpHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

/** A stand-in for out/renderer (the build runs after the unit tests). */
function rendererRoot(): string {
  const root = tempDir('rapporteur-renderer-');
  writeFileSync(join(root, 'index.html'), '<!doctype html>\n<html>\n  <head>\n    <title>Rapporteur</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  return root;
}

async function start(opts: { maxBodyBytes?: number; events?: HostEvents } = {}) {
  const { store } = await freshStore();
  const dispatch = createDispatcher(createHostHandlers({ store, appInfo: { name: 'Rapporteur', version: '1.0.0', platform: 'web' }, defaultLanguage: 'en', ...(opts.events ? { events: opts.events } : {}) }));
  const host = await startHttpHost({ dispatch, rendererRoot: rendererRoot(), ...opts });
  hosts.push(host);
  return { host, store };
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP request (fetch cannot set Host or leave Origin out as it pleases). */
function raw(host: HttpHost, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((ok, ko) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', ko);
    });
    req.on('error', ko);
    req.end(opts.body);
  });
}

const post = (host: HttpHost, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(host, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(input === undefined ? {} : { input }),
  });

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
    socket.once('timeout', () => {
      socket.destroy();
      ok(false);
    });
  });
}

describe('the HTTP host', () => {
  it('streams its events to a page that has the token (Server-Sent Events), and the flush handshake completes over it', async () => {
    const events = createHostEvents();
    const { host } = await start({ events });
    expect((await raw(host, { path: '/events' })).status).toBe(403);
    expect((await raw(host, { path: '/events?token=wrong-token-wrong-token' })).status).toBe(403);
    expect((await raw(host, { method: 'POST', path: `/events?token=${host.token}` })).status).toBe(405);

    const got: string[] = [];
    const connected = new Promise<void>((ok, ko) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          got.push(chunk);
          if (chunk.includes(': connected')) ok();
        });
      });
      req.on('error', ko);
      req.end();
    });
    await connected;
    expect(events.pages).toBe(1);
    events.emit('app.command', { command: 'file.print' });
    const flushed = events.requestFlush(10_000);
    await expect.poll(() => got.join('')).toMatch(/event: app\.flush\ndata: \{"requestId":"[^"]+"\}/);
    const requestId = /"requestId":"([^"]+)"/.exec(got.join(''))![1]!;
    expect(got.join('')).toContain('event: app.command\ndata: {"command":"file.print"}\n\n');
    const answer = await raw(host, {
      method: 'POST',
      path: '/api/app.flushed',
      headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: host.token },
      body: JSON.stringify({ input: { requestId, saved: true } }),
    });
    expect(answer.status).toBe(200);
    expect(await flushed).toEqual({ kind: 'answered', saved: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start();
    expect(host.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    // Another loopback address and the machine's other interfaces are not served (a server bound
    // to 0.0.0.0 would accept these).
    const others = ['127.0.0.2', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address))];
    for (const address of others) expect(await canConnect(address, host.port), address).toBe(false);
  });

  it('serves the page with the token and the CSP header, nothing outside the renderer', async () => {
    const { host } = await start();
    const page = await raw(host, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain(`<meta name="rapporteur-host-token" content="${host.token}" />`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const asset = await raw(host, { path: '/assets/app.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(asset.status).toBe(200);
    expect(asset.body).not.toContain(host.token);
    // Scripts carry the policy too: a worker runs under the policy of its own script.
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await raw(host, { path: '/../../../etc/passwd', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBeGreaterThanOrEqual(400);
    expect((await raw(host, { path: '/%2e%2e/%2e%2e/etc/passwd', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(404); // URL-normalised to /etc/passwd under the root
    expect((await raw(host, { path: '/..%2f..%2f..%2fetc%2fpasswd', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(403);
    expect((await raw(host, { path: '/nope.js', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(404);
    // A second run gets another token.
    const { host: other } = await start();
    expect(other.token).not.toBe(host.token);
  });

  it('under a team server, lets the page connect to it only: the header and the page’s own <meta> policy (issue 15)', async () => {
    const { store } = await freshStore();
    const dispatch = createDispatcher(createHostHandlers({ store, appInfo: { name: 'Rapporteur', version: '1.0.0', platform: 'web' }, defaultLanguage: 'en' }));
    const root = rendererRoot();
    writeFileSync(join(root, 'index.html'), `<!doctype html><html><head><meta\n      http-equiv="Content-Security-Policy"\n      content="${META_CONTENT_SECURITY_POLICY}"\n    /></head><body></body></html>`);
    let origins: string[] = [];
    const host = await startHttpHost({ dispatch, rendererRoot: root, connectOrigins: () => origins });
    hosts.push(host);
    const page = () => raw(host, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    let served = await page();
    expect(served.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(served.body).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    origins = ['https://team.mission.example', 'wss://team.mission.example'];
    served = await page();
    expect(served.headers['content-security-policy']).toBe(contentSecurityPolicy(origins));
    expect(served.body).toContain(`content="${metaContentSecurityPolicy(origins)}"`);
    expect(served.body).not.toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    expect((await raw(host, { path: '/assets/app.js', headers: { Host: `127.0.0.1:${host.port}` } })).headers['content-security-policy']).toBe(contentSecurityPolicy(origins));
  });

  it('without handlers serves only the renderer: no token in the page, no API', async () => {
    const host = await startHttpHost({ rendererRoot: rendererRoot() });
    hosts.push(host);
    const page = await raw(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).not.toContain(host.token);
    expect(page.body).not.toContain('<meta name=');
    expect((await raw(host, { path: '/assets/app.js' })).body).toBe('console.log("app")');
    expect((await post(host, 'app.info', undefined)).status).toBe(404);
  });

  it('requires the token: 403 without it or with a wrong one', async () => {
    const { host, store } = await start();
    const noToken = await raw(host, { method: 'POST', path: '/api/dossier.create', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { kind: 'letter', lang: 'fr' } }) });
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await post(host, 'dossier.create', { kind: 'letter', lang: 'fr' }, { [HOST_TOKEN_HEADER]: host.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(wrong.status).toBe(403);
    expect((await post(host, 'dossier.create', { kind: 'letter', lang: 'fr' }, { [HOST_TOKEN_HEADER]: '' })).status).toBe(403);
    expect(store.list()).toEqual([]);
    // With the token, the same call works.
    const right = await post(host, 'dossier.create', { kind: 'letter', lang: 'fr' });
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body)).toMatchObject({ ok: true, value: { kind: 'letter' } });
    expect(store.list()).toHaveLength(1);
  });

  it('refuses a foreign Host (DNS rebinding) or Origin, non-JSON bodies, and other methods', async () => {
    const { host, store } = await start();
    expect((await post(host, 'library.list', undefined, { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await raw(host, { path: '/', headers: { Host: `evil.example:${host.port}` } })).status).toBe(403);
    expect((await post(host, 'library.list', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(host, 'library.list', undefined, { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await post(host, 'library.list', undefined, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await post(host, 'library.list', undefined, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await raw(host, { method: 'GET', path: '/api/library.list' })).status).toBe(405);
    // A CORS preflight gets no Access-Control-Allow-* answer.
    const preflight = await raw(host, { method: 'OPTIONS', path: '/api/library.list', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const bad = await raw(host, { method: 'POST', path: '/api/library.list', headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: host.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const extra = await raw(host, { method: 'POST', path: '/api/library.list', headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: host.token }, body: '{"input":{},"other":1}' });
    expect(extra.status).toBe(400);
    expect(store.list()).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const { host } = await start({ maxBodyBytes: 1024 });
    const small = await post(host, 'library.search', { query: 'x'.repeat(100) });
    expect(small.status).toBe(200);
    const big = await post(host, 'library.search', { query: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('has a default body limit just above the largest document', async () => {
    const { host } = await start();
    const body = Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 0x20);
    const r = await raw(host, { method: 'POST', path: '/api/library.list', headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: host.token }, body });
    expect(r.status).toBe(413);
  });

  it('answers an unknown channel with 404 unknown-channel (403 first without the token)', async () => {
    const { host } = await start();
    const r = await post(host, 'fs.readFile', '/etc/passwd');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect((await post(host, '__proto__', undefined)).status).toBe(404);
    expect((await raw(host, { method: 'POST', path: '/api/fs.readFile', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(403);
  });

  it('validates inputs through the contract: bad input is invalid-input (200, errors are data)', async () => {
    const { host } = await start();
    const r = await post(host, 'dossier.get', { id: '../../../etc' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('is what the renderer’s HTTP client talks to, byte arrays included', async () => {
    const { host } = await start();
    const api = createHttpHost(host.token, `http://127.0.0.1:${host.port}`);
    const created = await api.invoke('dossier.create', { kind: 'concept-note', lang: 'fr' });
    expect(created.ok).toBe(true);
    const id = (created as { ok: true; value: Dossier }).value.id;
    const hits = await api.invoke('library.search', { query: 'securite' });
    expect(hits.ok && hits.value.map((h) => h.id)).toEqual([id]);
    const docx = await api.invoke('export.document', { id, format: 'docx', profile: 'issued', paper: 'letter', lang: 'fr' });
    expect(docx.ok).toBe(true);
    const bytes = (docx as { ok: true; value: { bytes: Uint8Array } }).value.bytes;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(await api.invoke('dossier.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // A save sent as the document's wire JSON (the editor's autosave): read back, validated, stored.
    const dossier = (created as { ok: true; value: Dossier }).value;
    const edited = structuredClone(dossier.document);
    edited.meta.symbols = ['S/2026/999'];
    const json = await wireJsonInSlices(edited, { sliceMs: 1, pause: () => Promise.resolve() });
    expect(await api.invoke('dossier.save', { id, document: json, baseVersion: dossier.version })).toMatchObject({ ok: true, value: { version: dossier.version + 1 } });
    const back = await api.invoke('dossier.get', { id });
    expect(back.ok && back.value.document).toEqual(edited);
    expect(await api.invoke('dossier.save', { id, document: { $json: '{"schemaVersion":' }, baseVersion: dossier.version + 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The wrong token: refused, as data.
    expect(await createHttpHost('x'.repeat(43), `http://127.0.0.1:${host.port}`).invoke('library.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A host that is gone: unavailable, as data.
    await host.close();
    expect(await api.invoke('library.list')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('the wire encoding', () => {
  it('round-trips byte arrays and leaves other values alone', () => {
    const value = { a: new Uint8Array([0, 1, 255]), b: [{ c: new Uint8Array(70_000).fill(7) }], d: 'x', e: null, f: { $bytes: 1 } };
    const back = fromWire(JSON.parse(JSON.stringify(toWire(value)))) as typeof value;
    expect(back.a).toEqual(new Uint8Array([0, 1, 255]));
    expect(back.b[0]!.c).toEqual(new Uint8Array(70_000).fill(7));
    expect(back.d).toBe('x');
    expect(back.e).toBeNull();
    expect(back.f).toEqual({ $bytes: 1 });
    // "__proto__" from JSON cannot swap an object's prototype.
    const polluted = fromWire(JSON.parse('{"__proto__": {"polluted": true}, "x": 1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(polluted)).toBe(Object.prototype);
    expect(polluted['polluted']).toBeUndefined();
  });
});
