/**
 * Dossiers: create, open, autosave (a save names the version it was based on; a stale base is
 * refused as 'conflict' and nothing is written), copy, trash, purge, and the list view. Every
 * write is one transaction; every document is validated on the way in and on the way out.
 */
import type { Connection } from './connection';
import { teamShareOf } from './team';
import { StoreError } from './errors';
import { indexOne } from './search';
import { collectAssets } from './assets';
import { collectBlobs, lastRevision, recordRevision, revisionJson } from './revisions';
import {
  conflictError,
  currentJson,
  DOSSIER_COLUMNS,
  filters,
  insertDossier,
  loadJson,
  positiveInt,
  prepare,
  preparedJson,
  row,
  summaryByNum,
  summaryOf,
  writeCurrent,
  type DossierRow,
} from './rows';
import type { Dossier, DossierSummary, ListQuery, RevisionInfo, SaveResult } from './types';

/** A new dossier holding `document` (validated); its first revision is recorded. */
export function createDossier(c: Connection, document: unknown): DossierSummary & { revision: RevisionInfo } {
  const p = prepare(document);
  return c.tx(() => {
    const { num } = insertDossier(c, p);
    const revision = recordRevision(c, num, 'created', { force: true })!;
    return { ...summaryByNum(c, num), revision };
  });
}

/** The full id of the one dossier whose id starts with `prefix` (for the CLI). */
export function resolveId(c: Connection, prefix: string): string {
  return c.guard(() => {
    const p = prefix.trim().toLowerCase();
    if (!/^[0-9a-z]{1,12}$/.test(p)) throw new StoreError('not-found', `"${prefix}" is not a dossier id (12 letters and digits).`, { id: prefix });
    const rows = c.q(`SELECT id FROM dossiers WHERE id >= ? AND id < ? ORDER BY id LIMIT 3`, true).all(p, `${p}\u{10FFFF}`) as string[];
    if (rows.length === 0) throw new StoreError('not-found', `There is no dossier ${prefix}.`, { id: prefix });
    if (rows.length > 1 && rows[0] !== p) {
      throw new StoreError('not-found', `"${prefix}" could be several dossiers (${rows.slice(0, 2).join(', ')}…): give more of the id.`, { id: prefix });
    }
    return rows[0]!;
  });
}

/** The dossier and its current document, validated on the way out. */
export function getDossier(c: Connection, id: string): Dossier {
  const { r, json, team } = c.read(() => {
    const r = row(c, id);
    return { r, json: currentJson(c, r.num, r.id, r.title), team: teamShareOf(c, r.num) };
  });
  // The shared fact travels with the dossier: the editor binds at once, with no extra call.
  return { ...summaryOf(r), document: loadJson(json, r.id, r.title, 'current text'), ...(team ? { team } : {}) };
}

/**
 * Autosave: stores `document` as the current text of dossier `id` if it differs from the stored
 * one, provided the stored version is still `base` (else 'conflict', nothing written). Records
 * an automatic revision when the last one is older than the revision interval. Answers with the
 * dossier's summary as it now is.
 */
export function saveDossier(c: Connection, id: string, document: unknown, opts: { base: number }): SaveResult {
  const p = prepare(document);
  return c.tx(() => {
    const r = row(c, id);
    if (opts.base !== r.version) throw conflictError(r, opts.base);
    // Only what changed is written: an identical text (same checksum, then same bytes) is not.
    const storedSum = c.q('SELECT checksum FROM documents WHERE dossier_num = ?', true).get(r.num) as number;
    if (storedSum === p.checksum && c.q('SELECT json FROM documents WHERE dossier_num = ?', true).get(r.num) === p.json) {
      return { ...summaryOf(r), changed: false, revision: undefined };
    }
    const summary = writeCurrent(c, r.num, p);
    const last = lastRevision(c, r.num);
    const due = !last || c.now() - last.created_at >= c.history.revisionInterval;
    const revision = due ? recordRevision(c, r.num, 'auto') : undefined;
    return { ...summary, changed: true, revision };
  });
}

