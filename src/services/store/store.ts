/**
 * The local store: every dossier of a mission's laptop in one SQLite file, with history,
 * search, trash, settings, images, backups and sharing. No Electron: the app's main process,
 * the CLI and Node tests all use this class.
 *
 * Rules it keeps:
 * - Every write is one synchronous IMMEDIATE transaction (nothing is ever half-written, and
 *   two processes — two windows, or the app and the CLI — take turns).
 * - Documents are validated on the way in (save, import, restore) and on the way out (a stored
 *   row that fails validation gives 'invalid-document' naming the dossier, never a crash).
 * - A save names the version it was based on; a stale base is refused as 'conflict'.
 * - Nothing is overwritten: restoring makes a new revision (after recording the current text if
 *   history does not have it yet), importing makes a new dossier, a locked revision cannot be
 *   changed or deleted.
 * Errors a user can see are StoreErrors with a stable code (see errors.ts).
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { Lang, RDocument } from '../../core/model/schema';
import { parseDocument } from '../../core/model/validate';
import { sha256, checkImage } from './assets';
import { writeBackup, defaultBackupDir, writeBackupLocation, readBackupLocation, DEFAULT_KEEP_BACKUPS, listBackups, type BackupListing } from './backup';
import { openDatabase } from './database';
import { environmentError, sqliteCode, StoreError } from './errors';
import { checkWritableDir } from './files';
import { documentFacts } from './derive';
import type { Migration } from './migrations';
import { bestSnippet, bm25Sql, ftsQuery, parseQuery, SEARCH_INDEX_VERSION, writeIndexRow, type IndexText } from './search';
import { readImport, RAPPORTEUR_FORMAT, RAPPORTEUR_FORMAT_VERSION, type ImportPayload, type RapporteurFile } from './share';
import { AUTOMATIC_REASONS, DEFAULT_THINNING, revisionsToThin, type RevisionReason, type ThinningPolicy } from './thinning';
import type {
  AssetInfo,
  AssetRole,
  BackupInfo,
  Dossier,
  DossierSummary,
  ListQuery,
  RevisionInfo,
  SaveResult,
  SearchHit,
  SearchQuery,
  TrashFilter,
} from './types';

export type StoreOptions = {
  /** Clock (ms since the epoch); tests drive revision timing and thinning with it. */
  now?: () => number;
  /** Create the data folder if it does not exist (default false: a missing folder is an error). */
  create?: boolean;
  /** Minimum time between automatic revisions while editing (default 5 minutes). */
  revisionIntervalMs?: number;
  /** Time between automatic backups (default 24 hours). */
  backupIntervalMs?: number;
  /** Regular backups kept in the backup folder (default 7). */
  keepBackups?: number;
  thinning?: ThinningPolicy;
  /** Schema versions to apply (tests of migrations only). */
  migrations?: readonly Migration[];
};

export const DEFAULT_REVISION_INTERVAL = 5 * 60_000;
export const DEFAULT_BACKUP_INTERVAL = 24 * 3_600_000;

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A readable random dossier id: 12 characters of Crockford base 32 (60 bits). */
export function newDossierId(): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += ID_ALPHABET[b & 31];
  return s;
}

const SETTING_BACKUP_DIR = 'backup.dir';
const SETTING_LAST_BACKUP = 'backup.lastAt';
const SETTING_INDEX_VERSION = 'search.indexVersion';

type DossierRow = {
  num: number;
  id: string;
  title: string;
  kind: string;
  original_language: string;
  languages: string;
  symbols: string;
  created_at: number;
  updated_at: number;
  version: number;
  trashed_at: number | null;
};

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

/** The columns a DossierRow reads: as `d.…` in queries, bare in a RETURNING clause (SQLite allows no table name there). */
const ROW_COLUMNS = ['num', 'id', 'title', 'kind', 'original_language', 'languages', 'symbols', 'created_at', 'updated_at', 'version', 'trashed_at'];
const DOSSIER_COLUMNS = ROW_COLUMNS.map((c) => `d.${c}`).join(', ');

function summaryOf(r: DossierRow): DossierSummary {
  let symbols: string[] = [];
  try {
    const parsed = JSON.parse(r.symbols) as unknown;
    if (Array.isArray(parsed)) symbols = parsed.filter((s): s is string => typeof s === 'string');
  } catch {
    // a list column is derived data: a damaged one shows as empty, the document is unaffected
  }
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as DossierSummary['kind'],
    originalLanguage: r.original_language as Lang,
    languages: r.languages === '' ? [] : (r.languages.split(',') as Lang[]),
    symbols,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    trashedAt: r.trashed_at,
  };
}

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

type Prepared = { doc: RDocument; json: string; checksum: number };

function invalidInput(issues: { path: string; message: string }[]): StoreError {
  const [first, ...rest] = issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return new StoreError('invalid-document', `The document is not valid: ${first?.path}: ${first?.message}${more}. Nothing was saved.`, {
    issues: issues.slice(0, 50),
  });
}

function trashWhere(trash: TrashFilter | undefined): string | undefined {
  switch (trash ?? 'exclude') {
    case 'exclude':
      return 'd.trashed_at IS NULL';
    case 'only':
      return 'd.trashed_at IS NOT NULL';
    case 'include':
      return undefined;
  }
}

