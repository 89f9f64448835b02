/**
 * The `team.*` channels (issue 15): the host talks to the team server's HTTP API (docs/team-server.md)
 * and keeps the person's token in the library's settings; the page sees only a hint of it, and the
 * token itself only through `team.socket`, to open the live connection. Every failure is one
 * sentence the Team panel or Settings can show.
 */
import { fail, ok, type Dossier, type Handlers, type IpcError, type Result } from '../../shared/ipc-contract';
import { invitationCode, teamRoleSchema, type TeamShare, type TeamStatus } from '../../shared/team';
import type { Store } from '../store/index';
import { asResult } from '../store/index';
import { MISSION_KEYS } from './mission';

export const TEAM_KEY = 'team.connection';

type Connection = { server: string; token: string; personId: string; personName: string };

export function readConnection(store: Store): Connection | undefined {
  const v = store.getSetting<Connection>(TEAM_KEY);
  return v && typeof v.server === 'string' && typeof v.token === 'string' && typeof v.personName === 'string' ? v : undefined;
}

/** The origins the page may connect to for the team: the server's, over http(s) and ws(s). */
export function teamOrigins(store: Store): string[] {
  const c = readConnection(store);
  return c ? [c.server, c.server.replace(/^http/, 'ws')] : [];
}

const status = (c: Connection): TeamStatus => ({ server: c.server, personName: c.personName, tokenHint: `…${c.token.slice(-4)}` });

type Failure = { ok: false; error: IpcError };

/** One call to the server's API; its refusals and silences as the app's errors. */
async function call<T>(server: string, path: string, opts: { method?: 'GET' | 'POST'; token?: string | undefined; body?: unknown } = {}): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(`${server}${path}`, {
      method: opts.method ?? 'GET',
      headers: { ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e instanceof Error ? e.name : String(e));
    return fail('unavailable', `The team server at ${server} does not answer (${cause}): check its address, or work offline and try again later.`);
  }
  let body: { ok?: boolean; value?: T; error?: { code?: string; message?: string } } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = undefined;
  }
  if (body?.ok === true) return ok(body.value as T);
  // `details.refused: 'token'`: the interface says it in its own words (the same as a refused connection).
  if (res.status === 401) return fail('forbidden', 'The team server refused your token (wrong or revoked): ask for a new invitation and enter it in Settings, Team.', { refused: 'token' });
  const message = body?.error?.message ?? `The team server answered ${res.status}.`;
  return fail(res.status === 403 ? 'forbidden' : res.status === 404 ? 'not-found' : 'invalid-request', `The team server refused: ${message}`);
}

function connected(store: Store): Connection | Failure {
  return readConnection(store) ?? fail('invalid-request', 'This library is not connected to a team server: enter the server and an invitation in Settings, Team.');
}

/** The library's connection and a shared dossier (its share and what the library holds), or why not. */
async function sharedDossier(store: Store, id: string): Promise<{ c: Connection; team: TeamShare; dossier: Dossier } | Failure> {
  const c = connected(store);
  if ('ok' in c) return c;
  const got = await asResult(() => store.get(id));
  if (!got.ok) return got;
  const team = got.value.team;
  if (!team) return fail('invalid-request', 'This dossier is not shared with the team.');
  return { c, team, dossier: got.value };
}

