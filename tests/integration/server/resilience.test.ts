/**
 * The team server killed mid-session (SIGKILL, so nothing is flushed) and restarted: nothing a
 * client was told was saved is lost, and a client's unsent edits reach the server when it is
 * back. Two instances sharing documents through Redis: a client on each sees the other's edits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import * as Y from 'yjs';
import { createFromTemplate } from '../../../src/core/templates/index';
import { createPerson, issueToken } from '../../../src/server/access';
import { createSharedDossier, loadDocumentState } from '../../../src/server/documents';
import type { TeamServer } from '../../../src/server/server';
import { connect, freshDatabase, textCodec, until, type Client } from './helpers';
import { freePort, postgresBin, startPostgres, type Postgres } from './postgres';

const here = import.meta.dirname;
const pgFound = postgresBin();
const redisMissing = spawnSync('redis-server', ['--version']).error ? 'redis-server is not installed (apt-get install redis-server); .ci/run installs it' : undefined;
if ('missing' in pgFound) console.warn(`[server tests] SKIPPED: ${pgFound.missing}`);
if (redisMissing) console.warn(`[server tests] Redis test SKIPPED: ${redisMissing}`);

/** A server process; resolves with its URL once it listens. */
function spawnServer(databaseUrl: string, redis?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'serve-for-test.ts'), databaseUrl, ...(redis ? [redis] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, ko) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) ok({ child, url: m[1]! });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => ko(new Error(`server exited (${code}): ${out}`)));
  });
}
const asServer = (url: string) => ({ url }) as TeamServer;

describe.skipIf('missing' in pgFound)('a team server that dies', () => {
  let pgc: Postgres;
  let pool: pg.Pool;
  let dbUrl: string;
  const clients: Client[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    pgc = await startPostgres();
    ({ pool, url: dbUrl } = await freshDatabase(pgc));
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const c of children) c.kill('SIGKILL');
    await pool?.end();
    pgc?.stop();
  });

  it('loses nothing it acknowledged when killed, and takes a client’s unsent edits when back', async () => {
    const person = await createPerson(pool, 'Drafting officer');
    const token = await issueToken(pool, person.id);
    const doc = createFromTemplate('annual-report', 'fr');
    const { id } = await createSharedDossier(pool, textCodec, person, doc, 'Rapport');
    const name = `${id}:fr`;
    const blockId = Object.keys(doc.text.fr!)[1]!;

    const first = await spawnServer(dbUrl);
    children.push(first.child);
    const c = connect(asServer(first.url), name, token);
    clients.push(c);
    await until(() => c.provider.isSynced, 'synced');
    const text = c.doc.getMap<Y.Text>('blocks').get(blockId)!;
    for (const w of ['un ', 'deux ', 'trois ']) {
      text.insert(text.length, w);
      await until(() => !c.provider.hasUnsyncedChanges, `"${w}" acknowledged`);
    }
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    // Written while the server is down: kept by the client, unacknowledged.
    text.insert(text.length, 'quatre');
    expect(c.provider.hasUnsyncedChanges).toBe(true);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadDocumentState(pool, name))!);
    expect(stored.getMap<Y.Text>('blocks').get(blockId)!.toString()).toMatch(/un deux trois $/);

    // Back (on another port, as after a restart behind a proxy): the client reconnects there.
    const second = await spawnServer(dbUrl);
    children.push(second.child);
    const again = connect(asServer(second.url), name, token);
    clients.push(again);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(c.doc)); // what the app keeps offline (its local store)
    await until(() => again.provider.isSynced && !again.provider.hasUnsyncedChanges, 'the offline edit acknowledged');
    const after = new Y.Doc();
    Y.applyUpdate(after, (await loadDocumentState(pool, name))!);
    expect(after.getMap<Y.Text>('blocks').get(blockId)!.toString()).toMatch(/un deux trois quatre$/);
  });

  it.skipIf(redisMissing !== undefined)('shares documents between two instances through Redis', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-redis-'));
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    children.push(redis);
    try {
      await until(() => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG', 'redis up');
      const person = await createPerson(pool, 'Translator');
      const token = await issueToken(pool, person.id);
      const doc = createFromTemplate('annual-report', 'fr');
      const { id } = await createSharedDossier(pool, textCodec, person, doc, 'Rapport');
      const name = `${id}:fr`;
      const blockId = Object.keys(doc.text.fr!)[1]!;
      const [one, two] = await Promise.all([spawnServer(dbUrl, `127.0.0.1:${port}`), spawnServer(dbUrl, `127.0.0.1:${port}`)]);
      children.push(one.child, two.child);
      const a = connect(asServer(one.url), name, token);
      const b = connect(asServer(two.url), name, token);
      clients.push(a, b);
      await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
      a.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'depuis A ');
      await until(() => b.doc.getMap<Y.Text>('blocks').get(blockId)!.toString().startsWith('depuis A '), 'A’s edit on B');
      b.doc.getMap<Y.Text>('blocks').get(blockId)!.insert(0, 'depuis B ');
      await until(() => a.doc.getMap<Y.Text>('blocks').get(blockId)!.toString().startsWith('depuis B depuis A '), 'B’s edit on A');
    } finally {
      redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