function filters(q: { kind?: string | undefined; language?: string | undefined; trash?: TrashFilter | undefined }): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const t = trashWhere(q.trash);
  if (t) where.push(t);
  if (q.kind !== undefined) {
    where.push('d.kind = @kind');
    params.kind = q.kind;
  }
  if (q.language !== undefined) {
    where.push(`instr(',' || d.languages || ',', @lang) > 0`);
    params.lang = `,${q.language},`;
  }
  return { where, params };
}

function positiveInt(n: number | undefined, fallback: number, what: string): number {
  if (n === undefined) return fallback;
  if (!Number.isInteger(n) || n < 0) throw new StoreError('invalid-request', `${what} must be a whole number of zero or more, not ${n}.`, {});
  return n;
}

export class Store {
  readonly dataDir: string;
  readonly file: string;
  private readonly db: Db;
  private readonly now: () => number;
  private readonly revisionInterval: number;
  private readonly backupInterval: number;
  private readonly keepBackups: number;
  private readonly thinning: ThinningPolicy;
  private closed = false;

  /** Use `openStore`. */
  constructor(dataDir: string, file: string, db: Db, options: StoreOptions) {
    this.dataDir = dataDir;
    this.file = file;
    this.db = db;
    this.now = options.now ?? Date.now;
    this.revisionInterval = options.revisionIntervalMs ?? DEFAULT_REVISION_INTERVAL;
    this.backupInterval = options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL;
    this.keepBackups = options.keepBackups ?? DEFAULT_KEEP_BACKUPS;
    this.thinning = options.thinning ?? DEFAULT_THINNING;
  }

  // -------------------------------------------------------------------------------------------
  // Plumbing

  /** Runs `fn`, turning SQLite and file-system failures into StoreErrors. */
  private guard<T>(fn: () => T): T {
    if (this.closed) throw new StoreError('closed', 'The library has been closed.', {});
    try {
      return fn();
    } catch (e) {
      throw this.mapError(e);
    }
  }

  private mapError(e: unknown): unknown {
    if (e instanceof StoreError) return e;
    if (sqliteCode(e) === 'SQLITE_CONSTRAINT_TRIGGER' && /locked revision/.test((e as Error).message)) {
      return new StoreError('locked-revision', 'A finalised (signed) revision can be copied or restored from, but never changed or deleted.', {});
    }
    return environmentError(e, this.file) ?? e;
  }

