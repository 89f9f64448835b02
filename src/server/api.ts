/**
 * The team server's HTTP API (JSON; a person's token as `Authorization: Bearer rpt_…`):
 *
 *   GET  /api/health                          the server is up (no token needed)
 *   POST /api/invitations/redeem              {code, name?} → a token for a newcomer, or the role for a known person
 *   GET  /api/dossiers                        the dossiers this person can open, with their role
 *   POST /api/dossiers                        {document, title} → shares a dossier (the sharer is its editor)
 *   GET  /api/dossiers/<id>                   its latest revision (any role)
 *   GET  /api/dossiers/<id>/revisions         its revisions, newest first
 *   POST /api/dossiers/<id>/versions          {lang, document} → shares a language version added later (editors only)
 *   POST /api/dossiers/<id>/invitations       {role, hours?, name?} → an invitation code (editors only)
 *   POST /api/session/revoke                  revokes the caller's tokens (a lost laptop, from another device)
 *
 * Answers are `{ok: true, value}` or `{ok: false, error: {code, message}}`, as the app's own hosts answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { z } from 'zod';
import { LANGS } from '../core/model/schema';
import { AccessError, authenticate, createInvitation, redeemInvitation, revokePerson, roleOf, roleSchema, type Person } from './access';
import type { YCodec } from './codec';
import { addSharedVersion, createSharedDossier, latestRevision, listRevisions } from './documents';
import { MAX_BODY_BYTES } from './limits';
import { SERVER_SCHEMA_VERSION } from './db/migrations/index';

type Deps = { pool: Pool; codec: YCodec; disconnect: (personId: string) => void };

const STATUS: Record<string, number> = { invalid: 400, unauthorized: 401, forbidden: 403, 'not-found': 404, unknown: 404, used: 409, expired: 410, 'too-large': 413 };

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
const ok = (res: ServerResponse, value: unknown, status = 200) => send(res, status, { ok: true, value });
const refuse = (res: ServerResponse, code: string, message: string) => send(res, STATUS[code] ?? 400, { ok: false, error: { code, message } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new AccessError('invalid', 'Requests must be JSON (Content-Type: application/json).');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new AccessError('too-large', `The request is larger than ${MAX_BODY_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AccessError('too-large', `The request is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\ufeff/, ''));
  } catch {
    throw new AccessError('invalid', 'The request body is not valid JSON.');
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

async function who(req: IncomingMessage, pool: Pool): Promise<Person> {
  const person = await authenticate(pool, bearer(req));
  if (!person) throw new AccessError('unauthorized', 'This request needs a valid token (Authorization: Bearer …).');
  return person;
}

const redeemBody = z.object({ code: z.string().max(200), name: z.string().max(200).optional() }).strict();
const shareBody = z.object({ document: z.unknown(), title: z.string().max(500) }).strict();
const versionBody = z.object({ lang: z.enum(LANGS), document: z.unknown() }).strict();
const inviteBody = z.object({ role: roleSchema, hours: z.number().positive().max(24 * 90).optional(), name: z.string().max(200).optional() }).strict();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AccessError('invalid', z.prettifyError(r.error));
  return r.data;
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: Deps): Promise<void> {
  const { pool } = deps;
  const url = new URL(req.url ?? '/', 'http://server');
  const path = url.pathname.split('/').filter(Boolean);
  try {
    if (path[0] !== 'api') return refuse(res, 'not-found', 'Not found.');
    const route = `${req.method} /${path.slice(1).map((p, i) => (i === 1 && path[1] === 'dossiers' ? ':id' : p)).join('/')}`;
    switch (route) {
      case 'GET /health':
        return ok(res, { name: 'rapporteur-team-server', schema: SERVER_SCHEMA_VERSION });
      case 'POST /invitations/redeem': {
        const body = parse(redeemBody, await readJson(req));
        const known = await authenticate(pool, bearer(req));
        const r = await redeemInvitation(pool, body.code, { ...(known ? { person: known } : {}), ...(body.name !== undefined ? { name: body.name } : {}) });
        return ok(res, { person: r.person, token: r.token, dossierId: r.dossierId, role: r.role });
      }
      case 'GET /dossiers': {
        const person = await who(req, pool);
        const r = await pool.query('SELECT d.id, d.title, d.languages, m.role FROM memberships m JOIN dossiers d ON d.id = m.dossier_id WHERE m.person_id = $1 ORDER BY d.created_at DESC', [person.id]);
        return ok(res, r.rows);
      }
      case 'POST /dossiers': {
        const person = await who(req, pool);
        const body = parse(shareBody, await readJson(req));
        return ok(res, await createSharedDossier(pool, deps.codec, person, body.document, body.title), 201);
      }
      case 'GET /dossiers/:id':
      case 'GET /dossiers/:id/revisions':
      case 'POST /dossiers/:id/invitations':
      case 'POST /dossiers/:id/versions': {
        const person = await who(req, pool);
        const id = path[2]!;
        const role = /^[a-z0-9]{12}$/.test(id) ? await roleOf(pool, person.id, id) : undefined;
        if (!role) throw new AccessError('not-found', 'No such dossier, or it is not shared with you.');
        if (route === 'GET /dossiers/:id') {
          const latest = await latestRevision(pool, id);
          return ok(res, { id, role, seq: latest?.seq ?? 0, document: latest?.document });
        }
        if (route === 'GET /dossiers/:id/revisions') return ok(res, await listRevisions(pool, id));
        if (route === 'POST /dossiers/:id/versions') {
          if (role !== 'editor') throw new AccessError('forbidden', 'Only an editor of this dossier can share a new language version of it.');
          const body = parse(versionBody, await readJson(req));
          return ok(res, await addSharedVersion(pool, deps.codec, id, body.lang, body.document));
        }
        if (role !== 'editor') throw new AccessError('forbidden', 'Only an editor of this dossier can invite others to it.');
        const body = parse(inviteBody, await readJson(req));
        const code = await createInvitation(pool, { dossierId: id, role: body.role, createdBy: person.id, ...(body.hours !== undefined ? { hours: body.hours } : {}), ...(body.name !== undefined ? { name: body.name } : {}) });
        return ok(res, { code }, 201);
      }
      case 'POST /session/revoke': {
        const person = await who(req, pool);
        const n = await revokePerson(pool, person.id);
        deps.disconnect(person.id);
        return ok(res, { revoked: n });
      }
      default:
        return refuse(res, 'not-found', 'Not found.');
    }
  } catch (e) {
    if (e instanceof AccessError) return refuse(res, e.code, e.message);
    throw e;
  }
}