/** `onChange`: after a connection is made or forgotten (the host's page policy follows it). */
export function teamHandlers(store: Store, onChange: () => void = () => undefined): Pick<Handlers, 'team.status' | 'team.connect' | 'team.disconnect' | 'team.share' | 'team.invite' | 'team.shareVersion' | 'team.socket' | 'team.offlineLoad' | 'team.offlineAppend'> {
  return {
    'team.status': () => asResult(() => {
      const c = readConnection(store);
      return c ? status(c) : null;
    }),
    'team.connect': async ({ server, code: pasted, name }) => {
      const code = invitationCode(pasted);
      if (!code) return fail('invalid-input', 'This is not an invitation code or link (a code starts with “rpi_”).');
      const known = readConnection(store);
      const token = known?.server === server ? known.token : undefined;
      const author = store.getSetting<string>(MISSION_KEYS.authorName);
      const who = name || (typeof author === 'string' ? author : '');
      const r = await call<{ person: { id: string; name: string }; token?: string; dossierId?: string; role?: string }>(server, '/api/invitations/redeem', {
        method: 'POST',
        token,
        body: { code, ...(who ? { name: who } : {}) },
      });
      if (!r.ok) return r;
      const now: Connection = r.value.token ? { server, token: r.value.token, personId: r.value.person.id, personName: r.value.person.name } : known!;
      store.setSetting(TEAM_KEY, now);
      onChange();
      let joined: { id: string; title: string } | null = null;
      if (r.value.dossierId) {
        const j = await join(store, now, r.value.dossierId);
        if (!j.ok) return j;
        joined = j.value;
      }
      return ok({ status: status(now), joined });
    },
    'team.disconnect': () => asResult(() => {
      store.setSetting(TEAM_KEY, undefined);
      onChange();
      return null;
    }),
    'team.share': async ({ id }) => {
      const c = connected(store);
      if ('ok' in c) return c;
      const got = await asResult(() => store.get(id));
      if (!got.ok) return got;
      if (got.value.team) return ok(got.value.team);
      const r = await call<{ id: string }>(c.server, '/api/dossiers', { method: 'POST', token: c.token, body: { document: got.value.document, title: got.value.title } });
      if (!r.ok) return r;
      const share: TeamShare = { server: c.server, remoteId: r.value.id, role: 'editor' };
      return asResult(() => {
        store.recordTeamShare(id, share);
        return share;
      });
    },
    'team.invite': async ({ id, role }) => {
      const c = connected(store);
      if ('ok' in c) return c;
      const got = await asResult(() => store.get(id));
      if (!got.ok) return got;
      if (!got.value.team) return fail('invalid-request', 'Share this dossier with the team before inviting anyone to it.');
      return call<{ code: string }>(got.value.team.server, `/api/dossiers/${got.value.team.remoteId}/invitations`, { method: 'POST', token: c.token, body: { role } });
    },
    'team.shareVersion': async ({ id, lang }) => {
      const shared = await sharedDossier(store, id);
      if ('ok' in shared) return shared;
      const { c, team, dossier } = shared;
      if (dossier.document.text[lang] === undefined) return fail('not-found', 'This dossier has no such language version.');
      return call<{ created: boolean }>(team.server, `/api/dossiers/${team.remoteId}/versions`, { method: 'POST', token: c.token, body: { lang, document: dossier.document } });
    },
    'team.socket': async ({ id, lang }) => {
      const shared = await sharedDossier(store, id);
      if ('ok' in shared) return shared;
      const { c, team } = shared;
      if (team.server !== c.server) return fail('invalid-request', `This dossier is shared on ${team.server}, but the library is connected to ${c.server}: connect to that server in Settings, Team.`);
      return ok({ url: `${c.server.replace(/^http/, 'ws')}/collab`, token: c.token, document: `${team.remoteId}:${lang}`, personName: c.personName, role: team.role });
    },
    'team.offlineLoad': ({ id, lang }) => asResult(() => store.offlineCopy(id, lang)),
    'team.offlineAppend': ({ id, lang, update }) => asResult(() => {
      store.appendYUpdate(id, lang, update);
      return null;
    }),
  };
}

/** Brings shared dossier `remoteId` into the library (once: a second invitation opens the same copy). */
async function join(store: Store, c: Connection, remoteId: string): Promise<Result<{ id: string; title: string }>> {
  const existing = store.dossierOfShare(c.server, remoteId);
  if (existing) return asResult(() => ({ id: existing, title: store.summary(existing).title }));
  const r = await call<{ role: string; document?: unknown }>(c.server, `/api/dossiers/${remoteId}`, { token: c.token });
  if (!r.ok) return r;
  if (r.value.document === undefined) return fail('not-found', 'The team server holds no text for this dossier yet.');
  const role = teamRoleSchema.safeParse(r.value.role);
  return asResult(() => {
    const created = store.create(r.value.document);
    store.recordTeamShare(created.id, { server: c.server, remoteId, role: role.success ? role.data : 'reader' });
    return { id: created.id, title: created.title };
  });
}
