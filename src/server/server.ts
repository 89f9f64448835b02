/**
 * The team server: Hocuspocus behind our own HTTP(S) server, so that TLS, the API, the size
 * limits and the checks of every request are ours.
 *
 *   WebSocket /collab        Yjs documents `<dossier id>:<fr|en>` (Hocuspocus protocol); every
 *                            connection authenticates with a person's token; editors write,
 *                            commenters and readers are read-only ON THE SERVER (their updates
 *                            are refused, never applied, stored or relayed)
 *   /api/…                   see api.ts
 *
 * Durability: see documents.ts. Several instances share documents through Redis (Hocuspocus's
 * Redis extension); PostgreSQL stays the store.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import pg, { type Pool } from 'pg';
import { authenticate, roleOf, type Person, type Role } from './access';
import { VERSION_NOT_SHARED } from '../shared/team';
import { handleApi } from './api';
import type { YCodec } from './codec';
import { appendUpdate, compactDocument, latestRevision, loadDocumentState, parseDocName, writeRevision } from './documents';
import { DEFAULT_RATE, MAX_MESSAGE_BYTES, TokenBucket, type RateLimit } from './limits';
import { isEmptyUpdate, isSaveAcknowledgement, updateIn } from './messages';
import { startWriteback } from './writeback';

export type TeamServerOptions = {
  pool: Pool;
  codec: YCodec;
  /** 127.0.0.1 unless told otherwise (config.ts refuses another address without TLS or a proxy). */
  host: string;
  port: number;
  tls?: { cert: Buffer; key: Buffer };
  redis?: { host: string; port: number };
  /** A name for this instance (Redis needs them distinct). */
  name?: string;
  rate?: RateLimit;
  /** How long after the last change the document is compacted and written back as a revision. */
  storeDebounceMs?: number;
  log?: (line: string) => void;
};

export type ConnectionContext = { person: Person; role: Role; dossierId: string; lang: 'fr' | 'en' };

export type TeamServer = {
  url: string;
  port: number;
  hocuspocus: Hocuspocus<ConnectionContext>;
  /** Closes the open connections of a person (after their tokens are revoked). */
  disconnect(personId: string): void;
  close(): Promise<void>;
};