  /** One synchronous IMMEDIATE transaction (takes the write lock first, so read-check-write is atomic). */
  private tx<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).immediate());
  }

  /** A consistent read of several statements. */
  private read<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).deferred());
  }

  private readonly statements = new Map<string, Statement>();

  /** A prepared statement, cached (`pluck`: rows are their first column). */
  private q(sql: string, pluck = false): Statement {
    const key = pluck ? `p:${sql}` : sql;
    let st = this.statements.get(key);
    if (!st) {
      st = this.db.prepare(sql);
      if (pluck) st.pluck();
      this.statements.set(key, st);
    }
    return st;
  }

  private prepare(input: unknown): Prepared {
    const parsed = parseDocument(input);
    if (!parsed.ok) throw invalidInput(parsed.issues);
    const json = JSON.stringify(parsed.value);
    return { doc: parsed.value, json, checksum: crc32(json) };
  }

  /** Parses and validates a stored document; a failure names the dossier. */
  private loadJson(json: string, id: string, title: string, where: string): RDocument {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new StoreError('invalid-document', `The ${where} of dossier ${id}${title ? ` (“${title}”)` : ''} is damaged: it is not valid JSON (${(e as Error).message}).`, {
        id,
        issues: [{ path: '(document)', message: 'not valid JSON' }],
      });
    }
    const parsed = parseDocument(data);
    if (!parsed.ok) {
      const first = parsed.issues[0]!;
      throw new StoreError(
        'invalid-document',
        `The ${where} of dossier ${id}${title ? ` (“${title}”)` : ''} cannot be opened: it does not pass validation (${first.path}: ${first.message}${parsed.issues.length > 1 ? `, and ${parsed.issues.length - 1} more` : ''}).`,
        { id, issues: parsed.issues.slice(0, 50) },
      );
    }
    return parsed.value;
  }

  /** The current JSON of dossier `num`, checked against its checksum ('invalid-document' if the bytes were damaged on disk). */
  private currentJson(num: number, id: string, title: string): string {
    const d = this.q('SELECT checksum, json FROM documents WHERE dossier_num = ?').get(num) as { checksum: number; json: string };
    if (crc32(d.json) !== d.checksum) {
      throw new StoreError(
        'invalid-document',
        `The current text of dossier ${id}${title ? ` (“${title}”)` : ''} was damaged on disk (its checksum does not match). Its history is intact: restore its latest revision.`,
        { id, damaged: true },
      );
    }
    return d.json;
  }

  private row(id: string): DossierRow {
    if (typeof id !== 'string') throw new StoreError('invalid-request', 'A dossier id is a string.', {});
    const r = this.q(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.id = ?`).get(id) as DossierRow | undefined;
    if (!r) throw new StoreError('not-found', `There is no dossier ${id}.`, { id });
    return r;
  }

  private lastRevision(num: number): RevisionRow | undefined {
    return this.q(
        `SELECT r.seq, r.created_at, r.reason, r.label, r.locked, r.restored_from, r.blob_hash, b.size
         FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.dossier_num = ? ORDER BY r.seq DESC LIMIT 1`,
      )
      .get(num) as RevisionRow | undefined;
  }

  private revisionRow(num: number, seq: number, id: string): RevisionRow {
    if (!Number.isInteger(seq) || seq < 1) throw new StoreError('invalid-request', `A revision is a number from 1 up, not ${seq}.`, { id, seq });
    const r = this.q(
        `SELECT r.seq, r.created_at, r.reason, r.label, r.locked, r.restored_from, r.blob_hash, b.size
         FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.dossier_num = ? AND r.seq = ?`,
      )
      .get(num, seq) as RevisionRow | undefined;
    if (!r) throw new StoreError('not-found', `Dossier ${id} has no revision ${seq}.`, { id, seq });
    return r;
  }

  private ensureBlob(hash: string, json: string): void {
    const exists = this.q('SELECT 1 FROM blobs WHERE hash = ?').get(hash);
    if (exists) return;
    // Level 1: a 700 KB text deflates in ~4 ms (level 6: ~15 ms, only ~25 % smaller), and this
    // runs inside the save that records the revision.
    this.q(`INSERT INTO blobs (hash, encoding, size, data) VALUES (?, 'deflate', ?, ?)`).run(hash, Buffer.byteLength(json), deflateSync(json, { level: 1 }));
  }

  private blobJson(hash: string): string {
    const b = this.q('SELECT encoding, data FROM blobs WHERE hash = ?').get(hash) as { encoding: string; data: Buffer } | undefined;
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

  /** Deletes blobs no revision points to any more (among `hashes`). */
  private collectBlobs(hashes: Iterable<string>): void {
    const del = this.q('DELETE FROM blobs WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM revisions WHERE blob_hash = ?)');
    for (const h of new Set(hashes)) del.run(h, h);
  }

  /**
   * Records a revision of the dossier's current document (inside the caller's transaction).
   * Without `force`, nothing is recorded when the document is identical to the last revision.
   * Automatic revisions are followed by thinning.
   */
  private recordRevision(
    num: number,
    reason: RevisionReason,
    opts: { label?: string | null; locked?: boolean; restoredFrom?: number | null; force?: boolean; at?: number } = {},
  ): RevisionInfo | undefined {
    const last = this.lastRevision(num);
    // Not checked against the checksum on purpose: before a restore, even a damaged current text
    // is kept in history (most of it is usually intact); reading a revision validates it.
    const json = this.q('SELECT json FROM documents WHERE dossier_num = ?', true).get(num) as string;
    const hash = sha256(json);
    if (!opts.force && last && last.blob_hash === hash) return undefined;
    this.ensureBlob(hash, json);
    const seq = (last?.seq ?? 0) + 1;
    const at = opts.at ?? this.now();
    this.q(
        `INSERT INTO revisions (dossier_num, seq, created_at, reason, label, blob_hash, restored_from, locked)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(num, seq, at, reason, opts.label ?? null, hash, opts.restoredFrom ?? null, opts.locked ? 1 : 0);
    if (AUTOMATIC_REASONS.includes(reason)) this.thin(num);
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

  private thin(num: number): void {
    const rows = this.q('SELECT seq, created_at, reason, locked, blob_hash FROM revisions WHERE dossier_num = ?').all(num) as {
      seq: number;
      created_at: number;
      reason: RevisionReason;
      locked: number;
      blob_hash: string;
    }[];
    const drop = new Set(
      revisionsToThin(
        rows.map((r) => ({ seq: r.seq, createdAt: r.created_at, reason: r.reason, locked: r.locked === 1 })),
        this.now(),
        this.thinning,
      ),
    );
    if (drop.size === 0) return;
    const del = this.q('DELETE FROM revisions WHERE dossier_num = ? AND seq = ?');
    const hashes: string[] = [];
    for (const r of rows) {
      if (!drop.has(r.seq)) continue;
      del.run(num, r.seq);
      hashes.push(r.blob_hash);
    }
    this.collectBlobs(hashes);
  }

  /** Writes `p` as the current document of dossier `num`, bumps its version, and returns its new summary. */
  private writeCurrent(num: number, p: Prepared): DossierSummary {
    const f = documentFacts(p.doc);
    this.q('UPDATE documents SET checksum = ?, json = ? WHERE dossier_num = ?').run(p.checksum, p.json, num);
    return summaryOf(
      this.q(
        `UPDATE dossiers SET title = ?, title_key = ?, kind = ?, original_language = ?, languages = ?, symbols = ?,
           updated_at = ?, version = version + 1 WHERE num = ? RETURNING ${ROW_COLUMNS.join(', ')}`,
      ).get(f.title, f.titleKey, f.kind, f.originalLanguage, f.languages.join(','), JSON.stringify(f.symbols), this.now(), num) as DossierRow,
    );
  }

  /** Inserts a new dossier with `p` as its document (inside the caller's transaction). */
  private insertDossier(p: Prepared): { num: number; id: string } {
    const f = documentFacts(p.doc);
    const now = this.now();
    for (;;) {
      const id = newDossierId();
      if (this.q('SELECT 1 FROM dossiers WHERE id = ?').get(id)) continue;
      const { num } = this.db
        .prepare(
          `INSERT INTO dossiers (id, title, title_key, kind, original_language, languages, symbols, created_at, updated_at, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING num`,
        )
        .get(id, f.title, f.titleKey, f.kind, f.originalLanguage, f.languages.join(','), JSON.stringify(f.symbols), now, now) as { num: number };
      this.q('INSERT INTO documents (dossier_num, checksum, json) VALUES (?, ?, ?)').run(num, p.checksum, p.json);
      return { num, id };
    }
  }

  private summaryByNum(num: number): DossierSummary {
    return summaryOf(this.q(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.num = ?`).get(num) as DossierRow);
  }

  // -------------------------------------------------------------------------------------------
  // Dossiers

  /** A new dossier holding `document` (validated); its first revision is recorded. */
  create(document: unknown): DossierSummary & { revision: RevisionInfo } {
    const p = this.prepare(document);
    return this.tx(() => {
      const { num } = this.insertDossier(p);
      const revision = this.recordRevision(num, 'created', { force: true })!;
      return { ...this.summaryByNum(num), revision };
    });
  }

  /** The full id of the one dossier whose id starts with `prefix` (for the CLI). */
  resolveId(prefix: string): string {
    return this.guard(() => {
      const p = prefix.trim().toLowerCase();
      if (!/^[0-9a-z]{1,12}$/.test(p)) throw new StoreError('not-found', `"${prefix}" is not a dossier id (12 letters and digits).`, { id: prefix });
      const rows = this.q(`SELECT id FROM dossiers WHERE id >= ? AND id < ? ORDER BY id LIMIT 3`, true).all(p, `${p}\u{10FFFF}`) as string[];
      if (rows.length === 0) throw new StoreError('not-found', `There is no dossier ${prefix}.`, { id: prefix });
      if (rows.length > 1 && rows[0] !== p) {
        throw new StoreError('not-found', `"${prefix}" could be several dossiers (${rows.slice(0, 2).join(', ')}…): give more of the id.`, { id: prefix });
      }
      return rows[0]!;
    });
  }

  summary(id: string): DossierSummary {
    return this.guard(() => summaryOf(this.row(id)));
  }

  /** The dossier and its current document, validated on the way out. */
  get(id: string): Dossier {
    const { r, json } = this.read(() => {
      const r = this.row(id);
      return { r, json: this.currentJson(r.num, r.id, r.title) };
    });
    return { ...summaryOf(r), document: this.loadJson(json, r.id, r.title, 'current text') };
  }

  /**
   * Autosave: stores `document` as the current text of dossier `id` if it differs from the stored
   * one, provided the stored version is still `base` (else 'conflict', nothing written). Records
   * an automatic revision when the last one is older than the revision interval.
   */
  save(id: string, document: unknown, opts: { base: number }): SaveResult {
    const p = this.prepare(document);
    return this.tx(() => {
      const r = this.row(id);
      if (opts.base !== r.version) throw this.conflict(r, opts.base);
      // Only what changed is written: an identical text (same checksum, then same bytes) is not.
      const storedSum = this.q('SELECT checksum FROM documents WHERE dossier_num = ?', true).get(r.num) as number;
      if (storedSum === p.checksum && this.q('SELECT json FROM documents WHERE dossier_num = ?', true).get(r.num) === p.json) {
        return { ...summaryOf(r), changed: false, revision: undefined };
      }
      const summary = this.writeCurrent(r.num, p);
      const last = this.lastRevision(r.num);
      const due = !last || this.now() - last.created_at >= this.revisionInterval;
      const revision = due ? this.recordRevision(r.num, 'auto') : undefined;
      return { ...summary, changed: true, revision };
    });
  }

  private conflict(r: DossierRow, base: number): StoreError {
    return new StoreError(
      'conflict',
      `Dossier ${r.id} was changed elsewhere (another window or the command line) after this copy was opened: this copy is based on version ${base}, the saved dossier is at version ${r.version}. Nothing was overwritten; reload the dossier or save this text as a copy.`,
      { id: r.id, base, current: r.version, updatedAt: r.updated_at },
    );
  }

  /** The dossier was closed in the editor: records a revision if history lacks the current text, and indexes it. */
  closeDossier(id: string): RevisionInfo | undefined {
    return this.tx(() => {
      const r = this.row(id);
      const revision = this.recordRevision(r.num, 'close');
      if (this.q('SELECT indexed_version IS NOT version FROM dossiers WHERE num = ?', true).get(r.num)) this.indexOne(r.num, r.id, r.title, r.version);
      return revision;
    });
  }

  /** A named snapshot of the current text ("Sent to the Secretariat 12 March"), kept forever. */
  snapshot(id: string, label: string): RevisionInfo {
    const name = this.checkLabel(label);
    return this.tx(() => this.recordRevision(this.row(id).num, 'named', { label: name, force: true })!);
  }

  /**
   * Finalises (locks) a revision: the current text as a new locked revision, or revision `seq`
   * if given. A locked revision can be copied and restored from, never changed or deleted.
   */
  finalize(id: string, opts: { label?: string; seq?: number } = {}): RevisionInfo {
    const label = opts.label === undefined ? null : this.checkLabel(opts.label);
    return this.tx(() => {
      const r = this.row(id);
      if (opts.seq === undefined) return this.recordRevision(r.num, 'final', { label, locked: true, force: true })!;
      const rev = this.revisionRow(r.num, opts.seq, r.id);
      if (rev.locked === 1) throw new StoreError('locked-revision', `Revision ${opts.seq} of dossier ${r.id} is already finalised.`, { id: r.id, seq: opts.seq });
      this.q('UPDATE revisions SET locked = 1, label = coalesce(?, label) WHERE dossier_num = ? AND seq = ?').run(label, r.num, opts.seq);
      return revisionOf(this.revisionRow(r.num, opts.seq, r.id));
    });
  }

  /** Renames a named snapshot. Finalised revisions cannot be renamed ('locked-revision'). */
  renameRevision(id: string, seq: number, label: string): RevisionInfo {
    const name = this.checkLabel(label);
    return this.tx(() => {
      const r = this.row(id);
      const rev = this.revisionRow(r.num, seq, r.id);
      if (rev.locked === 1) throw new StoreError('locked-revision', `Revision ${seq} of dossier ${r.id} is finalised: it cannot be renamed.`, { id: r.id, seq });
      if (rev.reason !== 'named') throw new StoreError('invalid-request', `Only named snapshots have a name to change; take a named snapshot instead.`, { id: r.id, seq });
      this.q('UPDATE revisions SET label = ? WHERE dossier_num = ? AND seq = ?').run(name, r.num, seq);
      return revisionOf(this.revisionRow(r.num, seq, r.id));
    });
  }

  private checkLabel(label: string): string {
    const name = typeof label === 'string' ? label.replace(/\s+/g, ' ').trim() : '';
    if (name === '' || name.length > 200) throw new StoreError('invalid-request', 'A snapshot needs a name of 1 to 200 characters.', {});
    return name;
  }

  /** The dossier's revisions, newest first. */
  history(id: string): RevisionInfo[] {
    return this.read(() => {
      const r = this.row(id);
      const rows = this.db
        .prepare(
          `SELECT r.seq, r.created_at, r.reason, r.label, r.locked, r.restored_from, r.blob_hash, b.size
           FROM revisions r JOIN blobs b ON b.hash = r.blob_hash WHERE r.dossier_num = ? ORDER BY r.seq DESC`,
        )
        .all(r.num) as RevisionRow[];
      return rows.map(revisionOf);
    });
  }

  /** One revision and its document (validated). */
  revision(id: string, seq: number): { info: RevisionInfo; document: RDocument } {
    const { r, rev, json } = this.read(() => {
      const r = this.row(id);
      const rev = this.revisionRow(r.num, seq, r.id);
      return { r, rev, json: this.blobJson(rev.blob_hash) };
    });
    return { info: revisionOf(rev), document: this.loadJson(json, r.id, r.title, `revision ${seq}`) };
  }

  /**
   * Makes revision `seq` the current text again. Nothing is overwritten: if history does not
   * hold the current text yet, it is recorded first; the restore itself is a new revision.
   * `base`, when given, must be the current version (as for a save).
   */
  restore(id: string, seq: number, opts: { base?: number } = {}): { version: number; revision: RevisionInfo } {
    return this.tx(() => {
      const r = this.row(id);
      if (opts.base !== undefined && opts.base !== r.version) throw this.conflict(r, opts.base);
      const rev = this.revisionRow(r.num, seq, r.id);
      const json = this.blobJson(rev.blob_hash);
      const doc = this.loadJson(json, r.id, r.title, `revision ${seq}`);
      this.recordRevision(r.num, 'auto');
      const { version } = this.writeCurrent(r.num, { doc, json, checksum: crc32(json) });
      const revision = this.recordRevision(r.num, 'restore', { restoredFrom: seq, force: true })!;
      return { version, revision };
    });
  }

  /** A new dossier holding the current text, or revision `seq` (the way to work from a finalised revision). */
  copy(id: string, seq?: number): DossierSummary & { revision: RevisionInfo } {
    return this.tx(() => {
      const r = this.row(id);
      const json = seq === undefined ? this.currentJson(r.num, r.id, r.title) : this.blobJson(this.revisionRow(r.num, seq, r.id).blob_hash);
      const doc = this.loadJson(json, r.id, r.title, seq === undefined ? 'current text' : `revision ${seq}`);
      const { num } = this.insertDossier({ doc, json, checksum: crc32(json) });
      this.db
        .prepare(`INSERT INTO dossier_assets (dossier_num, name, asset_hash, role) SELECT ?, name, asset_hash, role FROM dossier_assets WHERE dossier_num = ?`)
        .run(num, r.num);
      const label = `Copy of ${r.id}${seq === undefined ? '' : ` revision ${seq}`}`;
      const revision = this.recordRevision(num, 'copied', { force: true, label })!;
      return { ...this.summaryByNum(num), revision };
    });
  }

  trash(id: string): DossierSummary {
    return this.tx(() => {
      const r = this.row(id);
      if (r.trashed_at === null) this.q('UPDATE dossiers SET trashed_at = ? WHERE num = ?').run(this.now(), r.num);
      return this.summaryByNum(r.num);
    });
  }

  untrash(id: string): DossierSummary {
    return this.tx(() => {
      const r = this.row(id);
      this.q('UPDATE dossiers SET trashed_at = NULL WHERE num = ?').run(r.num);
      return this.summaryByNum(r.num);
    });
  }

  /**
   * Deletes a dossier from the trash for good, with its history and the images only it used.
   * Refused for a dossier not in the trash, and for one holding a finalised revision.
   */
  purge(id: string): void {
    this.tx(() => {
      const r = this.row(id);
      if (r.trashed_at === null) throw new StoreError('invalid-request', `Dossier ${r.id} is not in the trash; put it there first.`, { id: r.id });
      if (this.q('SELECT 1 FROM revisions WHERE dossier_num = ? AND locked = 1').get(r.num)) {
        throw new StoreError('locked-revision', `Dossier ${r.id} holds a finalised (signed) revision, which Rapporteur never deletes.`, { id: r.id });
      }
      const hashes = this.q('SELECT DISTINCT blob_hash FROM revisions WHERE dossier_num = ?', true).all(r.num) as string[];
      const assets = this.q('SELECT DISTINCT asset_hash FROM dossier_assets WHERE dossier_num = ?', true).all(r.num) as string[];
      this.q('DELETE FROM dossiers WHERE num = ?').run(r.num);
      this.collectBlobs(hashes);
      this.collectAssets(assets);
    });
  }

  /** The list view: sorted by last change (default), creation or title; filtered by kind, language, trash. */
  list(query: ListQuery = {}): DossierSummary[] {
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
    return this.guard(() => (this.q(sql).all({ ...params, limit, offset }) as DossierRow[]).map(summaryOf));
  }

  // -------------------------------------------------------------------------------------------
  // Search

  private indexOne(num: number, id: string, title: string, version: number): void {
    let parsed: RDocument | undefined;
    try {
      parsed = this.loadJson(this.currentJson(num, id, title), id, title, 'current text');
    } catch {
      parsed = undefined;
    }
    if (parsed) writeIndexRow(this.db, num, parsed);
    else {
      // An invalid row stays findable by its title; opening it reports the problem.
      this.q('DELETE FROM search WHERE rowid = ?').run(num);
      this.q(`INSERT INTO search (rowid, title, symbols, meta, body) VALUES (?, ?, '', '', '')`).run(num, title);
    }
    this.q('UPDATE dossiers SET indexed_version = ? WHERE num = ?').run(version, num);
  }

  /** Brings the search index up to date with every saved document; returns how many were indexed. */
  refreshSearchIndex(): number {
    let total = 0;
    for (;;) {
      const n = this.tx(() => {
        const stale = this.db
          .prepare(`SELECT num, id, title, version FROM dossiers WHERE indexed_version IS NOT version LIMIT 200`)
          .all() as { num: number; id: string; title: string; version: number }[];
        for (const s of stale) this.indexOne(s.num, s.id, s.title, s.version);
        return stale.length;
      });
      total += n;
      if (n < 200) return total;
    }
  }

  /**
   * Full-text search over titles, symbols, metadata and the text of every language, ignoring case
   * and accents, best matches first, each with a snippet. The trash is left out unless asked.
   */
  search(text: string, query: SearchQuery = {}): SearchHit[] {
    const match = ftsQuery(typeof text === 'string' ? text : '');
    if (match === undefined) return [];
    const limit = positiveInt(query.limit, 50, 'limit');
    this.refreshSearchIndex();
    const { where, params } = filters(query);
    const sql = `SELECT ${DOSSIER_COLUMNS}, ${bm25Sql()} AS score
      FROM search JOIN dossiers d ON d.num = search.rowid
      WHERE search MATCH @match ${where.length ? `AND ${where.join(' AND ')}` : ''}
      ORDER BY score LIMIT @limit`;
    return this.read(() => {
      const rows = this.q(sql).all({ ...params, match, limit }) as (DossierRow & { score: number })[];
      const columns = this.q('SELECT title, symbols, meta, body FROM search WHERE rowid = ?');
      const terms = parseQuery(text);
      return rows.map((r) => ({ ...summaryOf(r), score: r.score, snippet: bestSnippet(columns.get(r.num) as IndexText, terms) }));
    });
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  getSetting<T = unknown>(key: string): T | undefined {
    return this.guard(() => {
      const v = this.q('SELECT value FROM settings WHERE key = ?', true).get(key) as string | undefined;
      return v === undefined ? undefined : (JSON.parse(v) as T);
    });
  }

  /** Stores a JSON value (undefined deletes the setting). */
  setSetting(key: string, value: unknown): void {
    this.tx(() => this.writeSetting(key, value));
  }

  private writeSetting(key: string, value: unknown): void {
    if (value === undefined) this.q('DELETE FROM settings WHERE key = ?').run(key);
    else {
      const json = JSON.stringify(value);
      if (json === undefined) throw new StoreError('invalid-request', `Setting ${key} must be a JSON value.`, { key });
      this.q('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Backups

  /** Where backups go: the folder chosen in the settings, else `<data folder>/backups`. */
  backupDir(): string {
    return this.getSetting<string>(SETTING_BACKUP_DIR) ?? defaultBackupDir(this.dataDir);
  }

  /** Chooses the backup folder (null: back to the default). The folder must exist and be writable. */
  setBackupDir(dir: string | null): void {
    const value = dir === null ? null : resolve(dir);
    if (value !== null) checkWritableDir(value, 'backup folder');
    this.tx(() => this.writeSetting(SETTING_BACKUP_DIR, value ?? undefined));
    this.guard(() => writeBackupLocation(this.dataDir, value));
  }

  /** Takes a backup now (online: the library stays usable). Keeps the newest 7. */
  async backup(): Promise<BackupInfo> {
    const dir = this.backupDir();
    const now = this.now();
    const isDefault = resolve(dir) === resolve(defaultBackupDir(this.dataDir));
    const info = await this.guardAsync(() => writeBackup(this.db, dir, now, { keep: this.keepBackups, create: isDefault }));
    this.setSetting(SETTING_LAST_BACKUP, now);
    return info;
  }

  /** Takes a backup if the last one is older than the backup interval (a day); else does nothing. */
  async maybeBackup(): Promise<BackupInfo | undefined> {
    const last = this.getSetting<number>(SETTING_LAST_BACKUP);
    if (last !== undefined && this.now() - last < this.backupInterval) return undefined;
    return this.backup();
  }

  /** Every backup that can be found for this library, newest first. */
  listBackups(): BackupListing[] {
    return listBackups(this.dataDir);
  }

  private async guardAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError('closed', 'The library has been closed.', {});
    try {
      return await fn();
    } catch (e) {
      throw this.mapError(e);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Images

  /** Stores an image under `name` for the dossier (replacing an image of that name). Bytes are kept once per hash. */
  putAsset(id: string, asset: { name: string; role: AssetRole; bytes: Uint8Array; mime?: string }): AssetInfo {
    const mime = checkImage(asset.name, asset.role, asset.bytes, asset.mime);
    const hash = sha256(asset.bytes);
    return this.tx(() => {
      const r = this.row(id);
      this.q('INSERT OR IGNORE INTO assets (hash, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, mime, asset.bytes.length, Buffer.from(asset.bytes), this.now());
      const previous = this.q('SELECT asset_hash FROM dossier_assets WHERE dossier_num = ? AND name = ?', true).get(r.num, asset.name) as string | undefined;
      this.db
        .prepare('INSERT INTO dossier_assets (dossier_num, name, asset_hash, role) VALUES (?, ?, ?, ?) ON CONFLICT (dossier_num, name) DO UPDATE SET asset_hash = excluded.asset_hash, role = excluded.role')
        .run(r.num, asset.name, hash, asset.role);
      if (previous !== undefined && previous !== hash) this.collectAssets([previous]);
      return { name: asset.name, role: asset.role, mime, size: asset.bytes.length, hash };
    });
  }

  listAssets(id: string): AssetInfo[] {
    return this.read(() => {
      const r = this.row(id);
      return this.db
        .prepare(`SELECT da.name, da.role, a.mime, a.size, a.hash FROM dossier_assets da JOIN assets a ON a.hash = da.asset_hash WHERE da.dossier_num = ? ORDER BY da.name`)
        .all(r.num) as AssetInfo[];
    });
  }

  getAsset(id: string, name: string): AssetInfo & { bytes: Buffer } {
    return this.read(() => {
      const r = this.row(id);
      const a = this.db
        .prepare(`SELECT da.name, da.role, a.mime, a.size, a.hash, a.data AS bytes FROM dossier_assets da JOIN assets a ON a.hash = da.asset_hash WHERE da.dossier_num = ? AND da.name = ?`)
        .get(r.num, name) as (AssetInfo & { bytes: Buffer }) | undefined;
      if (!a) throw new StoreError('not-found', `Dossier ${r.id} has no image named ${name}.`, { id: r.id, name });
      return a;
    });
  }

  removeAsset(id: string, name: string): void {
    this.tx(() => {
      const r = this.row(id);
      const hash = this.q('SELECT asset_hash FROM dossier_assets WHERE dossier_num = ? AND name = ?', true).get(r.num, name) as string | undefined;
      if (hash === undefined) throw new StoreError('not-found', `Dossier ${r.id} has no image named ${name}.`, { id: r.id, name });
      this.q('DELETE FROM dossier_assets WHERE dossier_num = ? AND name = ?').run(r.num, name);
      this.collectAssets([hash]);
    });
  }

  private collectAssets(hashes: Iterable<string>): void {
    const del = this.q('DELETE FROM assets WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM dossier_assets WHERE asset_hash = ?)');
    for (const h of new Set(hashes)) del.run(h, h);
  }

  // -------------------------------------------------------------------------------------------
  // Sharing

  /**
   * The dossier as a `.rapporteur` file (an object: write it with JSON.stringify). History only
   * with `history`; signature images only with `signatures`.
   */
  exportDossier(id: string, opts: { history?: boolean; signatures?: boolean } = {}): RapporteurFile {
    const dossier = this.get(id);
    const iso = (ms: number) => new Date(ms).toISOString();
    const assets = this.read(() => {
      const r = this.row(id);
      return this.db
        .prepare(`SELECT da.name, da.role, a.mime, a.hash, a.data FROM dossier_assets da JOIN assets a ON a.hash = da.asset_hash WHERE da.dossier_num = ? ORDER BY da.name`)
        .all(r.num) as { name: string; role: AssetRole; mime: string; hash: string; data: Buffer }[];
    })
      .filter((a) => a.role !== 'signature' || opts.signatures === true)
      .map((a) => ({ name: a.name, role: a.role, mime: a.mime, sha256: a.hash, data: a.data.toString('base64') }));
    const file: RapporteurFile = {
      format: RAPPORTEUR_FORMAT,
      formatVersion: RAPPORTEUR_FORMAT_VERSION,
      exportedAt: iso(this.now()),
      generator: 'Rapporteur',
      dossier: { title: dossier.title, createdAt: iso(dossier.createdAt), updatedAt: iso(dossier.updatedAt) },
      document: dossier.document,
      assets,
    };
    if (opts.history) {
      const revisions = this.history(id).reverse();
      const documents: Record<string, RDocument> = {};
      for (const rev of revisions) {
        if (!(rev.hash in documents)) documents[rev.hash] = this.revision(id, rev.seq).document;
      }
      file.history = {
        revisions: revisions.map((r) => ({
          seq: r.seq,
          createdAt: iso(r.createdAt),
          reason: r.reason,
          label: r.label,
          locked: r.locked,
          restoredFrom: r.restoredFrom,
          document: r.hash,
        })),
        documents,
      };
    }
    return file;
  }

  /**
   * Imports a `.rapporteur` file or a bare document (JSON text, or an already decoded payload)
   * as a NEW dossier; nothing existing is touched. `name` is used in error messages.
   */
  importText(text: string, name?: string): DossierSummary & { source: ImportPayload['source'] } {
    const payload = readImport(text, name);
    return { ...this.importPayload(payload), source: payload.source };
  }

  importPayload(payload: ImportPayload): DossierSummary {
    const current = this.prepare(payload.document);
    const history = payload.history.map((h) => {
      const prepared = this.prepare(h.document);
      return { ...h, prepared, hash: sha256(prepared.json) };
    });
    return this.tx(() => {
      const { num } = this.insertDossier(current);
      const insert = this.q(
        `INSERT INTO revisions (dossier_num, seq, created_at, reason, label, blob_hash, restored_from, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const h of history) {
        this.ensureBlob(h.hash, h.prepared.json);
        insert.run(num, h.seq, h.createdAt, h.reason, h.label, h.hash, h.restoredFrom, h.locked ? 1 : 0);
      }
      this.recordRevision(num, 'imported', { force: true });
      for (const a of payload.assets) {
        const hash = sha256(a.bytes);
        this.q('INSERT OR IGNORE INTO assets (hash, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, a.mime, a.bytes.length, a.bytes, this.now());
        this.q('INSERT INTO dossier_assets (dossier_num, name, asset_hash, role) VALUES (?, ?, ?, ?)').run(num, a.name, hash, a.role);
      }
      return this.summaryByNum(num);
    });
  }

  // -------------------------------------------------------------------------------------------

  /** Checks the whole file (`PRAGMA integrity_check`); 'ok' when sound. */
  integrityCheck(): string {
    return this.guard(() => (this.q('PRAGMA integrity_check', true).all() as string[]).join('; '));
  }

  /** The SQLite connection, for tests and tools that inspect the file. Do not write through it. */
  get connection(): Db {
    return this.db;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('optimize');
    } catch {
      // optional
    }
    this.db.close();
  }

  /**
   * @internal Called by `openStore`: reconciles the mirrored backup location with the setting, and
   * marks every dossier for reindexing when the indexer changed (SEARCH_INDEX_VERSION).
   */
  onOpen(): void {
    const chosen = this.getSetting<string>(SETTING_BACKUP_DIR) ?? null;
    if ((readBackupLocation(this.dataDir) ?? null) !== chosen) {
      try {
        writeBackupLocation(this.dataDir, chosen);
      } catch {
        // the mirror only helps after damage; failing to write it must not stop the app
      }
    }
    if (this.getSetting<number>(SETTING_INDEX_VERSION) !== SEARCH_INDEX_VERSION) {
      this.tx(() => {
        this.q('UPDATE dossiers SET indexed_version = NULL').run();
        this.writeSetting(SETTING_INDEX_VERSION, SEARCH_INDEX_VERSION);
      });
    }
  }
}

/**
 * Opens the library in `dataDir` (see database.ts for the checks). Rejects with a StoreError a
 * user can read: 'missing-dir', 'read-only', 'corrupt', 'future-version', …
 */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const dir = resolve(dataDir);
  const now = options.now ?? Date.now;
  const opened = await openDatabase(dir, { now, create: options.create ?? false, ...(options.migrations ? { migrations: options.migrations } : {}) });
  const store = new Store(dir, opened.file, opened.db, { ...options, now });
  try {
    store.onOpen();
  } catch (e) {
    store.close();
    throw e;
  }
  return store;
}

