/**
 * Who may do what on the team server: people, their tokens (one per device, stored as SHA-256
 * hashes, revocable), invitations (one-time codes that become a token), and a role per person
 * and dossier (editor, commenter, reader). There is no anonymous access: every connection and
 * request carries a token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';

export const ROLES = ['editor', 'commenter', 'reader'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export type Person = { id: string; name: string };

const TOKEN_PREFIX = 'rpt_';
const INVITATION_PREFIX = 'rpi_';
/** An invitation is good for a week unless said otherwise. */
export const DEFAULT_INVITATION_HOURS = 24 * 7;

const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
export const newId = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();

/** The shape of a token or invitation code; anything else is refused before any query. */
const TOKEN = /^rpt_[A-Za-z0-9_-]{43}$/;
const CODE = /^rpi_[A-Za-z0-9_-]{43}$/;

export async function createPerson(pool: Pool, name: string): Promise<Person> {
  const clean = name.trim();
  if (clean === '' || clean.length > 200) throw new AccessError('invalid', 'A name is 1 to 200 characters.');
  const id = newId();
  await pool.query('INSERT INTO people (id, name) VALUES ($1, $2)', [id, clean]);
  return { id, name: clean };
}

/** A new token for a person; the plain token is returned once and never stored. */
export async function issueToken(pool: Pool, personId: string): Promise<string> {
  const token = secret(TOKEN_PREFIX);
  await pool.query('INSERT INTO tokens (hash, person_id) VALUES ($1, $2)', [hash(token), personId]);
  return token;
}

/** The person a token belongs to, or undefined for a missing, malformed, unknown or revoked token. */
export async function authenticate(pool: Pool, token: unknown): Promise<Person | undefined> {
  if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
  const r = await pool.query<Person>(
    'SELECT p.id, p.name FROM tokens t JOIN people p ON p.id = t.person_id WHERE t.hash = $1 AND t.revoked_at IS NULL',
    [hash(token)],
  );
  return r.rows[0];
}

/** Revokes every token of a person (a lost laptop): their open connections are closed by the caller. */
export async function revokePerson(pool: Pool, personId: string): Promise<number> {
  const r = await pool.query('UPDATE tokens SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL', [personId]);
  return r.rowCount ?? 0;
}

export async function roleOf(pool: Pool, personId: string, dossierId: string): Promise<Role | undefined> {
  const r = await pool.query<{ role: Role }>('SELECT role FROM memberships WHERE person_id = $1 AND dossier_id = $2', [personId, dossierId]);
  return r.rows[0]?.role;
}

export async function setRole(pool: Pool, dossierId: string, personId: string, role: Role): Promise<void> {
  await pool.query(
    'INSERT INTO memberships (dossier_id, person_id, role) VALUES ($1, $2, $3) ON CONFLICT (dossier_id, person_id) DO UPDATE SET role = excluded.role',
    [dossierId, personId, role],
  );
}

/**
 * An invitation code: to join the server (no dossier), or to a dossier with a role. `name`
 * pre-fills the person's name for a newcomer.
 */
export async function createInvitation(
  pool: Pool,
  opts: { dossierId?: string; role?: Role; createdBy?: string; name?: string; hours?: number },
): Promise<string> {
  if ((opts.dossierId === undefined) !== (opts.role === undefined)) throw new AccessError('invalid', 'An invitation to a dossier says which role it gives.');
  const hours = opts.hours ?? DEFAULT_INVITATION_HOURS;
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 90) throw new AccessError('invalid', 'An invitation lasts between a few minutes and 90 days.');
  const code = secret(INVITATION_PREFIX);
  await pool.query(
    `INSERT INTO invitations (hash, dossier_id, role, name, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [hash(code), opts.dossierId ?? null, opts.role ?? null, opts.name ?? null, opts.createdBy ?? null, hours * 3600],
  );
  return code;
}

/**
 * Uses an invitation once. A newcomer (no `person`) becomes a person with a new token; someone
 * already known keeps their token and gains the dossier's role.
 */
export async function redeemInvitation(
  pool: Pool,
  code: unknown,
  opts: { person?: Person; name?: string },
): Promise<{ person: Person; token: string | undefined; dossierId: string | undefined; role: Role | undefined }> {
  if (typeof code !== 'string' || !CODE.test(code)) throw new AccessError('invalid', 'This is not an invitation code.');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query<{ dossier_id: string | null; role: Role | null; name: string | null; expired: boolean; redeemed: boolean }>(
      'SELECT dossier_id, role, name, expires_at < now() AS expired, redeemed_by IS NOT NULL AS redeemed FROM invitations WHERE hash = $1 FOR UPDATE',
      [hash(code)],
    );
    const inv = r.rows[0];
    if (!inv) throw new AccessError('unknown', 'This invitation is not known to this server.');
    if (inv.redeemed) throw new AccessError('used', 'This invitation has already been used: ask for a new one.');
    if (inv.expired) throw new AccessError('expired', 'This invitation has expired: ask for a new one.');
    let person = opts.person;
    let token: string | undefined;
    if (!person) {
      const name = (opts.name ?? inv.name ?? '').trim();
      if (name === '' || name.length > 200) throw new AccessError('invalid', 'Say your name (1 to 200 characters) to join.');
      person = { id: newId(), name };
      await client.query('INSERT INTO people (id, name) VALUES ($1, $2)', [person.id, person.name]);
      token = secret(TOKEN_PREFIX);
      await client.query('INSERT INTO tokens (hash, person_id) VALUES ($1, $2)', [hash(token), person.id]);
    }
    if (inv.dossier_id && inv.role) {
      await client.query(
        'INSERT INTO memberships (dossier_id, person_id, role) VALUES ($1, $2, $3) ON CONFLICT (dossier_id, person_id) DO UPDATE SET role = excluded.role',
        [inv.dossier_id, person.id, inv.role],
      );
    }
    await client.query('UPDATE invitations SET redeemed_by = $1, redeemed_at = now() WHERE hash = $2', [person.id, hash(code)]);
    await client.query('COMMIT');
    return { person, token, dossierId: inv.dossier_id ?? undefined, role: inv.role ?? undefined };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export type AccessErrorCode = 'invalid' | 'unknown' | 'used' | 'expired' | 'forbidden' | 'unauthorized' | 'not-found' | 'too-large';

export class AccessError extends Error {
  constructor(
    readonly code: AccessErrorCode,
    message: string,
  ) {
    super(message);
  }
}
