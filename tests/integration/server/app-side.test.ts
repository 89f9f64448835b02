/**
 * The app's side of the team (issue 15) against the real team server (the editor's own mapping)
 * on a throwaway PostgreSQL: two libraries, each behind the host handlers and the contract's
 * dispatcher. One joins the server and shares a dossier; the other joins through the invitation
 * the first makes, and gets the dossier in its library, marked shared with the same remote id.
 * The page only ever sees a hint of the token, except through `team.socket`; the security
 * policy's origins follow the connection; a revoked token is refused in one sentence. A language
 * version added after sharing is refused by the server until it is shared (`team.shareVersion`:
 * the server writes its first state from the library's model, once; editors only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createInvitation, revokePerson } from '../../../src/server/access';
import { latestRevision } from '../../../src/server/documents';
import { lexicalCodec } from '../../../src/server/lexical-codec';
import type { TeamServer } from '../../../src/server/server';
import { createHostHandlers } from '../../../src/services/host/handlers';
import { TEAM_KEY, teamOrigins } from '../../../src/services/host/team';
import type { Store } from '../../../src/services/store';
import { createDispatcher, type Dossier, type Result } from '../../../src/shared/ipc-contract';
import { VERSION_NOT_SHARED, type TeamShare, type TeamSocket, type TeamStatus } from '../../../src/shared/team';
import { freshStore } from '../store/helpers';
import { connect, freshDatabase, startServer, until } from './helpers';
import { postgresBin, startPostgres, type Postgres } from './postgres';

const found = postgresBin();

function host(store: Store) {
  const dispatch = createDispatcher(createHostHandlers({ store, appInfo: { name: 'Rapporteur', version: '0', platform: 'test' }, defaultLanguage: 'fr' }));
  return async <T>(channel: string, input?: unknown) => (await dispatch(channel, input)) as Result<T>;
}
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe.skipIf('missing' in found)('the app’s side of the team, against the real server', () => {
  let pgc: Postgres;
  let pool: pg.Pool;
  let server: TeamServer;

  beforeAll(async () => {
    pgc = await startPostgres();
    ({ pool } = await freshDatabase(pgc));
    server = await startServer(pool, { codec: lexicalCodec });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await pool?.end();
    pgc?.stop();
  });

  it('joins, shares, invites; the invited library gets the dossier, shared; the token stays in the host', async () => {
    const { store: storeA } = await freshStore();
    const { store: storeB } = await freshStore();
    const a = host(storeA);
    const b = host(storeB);

    expect(teamOrigins(storeA)).toEqual([]);
    const joined = value(await a<{ status: TeamStatus; joined: null }>('team.connect', { server: `${server.url}/`, code: `Your invitation: ${await createInvitation(pool, { name: 'Aminata Diallo' })}` }));
    expect(joined.joined).toBeNull();
    const token = storeA.getSetting<{ token: string }>(TEAM_KEY)!.token;
    expect(token).toMatch(/^rpt_/);
    expect(joined.status).toEqual({ server: server.url, personName: 'Aminata Diallo', tokenHint: `…${token.slice(-4)}` });
    expect(JSON.stringify(value(await a('team.status')))).not.toContain(token.slice(0, 12));
    expect(teamOrigins(storeA)).toEqual([server.url, server.url.replace('http:', 'ws:')]);

    const d = value(await a<Dossier>('dossier.create', { kind: 'annual-report', lang: 'fr' }));
    const share = value(await a<TeamShare>('team.share', { id: d.id }));
    expect(share).toEqual({ server: server.url, remoteId: expect.stringMatching(/^[0-9a-z]{12}$/) as string, role: 'editor' });
    expect(value(await a<Dossier>('dossier.get', { id: d.id })).team).toEqual(share);
    // Sharing again answers the same share: one remote dossier per local one.
    expect(value(await a<TeamShare>('team.share', { id: d.id }))).toEqual(share);
    const socket = value(await a<TeamSocket>('team.socket', { id: d.id, lang: 'fr' }));
    expect(socket).toEqual({ url: `${server.url.replace('http:', 'ws:')}/collab`, token, document: `${share.remoteId}:fr`, personName: 'Aminata Diallo', role: 'editor' });

    // Bruno, invited by Aminata as a reader: the dossier comes into his library, shared.
    const { code } = value(await a<{ code: string }>('team.invite', { id: d.id, role: 'reader' }));
    const got = value(await b<{ status: TeamStatus; joined: { id: string; title: string } }>('team.connect', { server: server.url, code, name: 'Bruno Martin' }));
    expect(got.joined.title).toBe(d.title);
    const copy = value(await b<Dossier>('dossier.get', { id: got.joined.id }));
    expect(copy.team).toEqual({ server: server.url, remoteId: share.remoteId, role: 'reader' });
    expect(copy.document).toEqual(d.document);
    // A reader cannot invite: the server says so.
    expect(await b('team.invite', { id: got.joined.id, role: 'editor' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'The team server refused: Only an editor of this dossier can invite others to it.' } });
    // An invitation already used, in one sentence.
    expect(await b('team.connect', { server: server.url, code })).toEqual({ ok: false, error: { code: 'invalid-request', message: 'The team server refused: This invitation has already been used: ask for a new one.' } });

    // Revoked (a lost laptop): refused, saying what to do.
    expect(got.status.personName).toBe('Bruno Martin');
    expect(await revokePerson(pool, (await pool.query<{ id: string }>("SELECT id FROM people WHERE name = 'Bruno Martin'")).rows[0]!.id)).toBe(1);
    const other = value(await b<Dossier>('dossier.create', { kind: 'letter', lang: 'en' }));
    expect(await b('team.share', { id: other.id })).toEqual({ ok: false, error: { code: 'forbidden', message: 'The team server refused your token (wrong or revoked): ask for a new invitation and enter it in Settings, Team.', details: { refused: 'token' } } });
    expect(value(await b<Dossier>('dossier.get', { id: other.id })).team).toBeUndefined();

    value(await a('team.disconnect'));
    expect(value(await a('team.status'))).toBeNull();
    expect(teamOrigins(storeA)).toEqual([]);
    // The shared dossier stays in the library, and says where it is shared.
    expect(value(await a<Dossier>('dossier.get', { id: d.id })).team).toEqual(share);
  }, 60_000);

  it('a language version added after sharing: refused until shared, then shared once from the library’s model (editors only)', async () => {
    const { store: storeA } = await freshStore();
    const { store: storeB } = await freshStore();
    const a = host(storeA);
    const b = host(storeB);
    value(await a('team.connect', { server: server.url, code: await createInvitation(pool, { name: 'Aminata Diallo' }) }));
    const d = value(await a<Dossier>('dossier.create', { kind: 'annual-report', lang: 'fr' }));
    const share = value(await a<TeamShare>('team.share', { id: d.id }));
    const token = storeA.getSetting<{ token: string }>(TEAM_KEY)!.token;
    // No English version yet, here or on the server.
    expect(await a('team.shareVersion', { id: d.id, lang: 'en' })).toEqual({ ok: false, error: { code: 'not-found', message: 'This dossier has no such language version.' } });
    const refused = connect(server, `${share.remoteId}:en`, token);
    expect((await refused.closed).reason).toBe(VERSION_NOT_SHARED);
    refused.destroy();

    // Added in the library (a copy of the French to translate), then shared: once.
    const added = value(await a<Dossier>('dossier.addVersion', { id: d.id, lang: 'en', start: 'copy', baseVersion: d.version }));
    expect(added.document.text.en).toBeDefined();
    // Two windows sharing it at once: one writes the first state, the other finds it there.
    const both = await Promise.all([a<{ created: boolean }>('team.shareVersion', { id: d.id, lang: 'en' }), a<{ created: boolean }>('team.shareVersion', { id: d.id, lang: 'en' })]);
    expect(both.map((r) => value(r).created).sort()).toEqual([false, true]);
    expect(value(await a<{ created: boolean }>('team.shareVersion', { id: d.id, lang: 'en' }))).toEqual({ created: false });
    const langs = await pool.query<{ languages: string[] }>('SELECT languages FROM dossiers WHERE id = $1', [share.remoteId]);
    expect(langs.rows[0]!.languages).toEqual(['fr', 'en']);
    const states = await pool.query<{ n: string }>('SELECT count(*) AS n FROM ydoc_states WHERE doc_name = $1', [`${share.remoteId}:en`]);
    expect(Number(states.rows[0]!.n)).toBe(1);
    // The server's revision now holds the English text and which version it translates.
    const latest = (await latestRevision(pool, share.remoteId))!;
    expect(latest.seq).toBe(2);
    expect(latest.document.text.en).toEqual(added.document.text.en);
    expect(latest.document.translation).toEqual(added.document.translation);
    expect(latest.document.text.fr).toEqual(d.document.text.fr);

    // The English document is there now: a client syncs it, holding what the server wrote from the model.
    const client = connect(server, `${share.remoteId}:en`, token);
    await until(() => client.provider.isSynced, 'the English version to sync');
    const decoded = lexicalCodec.decode(client.doc, 'en', latest.document);
    expect(decoded.text.en).toEqual(added.document.text.en);
    client.destroy();

    // A reader cannot share a version: the server says so.
    const { code } = value(await a<{ code: string }>('team.invite', { id: d.id, role: 'reader' }));
    const joined = value(await b<{ joined: { id: string } }>('team.connect', { server: server.url, code, name: 'Rémi Leroy' })).joined;
    expect(value(await b<Dossier>('dossier.get', { id: joined.id })).document.text.en).toEqual(added.document.text.en);
    expect(await b('team.shareVersion', { id: joined.id, lang: 'en' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'The team server refused: Only an editor of this dossier can share a new language version of it.' } });
  }, 60_000);
});