class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const { pool, codec } = opts;
  // The update log on its own connections: one statement per update, committed without waiting
  // for the disk (it survives this process being killed: PostgreSQL has it; see documents.ts).
  const logPool = new pg.Pool({ ...pool.options, max: 4, options: '-c synchronous_commit=off' });
  logPool.on('error', (e) => log(`[server] database: ${e.message}`));
  const writeback = codec.worker ? startWriteback(codec.worker) : undefined;
  const rate = opts.rate ?? DEFAULT_RATE;
  const buckets = new WeakMap<object, TokenBucket>();
  /**
   * Per connection, the log writes not finished yet, in order. An update is applied and relayed
   * at once (the others see it without waiting for the disk), but its sender is told it is saved
   * only once its log write is done: the acknowledgement waits in `send` below.
   */
  const writes = new WeakMap<object, Promise<void>>();
  const held = new WeakSet<object>();
  const holdAcknowledgements = (connection: { send: (m: Uint8Array) => void; close: (e?: { code: number; reason: string }) => void }) => {
    if (held.has(connection)) return;
    held.add(connection);
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      const pending = writes.get(connection);
      if (!pending || !isSaveAcknowledgement(message)) return send(message);
      pending.then(
        () => send(message),
        () => connection.close({ code: 4500, reason: 'The server could not save an update; reconnect to send it again.' }),
      );
    };
  };

  const durability: Extension<ConnectionContext> = {
    extensionName: 'rapporteur-access-and-durability',
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const name = parseDocName(documentName);
      if (!name) throw new Refusal(4404, 'No such document.');
      const person = await authenticate(pool, token);
      if (!person) throw new Refusal(4401, 'Unauthorized');
      const role = await roleOf(pool, person.id, name.dossierId);
      if (!role) throw new Refusal(4403, 'Forbidden');
      connectionConfig.readOnly = role !== 'editor';
      return { person, role, dossierId: name.dossierId, lang: name.lang } satisfies ConnectionContext;
    },
    async onLoadDocument({ document, documentName }) {
      const state = await loadDocumentState(pool, documentName);
      if (!state) throw new Refusal(4404, VERSION_NOT_SHARED);
      Y.applyUpdate(document, state, { source: 'local', skipStoreHooks: true });
      return document;
    },
    // async although nothing is awaited: a refusal thrown here must reject the promise Hocuspocus
    // awaits, not throw inside its caller.
    // eslint-disable-next-line @typescript-eslint/require-await
    async beforeHandleMessage({ connection, update: raw, context, documentName }) {
      let bucket = buckets.get(connection);
      if (!bucket) buckets.set(connection, (bucket = new TokenBucket(rate)));
      if (!bucket.take()) throw new Refusal(4429, 'Too many messages: slow down.');
      const update = updateIn(raw);
      // A read-only connection's update is refused by Hocuspocus itself and never applied.
      if (!update || connection.readOnly || isEmptyUpdate(update)) return;
      holdAcknowledgements(connection);
      const previous = writes.get(connection) ?? Promise.resolve();
      const write = appendUpdate(logPool, documentName, context.person.id, update).then(() => undefined);
      const chained = previous.then(() => write);
      chained.catch((e: unknown) => log(`[server] ${documentName}: an update could not be logged: ${e instanceof Error ? e.message : String(e)}`));
      writes.set(connection, chained);
    },
    async onStoreDocument({ document, documentName }) {
      const name = parseDocName(documentName);
      if (!name) return;
      // An update is applied before its log write ends, so every update logged by now is in the state.
      const r = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM ydoc_updates WHERE doc_name = $1', [documentName]);
      const through = Number(r.rows[0]?.seq ?? 0);
      const state = Y.encodeStateAsUpdate(document);
      await compactDocument(pool, documentName, state, through);
      const base = await latestRevision(pool, name.dossierId);
      if (!base) return;
      let model: unknown;
      if (writeback) {
        const r = await writeback.read({ state, lang: name.lang, base: base.document });
        if (!r.ok) return log(`[server] ${documentName}: could not read the model back (${r.reason}); the shared state is kept`);
        model = r.document;
      } else {
        try {
          model = codec.decode(document, name.lang, base.document);
        } catch (e) {
          return log(`[server] ${documentName}: could not read the model back (${e instanceof Error ? e.message : String(e)}); the shared state is kept`);
        }
      }
      const written = await writeRevision(pool, name.dossierId, model);
      if (written.reason) log(`[server] ${documentName}: revision not written, the model is invalid: ${written.reason}`);
    },
  };

  const extensions: Extension[] = [durability];
  if (opts.redis) extensions.push(new Redis({ host: opts.redis.host, port: opts.redis.port, identifier: opts.name ?? `rapporteur-${process.pid}-${opts.port}` }));

  const hocuspocus = new Hocuspocus<ConnectionContext>({
    name: opts.name ?? 'rapporteur',
    quiet: true,
    debounce: opts.storeDebounceMs ?? 2000,
    maxDebounce: 10_000,
    extensions,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleApi(req, res, { pool, codec, disconnect }).catch((e: unknown) => {
      log(`[server] ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal', message: 'The server failed to answer.' } }));
      } else res.destroy();
    });
  };
  const server: HttpServer = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest) : createHttpServer(onRequest);
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/collab') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const client = hocuspocus.handleConnection(ws, req as never);
      ws.on('message', (data: Buffer) => client.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      ws.on('close', (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }));
      ws.on('error', () => ws.terminate());
    });
  });

  function disconnect(personId: string): void {
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        if ((connection.context as ConnectionContext | undefined)?.person.id === personId) connection.close({ code: 4401, reason: 'Unauthorized' });
      }
    }
  }

  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(opts.port, opts.host, () => ok());
  });
  const port = (server.address() as { port: number }).port;
  const scheme = opts.tls ? 'https' : 'http';
  return {
    url: `${scheme}://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`,
    port,
    hocuspocus,
    disconnect,
    async close() {
      hocuspocus.flushPendingStores();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      // Let the flushed stores finish before the pools close.
      for (let i = 0; i < 100 && hocuspocus.getDocumentsCount() > 0; i++) await new Promise((r) => setTimeout(r, 20));
      await writeback?.close();
      await logPool.end();
    },
  };
}
