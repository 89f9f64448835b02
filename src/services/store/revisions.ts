/**
 * A dossier's history: revisions of its text, stored once per distinct text (blobs named by
 * their SHA-256, deflated), recorded every few minutes of editing, on close, as named snapshots
 * and as finalised (locked) revisions; thinned by the policy of ./thinning.ts. Nothing is
 * overwritten: restoring makes a new revision (after recording the current text if history does
 * not have it yet), and a locked revision cannot be changed or deleted (a trigger refuses it).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { RDocument } from '../../core/model/schema';
import { sha256 } from './assets';
import type { Connection } from './connection';
import { StoreError } from './errors';
import { conflictError, loadJson, preparedJson, row, writeCurrent, type DossierRow } from './rows';
import { AUTOMATIC_REASONS, revisionsToThin, type RevisionReason } from './thinning';
import type { RevisionInfo } from './types';

type RevisionRow = {
  seq: number;
  created_at: number;
  reason: RevisionReason;
  label: string | null;
  locked: number;
  restored_from: number | null;
  blob_hash: string;
  size: number;
};

const REVISION_COLUMNS = 'r.seq, r.created_at, r.reason, r.label, r.locked, r.restored_from, r.blob_hash, b.size';

function revisionOf(r: RevisionRow): RevisionInfo {
  return {
    seq: r.seq,
    createdAt: r.created_at,
    reason: r.reason,
    label: r.label,
    locked: r.locked === 1,
    restoredFrom: r.restored_from,
    hash: r.blob_hash,
    size: r.size,
  };
}

export function lastRevision(c: Connection, num: number): RevisionRow | undefined {
  return c.q(`SELECT ${REVISION_COLUMNS} FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.dossier_num = ? ORDER BY r.seq DESC LIMIT 1`).get(num) as
    | RevisionRow
    | undefined;
}

function revisionRow(c: Connection, num: number, seq: number, id: string): RevisionRow {
  if (!Number.isInteger(seq) || seq < 1) throw new StoreError('invalid-request', `A revision is a number from 1 up, not ${seq}.`, { id, seq });
  const r = c.q(`SELECT ${REVISION_COLUMNS} FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.dossier_num = ? AND r.seq = ?`).get(num, seq) as RevisionRow | undefined;
  if (!r) throw new StoreError('not-found', `Dossier ${id} has no revision ${seq}.`, { id, seq });
  return r;
}

/** Stores the text `json` once, under its hash. */
export function ensureBlob(c: Connection, hash: string, json: string): void {
  const exists = c.q('SELECT 1 FROM blobs WHERE hash = ?').get(hash);
  if (exists) return;
  // Level 1: a 700 KB text deflates in ~4 ms (level 6: ~15 ms, only ~25 % smaller), and this
  // runs inside the save that records the revision.
  c.q(`INSERT INTO blobs (hash, encoding, size, data) VALUES (?, 'deflate', ?, ?)`).run(hash, Buffer.byteLength(json), deflateSync(json, { level: 1 }));
}

function blobJson(c: Connection, hash: string): string {
  const b = c.q('SELECT encoding, data FROM blobs WHERE hash = ?').get(hash) as { encoding: string; data: Buffer } | undefined;
  if (!b) throw new StoreError('not-found', `The stored text ${hash.slice(0, 12)} is missing.`, { hash });
  let json: string;
  try {
    json = b.encoding === 'deflate' ? inflateSync(b.data).toString('utf8') : b.data.toString('utf8');
  } catch {
    json = '';
  }
  // Blobs are named by the SHA-256 of their text: a damaged one cannot pass for the original.
  if (sha256(json) !== hash) {
    throw new StoreError('invalid-document', `A stored revision text (${hash.slice(0, 12)}) was damaged on disk and cannot be read. Other revisions are unaffected.`, { hash, damaged: true });
  }
  return json;
}

/** The JSON of revision `seq` of a dossier, as stored (checked against its hash). */
export function revisionJson(c: Connection, r: DossierRow, seq: number): string {
  return blobJson(c, revisionRow(c, r.num, seq, r.id).blob_hash);
}

/** Deletes blobs no revision points to any more (among `hashes`). */
export function collectBlobs(c: Connection, hashes: Iterable<string>): void {
  const del = c.q('DELETE FROM blobs WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM revisions WHERE blob_hash = ?)');
  for (const h of new Set(hashes)) del.run(h, h);
}

type RecordOptions = { label?: string | null; locked?: boolean; restoredFrom?: number | null; force?: boolean; at?: number };

/**
 * Records a revision of the dossier's current document (inside the caller's transaction).
 * Without `force`, nothing is recorded when the document is identical to the last revision.
 * Automatic revisions are followed by thinning.
 */
