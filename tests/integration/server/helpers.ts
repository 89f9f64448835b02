/**
 * Team-server test helpers: a migrated database in a throwaway PostgreSQL cluster, a server on a
 * free loopback port, and Hocuspocus clients (the provider the app uses) in Node.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { migrate } from '../../../src/server/db/migrate';
import type { YCodec } from '../../../src/server/codec';
import { startTeamServer, type TeamServer, type TeamServerOptions } from '../../../src/server/server';
import type { Lang, RDocument } from '../../../src/core/model/schema';
import { startPostgres, type Postgres } from './postgres';

let counter = 0;

/** A fresh, migrated database in the cluster. */
export async function freshDatabase(pgc: Postgres): Promise<{ pool: pg.Pool; url: string }> {
  const name = `t${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: pgc.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = pgc.url(name);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  await migrate(pool);
  return { pool, url };
}

/**
 * A stand-in for the editor's Lexical mapping, for the tests of access, durability and
 * relaying, which do not depend on how a document is laid out in Yjs: each block's text is a
 * Y.Text in a map keyed by block id. The real mapping has its own tests (lexical-codec).
 */
export const textCodec: YCodec = {
  encode(doc: RDocument, lang: Lang) {
    const y = new Y.Doc();
    const map = y.getMap<Y.Text>('blocks');
    for (const [id, t] of Object.entries(doc.text[lang] ?? {})) {
      const text = t.content.map((r) => (r.type === 'text' ? r.text : '')).join('');
      map.set(id, new Y.Text(text));
    }
    return Y.encodeStateAsUpdate(y);
  },
  decode(ydoc: Y.Doc, lang: Lang, base: RDocument) {
    const layer = { ...(base.text[lang] ?? {}) };
    for (const [id, t] of ydoc.getMap<Y.Text>('blocks').entries()) layer[id] = { content: [{ type: 'text', text: t.toString() }] };
    return { ...base, text: { ...base.text, [lang]: layer } };
  },
};

export async function startServer(pool: pg.Pool, extra: Partial<TeamServerOptions> = {}): Promise<TeamServer> {
  return startTeamServer({ pool, codec: textCodec, host: '127.0.0.1', port: 0, storeDebounceMs: 100, log: () => undefined, ...extra });
}

export type Client = { provider: HocuspocusProvider; doc: Y.Doc; socket: HocuspocusProviderWebsocket; closed: Promise<{ code?: number; reason?: string }>; destroy: () => void };

/** A client on document `name` with `token`, as the app's editor connects. */
export function connect(server: TeamServer, name: string, token: string | undefined, doc: Y.Doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({ url: `${server.url.replace(/^http/, 'ws')}/collab`, WebSocketPolyfill: WebSocket as never, maxAttempts: 1 });
  let closedResolve!: (v: { code?: number; reason?: string }) => void;
  const closed = new Promise<{ code?: number; reason?: string }>((r) => (closedResolve = r));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: token ?? '',
    onAuthenticationFailed: ({ reason }) => closedResolve({ reason }),
    onClose: ({ event }) => closedResolve({ code: event.code, reason: event.reason }),
  });
  provider.attach();
  return {
    provider,
    doc,
    socket,
    closed,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  return new Promise((ok, ko) => {
    const start = Date.now();
    const tick = () => {
      if (check()) return ok();
      if (Date.now() - start > ms) return ko(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export { startPostgres };
