/**
 * Shared dossiers in PostgreSQL: their Yjs documents (one per language version: `<id>:<lang>`)
 * and the model revisions written back from them.
 *
 * Durability: every update a client sends is written to `ydoc_updates` before its sender is told
 * it is saved (server.ts holds the acknowledgement until the write is done; the update itself is
 * applied and relayed at once), so a server killed at any moment loses nothing it acknowledged.
 * The debounced store compacts: the whole state replaces the updates it already contains (an
 * update is applied before its log write ends, so all logged updates are in it). Yjs updates are
 * idempotent: an update found both in the state and in the log is harmless.
 */
import * as Y from 'yjs';
import type { Pool, PoolClient } from 'pg';
import { LANGS, type Lang, type RDocument } from '../core/model/schema';
import { parseDocument } from '../core/model/validate';
import { fnv1a64 } from '../core/model/hash';
import type { YCodec } from './codec';
import { AccessError, newId, type Person } from './access';

export type DocName = { dossierId: string; lang: Lang };

const DOC_NAME = /^([a-z0-9]{12}):(fr|en)$/;

export function parseDocName(name: string): DocName | undefined {
  const m = DOC_NAME.exec(name);
  return m ? { dossierId: m[1]!, lang: m[2] as Lang } : undefined;
}
export const docName = (d: DocName) => `${d.dossierId}:${d.lang}`;

/** The language versions a document holds text for (its original language at least). */
export function languagesOf(doc: RDocument): Lang[] {
  const langs = LANGS.filter((l) => doc.text[l] !== undefined);
  return langs.length > 0 ? langs : [doc.meta.originalLanguage];
}

async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

const hashOf = (doc: RDocument) => fnv1a64(JSON.stringify(doc));

/**
 * Shares a dossier: the validated model becomes revision 1, and the server (only the server)
 * writes each language version's first Yjs state from it. The sharer is its first editor.
 */
export async function createSharedDossier(pool: Pool, codec: YCodec, person: Person, input: unknown, title: string): Promise<{ id: string; languages: Lang[] }> {
  const parsed = parseDocument(input);
  if (!parsed.ok) throw new AccessError('invalid', `The document is not valid: ${parsed.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const doc = parsed.value;
  const id = newId();
  const languages = languagesOf(doc);
  await inTransaction(pool, async (c) => {
    await c.query('INSERT INTO dossiers (id, title, languages, created_by) VALUES ($1, $2, $3, $4)', [id, title.slice(0, 500), languages, person.id]);
    await c.query(`INSERT INTO memberships (dossier_id, person_id, role) VALUES ($1, $2, 'editor')`, [id, person.id]);
    await c.query('INSERT INTO revisions (dossier_id, seq, hash, document) VALUES ($1, 1, $2, $3)', [id, hashOf(doc), JSON.stringify(doc)]);
    for (const lang of languages) {
      await c.query('INSERT INTO ydoc_states (doc_name, dossier_id, state) VALUES ($1, $2, $3)', [docName({ dossierId: id, lang }), id, Buffer.from(codec.encode(doc, lang))]);
    }
  });
  return { id, languages };
}

/**
 * Shares a language version added after the dossier was shared (a translation begun later): the
 * server, as for the first share, writes that version's first Yjs state from the sharer's model,
 * once (a second call, or two at once, find the version there and change nothing). The model's
 * new text layer also goes into a revision, when the result is valid.
 */
export async function addSharedVersion(pool: Pool, codec: YCodec, dossierId: string, lang: Lang, input: unknown): Promise<{ created: boolean }> {
  const parsed = parseDocument(input);
  if (!parsed.ok) throw new AccessError('invalid', `The document is not valid: ${parsed.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const doc = parsed.value;
  if (doc.text[lang] === undefined) throw new AccessError('invalid', `The document has no ${lang === 'fr' ? 'French' : 'English'} version to share.`);
  const state = codec.encode(doc, lang);
  const created = await inTransaction(pool, async (c) => {
    const r = await c.query('INSERT INTO ydoc_states (doc_name, dossier_id, state) VALUES ($1, $2, $3) ON CONFLICT (doc_name) DO NOTHING', [docName({ dossierId, lang }), dossierId, Buffer.from(state)]);
    if (r.rowCount === 0) return false;
    await c.query('UPDATE dossiers SET languages = array_append(languages, $2::text) WHERE id = $1 AND NOT ($2::text = ANY(languages))', [dossierId, lang]);
    return true;
  });
  if (created) {
    const latest = await latestRevision(pool, dossierId);
    if (latest && latest.document.text[lang] === undefined) {
      await writeRevision(pool, dossierId, { ...latest.document, text: { ...latest.document.text, [lang]: doc.text[lang] }, ...(doc.translation ? { translation: doc.translation } : {}) });
    }
  }
  return { created };
}

/** The stored state of a shared document with every update received since, or undefined if it is not shared. */
export async function loadDocumentState(pool: Pool, name: string): Promise<Uint8Array | undefined> {
  const s = await pool.query<{ state: Buffer; last_update: string }>('SELECT state, last_update FROM ydoc_states WHERE doc_name = $1', [name]);
  const row = s.rows[0];
  if (!row) return undefined;
  const u = await pool.query<{ update: Buffer }>('SELECT update FROM ydoc_updates WHERE doc_name = $1 AND seq > $2 ORDER BY seq', [name, row.last_update]);
  return Y.mergeUpdates([new Uint8Array(row.state), ...u.rows.map((r) => new Uint8Array(r.update))]);
}

/**
 * Writes one update to the log before it is applied; returns its sequence number. One statement
 * on a connection with `synchronous_commit = off` (server.ts): the write survives the server
 * process being killed (PostgreSQL has it), and only a crash of PostgreSQL itself within a
 * fraction of a second could lose it.
 */
export async function appendUpdate(pool: Pool, name: string, personId: string, update: Uint8Array): Promise<number> {
  const r = await pool.query<{ seq: string }>('INSERT INTO ydoc_updates (doc_name, person_id, update) VALUES ($1, $2, $3) RETURNING seq', [name, personId, Buffer.from(update)]);
  return Number(r.rows[0]!.seq);
}

/** Replaces the log up to `through` (every update up to it is in `state`) by the state. */
export async function compactDocument(pool: Pool, name: string, state: Uint8Array, through: number): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('UPDATE ydoc_states SET state = $2, last_update = GREATEST(last_update, $3), updated_at = now() WHERE doc_name = $1', [name, Buffer.from(state), through]);
    await c.query('DELETE FROM ydoc_updates WHERE doc_name = $1 AND seq <= $2', [name, through]);
  });
}