/** The dossier was closed in the editor: records a revision if history lacks the current text, and indexes it. */
export function closeDossier(c: Connection, id: string): RevisionInfo | undefined {
  return c.tx(() => {
    const r = row(c, id);
    const revision = recordRevision(c, r.num, 'close');
    if (c.q('SELECT indexed_version IS NOT version FROM dossiers WHERE num = ?', true).get(r.num)) indexOne(c, r.num, r.id, r.title, r.version);
    return revision;
  });
}

/** A new dossier holding the current text, or revision `seq` (the way to work from a finalised revision). */
export function copyDossier(c: Connection, id: string, seq?: number): DossierSummary & { revision: RevisionInfo } {
  return c.tx(() => {
    const r = row(c, id);
    const json = seq === undefined ? currentJson(c, r.num, r.id, r.title) : revisionJson(c, r, seq);
    const doc = loadJson(json, r.id, r.title, seq === undefined ? 'current text' : `revision ${seq}`);
    const { num } = insertDossier(c, preparedJson(doc, json));
    c.q(`INSERT INTO dossier_assets (dossier_num, name, asset_hash, role) SELECT ?, name, asset_hash, role FROM dossier_assets WHERE dossier_num = ?`).run(num, r.num);
    const label = `Copy of ${r.id}${seq === undefined ? '' : ` revision ${seq}`}`;
    const revision = recordRevision(c, num, 'copied', { force: true, label })!;
    return { ...summaryByNum(c, num), revision };
  });
}

export function trashDossier(c: Connection, id: string): DossierSummary {
  return c.tx(() => {
    const r = row(c, id);
    if (r.trashed_at === null) c.q('UPDATE dossiers SET trashed_at = ? WHERE num = ?').run(c.now(), r.num);
    return summaryByNum(c, r.num);
  });
}

export function untrashDossier(c: Connection, id: string): DossierSummary {
  return c.tx(() => {
    const r = row(c, id);
    c.q('UPDATE dossiers SET trashed_at = NULL WHERE num = ?').run(r.num);
    return summaryByNum(c, r.num);
  });
}

/**
 * Deletes a dossier from the trash for good, with its history and the images only it used.
 * Refused for a dossier not in the trash, and for one holding a finalised revision.
 */
export function purgeDossier(c: Connection, id: string): void {
  c.tx(() => {
    const r = row(c, id);
    if (r.trashed_at === null) throw new StoreError('invalid-request', `Dossier ${r.id} is not in the trash; put it there first.`, { id: r.id });
    if (c.q('SELECT 1 FROM revisions WHERE dossier_num = ? AND locked = 1').get(r.num)) {
      throw new StoreError('locked-revision', `Dossier ${r.id} holds a finalised (signed) revision, which Rapporteur never deletes.`, { id: r.id });
    }
    const hashes = c.q('SELECT DISTINCT blob_hash FROM revisions WHERE dossier_num = ?', true).all(r.num) as string[];
    const assets = c.q('SELECT DISTINCT asset_hash FROM dossier_assets WHERE dossier_num = ?', true).all(r.num) as string[];
    c.q('DELETE FROM dossiers WHERE num = ?').run(r.num);
    collectBlobs(c, hashes);
    collectAssets(c, assets);
  });
}

/** The list view: sorted by last change (default), creation or title; filtered by kind, language, trash. */
export function listDossiers(c: Connection, query: ListQuery = {}): DossierSummary[] {
  const sort = query.sort ?? 'updated';
  const column = sort === 'updated' ? 'd.updated_at' : sort === 'created' ? 'd.created_at' : 'd.title_key';
  const direction = query.direction ?? (sort === 'title' ? 'asc' : 'desc');
  if (!['updated', 'created', 'title'].includes(sort) || !['asc', 'desc'].includes(direction)) {
    throw new StoreError('invalid-request', `Lists sort by updated, created or title, ascending or descending.`, {});
  }
  const limit = positiveInt(query.limit, -1, 'limit');
  const offset = positiveInt(query.offset, 0, 'offset');
  const { where, params } = filters(query);
  const sql = `SELECT ${DOSSIER_COLUMNS} FROM dossiers d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${column} ${direction}, d.num ${direction} LIMIT @limit OFFSET @offset`;
  return c.guard(() => (c.q(sql).all({ ...params, limit, offset }) as DossierRow[]).map(summaryOf));
}