export function recordRevision(c: Connection, num: number, reason: RevisionReason, opts: RecordOptions = {}): RevisionInfo | undefined {
  const last = lastRevision(c, num);
  // Not checked against the checksum on purpose: before a restore, even a damaged current text
  // is kept in history (most of it is usually intact); reading a revision validates it.
  const json = c.q('SELECT json FROM documents WHERE dossier_num = ?', true).get(num) as string;
  const hash = sha256(json);
  if (!opts.force && last && last.blob_hash === hash) return undefined;
  ensureBlob(c, hash, json);
  const seq = (last?.seq ?? 0) + 1;
  const at = opts.at ?? c.now();
  c.q(
    `INSERT INTO revisions (dossier_num, seq, created_at, reason, label, blob_hash, restored_from, locked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(num, seq, at, reason, opts.label ?? null, hash, opts.restoredFrom ?? null, opts.locked ? 1 : 0);
  if (AUTOMATIC_REASONS.includes(reason)) thin(c, num);
  return {
    seq,
    createdAt: at,
    reason,
    label: opts.label ?? null,
    locked: opts.locked === true,
    restoredFrom: opts.restoredFrom ?? null,
    hash,
    size: Buffer.byteLength(json),
  };
}

function thin(c: Connection, num: number): void {
  const rows = c.q('SELECT seq, created_at, reason, locked, blob_hash FROM revisions WHERE dossier_num = ?').all(num) as {
    seq: number;
    created_at: number;
    reason: RevisionReason;
    locked: number;
    blob_hash: string;
  }[];
  const drop = new Set(
    revisionsToThin(
      rows.map((r) => ({ seq: r.seq, createdAt: r.created_at, reason: r.reason, locked: r.locked === 1 })),
      c.now(),
      c.history.thinning,
    ),
  );
  if (drop.size === 0) return;
  const del = c.q('DELETE FROM revisions WHERE dossier_num = ? AND seq = ?');
  const hashes: string[] = [];
  for (const r of rows) {
    if (!drop.has(r.seq)) continue;
    del.run(num, r.seq);
    hashes.push(r.blob_hash);
  }
  collectBlobs(c, hashes);
}

function checkLabel(label: string): string {
  const name = typeof label === 'string' ? label.replace(/\s+/g, ' ').trim() : '';
  if (name === '' || name.length > 200) throw new StoreError('invalid-request', 'A snapshot needs a name of 1 to 200 characters.', {});
  return name;
}

/** A named snapshot of the current text ("Sent to the Secretariat 12 March"), kept forever. */
export function snapshot(c: Connection, id: string, label: string): RevisionInfo {
  const name = checkLabel(label);
  return c.tx(() => recordRevision(c, row(c, id).num, 'named', { label: name, force: true })!);
}

/**
 * Finalises (locks) a revision: the current text as a new locked revision, or revision `seq`
 * if given. A locked revision can be copied and restored from, never changed or deleted.
 */
export function finalize(c: Connection, id: string, opts: { label?: string; seq?: number } = {}): RevisionInfo {
  const label = opts.label === undefined ? null : checkLabel(opts.label);
  return c.tx(() => {
    const r = row(c, id);
    if (opts.seq === undefined) return recordRevision(c, r.num, 'final', { label, locked: true, force: true })!;
    const rev = revisionRow(c, r.num, opts.seq, r.id);
    if (rev.locked === 1) throw new StoreError('locked-revision', `Revision ${opts.seq} of dossier ${r.id} is already finalised.`, { id: r.id, seq: opts.seq });
    c.q('UPDATE revisions SET locked = 1, label = coalesce(?, label) WHERE dossier_num = ? AND seq = ?').run(label, r.num, opts.seq);
    return revisionOf(revisionRow(c, r.num, opts.seq, r.id));
  });
}

/** Renames a named snapshot. Finalised revisions cannot be renamed ('locked-revision'). */
export function renameRevision(c: Connection, id: string, seq: number, label: string): RevisionInfo {
  const name = checkLabel(label);
  return c.tx(() => {
    const r = row(c, id);
    const rev = revisionRow(c, r.num, seq, r.id);
    if (rev.locked === 1) throw new StoreError('locked-revision', `Revision ${seq} of dossier ${r.id} is finalised: it cannot be renamed.`, { id: r.id, seq });
    if (rev.reason !== 'named') throw new StoreError('invalid-request', `Only named snapshots have a name to change; take a named snapshot instead.`, { id: r.id, seq });
    c.q('UPDATE revisions SET label = ? WHERE dossier_num = ? AND seq = ?').run(name, r.num, seq);
    return revisionOf(revisionRow(c, r.num, seq, r.id));
  });
}

/** The dossier's revisions, newest first. */
export function history(c: Connection, id: string): RevisionInfo[] {
  return c.read(() => {
    const r = row(c, id);
    const rows = c.q(`SELECT ${REVISION_COLUMNS} FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.dossier_num = ? ORDER BY r.seq DESC`).all(r.num) as RevisionRow[];
    return rows.map(revisionOf);
  });
}

/** One revision and its document (validated). */
export function revision(c: Connection, id: string, seq: number): { info: RevisionInfo; document: RDocument } {
  const { r, rev, json } = c.read(() => {
    const r = row(c, id);
    const rev = revisionRow(c, r.num, seq, r.id);
    return { r, rev, json: blobJson(c, rev.blob_hash) };
  });
  return { info: revisionOf(rev), document: loadJson(json, r.id, r.title, `revision ${seq}`) };
}

/**
 * Makes revision `seq` the current text again. Nothing is overwritten: if history does not
 * hold the current text yet, it is recorded first; the restore itself is a new revision.
 * `base`, when given, must be the current version (as for a save).
 */
export function restore(c: Connection, id: string, seq: number, opts: { base?: number } = {}): { version: number; revision: RevisionInfo } {
  return c.tx(() => {
    const r = row(c, id);
    if (opts.base !== undefined && opts.base !== r.version) throw conflictError(r, opts.base);
    const json = revisionJson(c, r, seq);
    const doc = loadJson(json, r.id, r.title, `revision ${seq}`);
    recordRevision(c, r.num, 'auto');
    const { version } = writeCurrent(c, r.num, preparedJson(doc, json));
    const revision = recordRevision(c, r.num, 'restore', { restoredFrom: seq, force: true })!;
    return { version, revision };
  });
}