/** The highest update number written for a document so far. */
export async function lastUpdateSeq(pool: Pool, name: string): Promise<number> {
  const r = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM ydoc_updates WHERE doc_name = $1', [name]);
  return Number(r.rows[0]?.seq ?? 0);
}

export type RevisionRow = { seq: number; hash: string; createdAt: string };

export async function latestRevision(pool: Pool, dossierId: string): Promise<{ seq: number; document: RDocument } | undefined> {
  const r = await pool.query<{ seq: number; document: RDocument }>('SELECT seq, document FROM revisions WHERE dossier_id = $1 ORDER BY seq DESC LIMIT 1', [dossierId]);
  return r.rows[0];
}

export async function listRevisions(pool: Pool, dossierId: string): Promise<RevisionRow[]> {
  const r = await pool.query<{ seq: number; hash: string; created_at: Date }>('SELECT seq, hash, created_at FROM revisions WHERE dossier_id = $1 ORDER BY seq DESC', [dossierId]);
  return r.rows.map((x) => ({ seq: x.seq, hash: x.hash, createdAt: x.created_at.toISOString() }));
}

/**
 * Writes the model read back from a language version as a new revision, when it is valid and
 * differs from the latest. An invalid model is refused (with its reason) and the Yjs state, which
 * is kept regardless, stays the truth until the next store.
 */
export async function writeRevision(pool: Pool, dossierId: string, doc: unknown): Promise<{ written: boolean; seq: number; reason?: string }> {
  const parsed = parseDocument(doc);
  if (!parsed.ok) {
    const latest = await latestRevision(pool, dossierId);
    return { written: false, seq: latest?.seq ?? 0, reason: parsed.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ') };
  }
  const hash = hashOf(parsed.value);
  return inTransaction(pool, async (c) => {
    const r = await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM revisions WHERE dossier_id = $1 ORDER BY seq DESC LIMIT 1 FOR UPDATE', [dossierId]);
    const last = r.rows[0];
    if (last?.hash === hash) return { written: false, seq: last.seq };
    const seq = (last?.seq ?? 0) + 1;
    await c.query('INSERT INTO revisions (dossier_id, seq, hash, document) VALUES ($1, $2, $3, $4)', [dossierId, seq, hash, JSON.stringify(parsed.value)]);
    return { written: true, seq };
  });
}
