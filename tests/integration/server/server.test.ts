/**
 * The team server on a real PostgreSQL (a throwaway cluster) with real Hocuspocus clients over
 * loopback WebSockets: access (no anonymous access, tokens revocable, roles enforced by the
 * server), sharing, convergence, write-back as revisions, limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createFromTemplate } from '../../../src/core/templates/index';
import { authenticate, createInvitation, createPerson, issueToken, redeemInvitation, revokePerson, setRole } from '../../../src/server/access';
import { migrate, NewerDatabaseError } from '../../../src/server/db/migrate';
import { SERVER_SCHEMA_VERSION } from '../../../src/server/db/migrations/index';
import { createSharedDossier, latestRevision, loadDocumentState } from '../../../src/server/documents';
import type { TeamServer } from '../../../src/server/server';
import * as Y from 'yjs';
import { connect, freshDatabase, startServer, textCodec, until, type Client } from './helpers';
import { postgresBin, startPostgres, type Postgres } from './postgres';

const found = postgresBin();
if ('missing' in found) console.warn(`[server tests] SKIPPED: ${found.missing}`);

describe.skipIf('missing' in found)('the team server', () => {
  let pgc: Postgres;
  let pool: pg.Pool;
  let server: TeamServer;
  const clients: Client[] = [];
  const open = (name: string, token: string | undefined) => {
    const c = connect(server, name, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    pgc = await startPostgres();
    ({ pool } = await freshDatabase(pgc));
    server = await startServer(pool);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await pool?.end();
    pgc?.stop();
  });

  async function sharedReport(): Promise<{ editor: string; id: string; name: string; blockId: string }> {
    const person = await createPerson(pool, 'Aminata Diallo');
    const token = await issueToken(pool, person.id);
    const doc = createFromTemplate('annual-report', 'fr');
    const { id } = await createSharedDossier(pool, textCodec, person, doc, 'Rapport annuel');
    const blockId = Object.keys(doc.text.fr!)[1]!;
    return { editor: token, id, name: `${id}:fr`, blockId };
  }

  it('migrates a fresh database, and refuses one from a newer server untouched', async () => {
    expect((await pool.query('SELECT version FROM schema_version')).rows[0].version).toBe(SERVER_SCHEMA_VERSION);
    expect(await migrate(pool)).toEqual({ from: SERVER_SCHEMA_VERSION, to: SERVER_SCHEMA_VERSION });
    const { pool: other } = await freshDatabase(pgc);
    await other.query('UPDATE schema_version SET version = 99');
    await expect(migrate(other)).rejects.toThrow(NewerDatabaseError);
    await expect(migrate(other)).rejects.toThrow(/newer Rapporteur team server \(schema 99/);
    expect((await other.query('SELECT version FROM schema_version')).rows[0].version).toBe(99);
    await other.end();
  });

  it('turns an invitation into a token once, refuses a used or expired one, and revokes', async () => {
    const code = await createInvitation(pool, { name: 'Jean Martin' });
    const joined = await redeemInvitation(pool, code, {});
    expect(joined.person.name).toBe('Jean Martin');
    expect(joined.token).toMatch(/^rpt_/);
    expect(await authenticate(pool, joined.token)).toEqual(joined.person);
    await expect(redeemInvitation(pool, code, {})).rejects.toThrow(/already been used/);
    const old = await createInvitation(pool, { name: 'X', hours: 0.0001 });
    await new Promise((r) => setTimeout(r, 500));
    await expect(redeemInvitation(pool, old, {})).rejects.toThrow(/expired/);
    await expect(redeemInvitation(pool, 'rpi_' + 'A'.repeat(43), {})).rejects.toThrow(/not known/);
    await expect(redeemInvitation(pool, "'; DROP TABLE people; --", {})).rejects.toThrow(/not an invitation code/);
    // Tokens are stored hashed: the plain token is nowhere in the database.
    const raw = await pool.query('SELECT encode(hash, $1) AS h FROM tokens', ['escape']);
    expect(raw.rows.some((r: { h: string }) => r.h.includes(joined.token!))).toBe(false);
    expect(await revokePerson(pool, joined.person.id)).toBe(1);
    expect(await authenticate(pool, joined.token)).toBeUndefined();
  });

  it('lets editors write and converge, and refuses no token, a wrong token, a revoked token and a stranger', async () => {
    const { editor, id, name, blockId } = await sharedReport();
    const a = open(name, editor);
    const b = open(name, editor);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both clients synced');
    a.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'Alpha ');
    b.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'Beta ');
    await until(() => a.doc.getMap<Y.Text>('blocks').get(blockId)!.toString() === b.doc.getMap<Y.Text>('blocks').get(blockId)!.toString() && a.doc.getMap<Y.Text>('blocks').get(blockId)!.toString().includes('Alpha') && a.doc.getMap<Y.Text>('blocks').get(blockId)!.toString().includes('Beta'), 'convergence');

    const refused = async (token: string | undefined) => {
      const c = open(name, token);
      const closed = await c.closed;
      expect(c.provider.isSynced).toBe(false);
      return closed;
    };
    await refused(undefined);
    await refused('rpt_' + 'x'.repeat(43));
    const stranger = await createPerson(pool, 'Stranger');
    await refused(await issueToken(pool, stranger.id));
    const leaving = await createPerson(pool, 'Leaving');
    const leavingToken = await issueToken(pool, leaving.id);
    await setRole(pool, id, leaving.id, 'editor');
    await revokePerson(pool, leaving.id);
    await refused(leavingToken);
  });

  it('never applies, relays or stores a reader’s change', async () => {
    const { editor, id, name, blockId } = await sharedReport();
    const readerPerson = await createPerson(pool, 'Reader');
    await setRole(pool, id, readerPerson.id, 'reader');
    const reader = open(name, await issueToken(pool, readerPerson.id));
    const watcher = open(name, editor);
    await until(() => reader.provider.isSynced && watcher.provider.isSynced, 'synced');
    reader.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'READER WAS HERE ');
    // Refused by the server: not in the log of received updates…
    await new Promise((r) => setTimeout(r, 300));
    const fromReader = await pool.query('SELECT count(*)::int AS n FROM ydoc_updates WHERE person_id = $1', [readerPerson.id]);
    expect(fromReader.rows[0].n).toBe(0);
    // …and an editor's change afterwards reaches the watcher, the reader's never does.
    const editorClient = open(name, editor);
    await until(() => editorClient.provider.isSynced, 'editor synced');
    editorClient.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'EDITOR ');
    await until(() => watcher.doc.getMap<Y.Text>('blocks').get(blockId)!.toString().startsWith('EDITOR '), 'the editor’s change relayed');
    expect(watcher.doc.getMap<Y.Text>('blocks').get(blockId)!.toString()).not.toContain('READER');
    const state = new Y.Doc();
    Y.applyUpdate(state, (await loadDocumentState(pool, name))!);
    expect(state.getMap<Y.Text>('blocks').get(blockId)!.toString()).toMatch(/^EDITOR /);
    expect(state.getMap<Y.Text>('blocks').get(blockId)!.toString()).not.toContain('READER');
  });

  it('writes every acknowledged update before acknowledging it, and the model back as a revision', async () => {
    const { editor, id, name, blockId } = await sharedReport();
    const c = open(name, editor);
    await until(() => c.provider.isSynced, 'synced');
    c.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'Acknowledged ');
    await until(() => !c.provider.hasUnsyncedChanges, 'acknowledged');
    // Acknowledged means in PostgreSQL already (the log), whatever happens to the server next.
    const state = new Y.Doc();
    Y.applyUpdate(state, (await loadDocumentState(pool, name))!);
    expect(state.getMap<Y.Text>('blocks').get(blockId)!.toString()).toMatch(/^Acknowledged /);
    // The debounced store (100 ms here) writes the model back, validated, as revision 2.
    let latest = await latestRevision(pool, id);
    for (let i = 0; i < 100 && latest!.seq < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      latest = await latestRevision(pool, id);
    }
    expect(latest!.seq).toBe(2);
    expect(latest!.document.text.fr![blockId]!.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^Acknowledged /) });
  });

  it('closes a connection that floods the server', async () => {
    const { editor, name, blockId } = await sharedReport();
    const limited = await startServer(pool, { rate: { burst: 20, perSecond: 5 } });
    try {
      const c = connect(limited, name, editor);
      await until(() => c.provider.isSynced, 'synced');
      const text = c.doc.getMap<Y.Text>('blocks').get(blockId)!;
      for (let i = 0; i < 200; i++) text.insert(0, 'x');
      const closed = await c.closed;
      // Hocuspocus closes the document connection with the reason (the provider sees code 1000).
      expect(closed.reason).toBe('Too many messages: slow down.');
      c.destroy();
    } finally {
      await limited.close();
    }
  });
});
