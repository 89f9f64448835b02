/**
 * The local store: every dossier of a mission's laptop in one SQLite file, with history,
 * search, trash, settings, images, backups and sharing. No Electron: the app's main process,
 * the CLI and Node tests all use this class.
 *
 * `Store` is a thin front: each concern lives in its own module, as functions of the one
 * connection (./connection.ts) they share:
 *   dossiers.ts   create, open, autosave with conflicts, copy, trash, purge, the list view
 *   revisions.ts  history: automatic, named, finalised revisions; restore; thinning
 *   search.ts     the full-text index and searching it
 *   memory.ts     the translation memory: bitext segments, found through their own index
 *   assets.ts     a dossier's images
 *   share.ts      the `.rapporteur` file: a dossier out of the library and in
 *   team.ts       dossiers shared with a team server, and their offline Yjs copy
 * Settings and backups, small, are here.
 *
 * Rules every part keeps:
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
import { resolve } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import type { Lang, RDocument } from '../../core/model/schema';
import { getAsset, listAssets, putAsset, removeAsset, type AssetRole } from './assets';
import { writeBackup, defaultBackupDir, writeBackupLocation, readBackupLocation, DEFAULT_KEEP_BACKUPS, listBackups, type BackupListing } from './backup';
import { Connection } from './connection';
import { openDatabase } from './database';
import { baselineKey, newEditionDossier, type BaselineRef, type EditionResult } from './editions';
import { closeDossier, copyDossier, createDossier, getDossier, listDossiers, purgeDossier, resolveId, saveDossier, trashDossier, untrashDossier } from './dossiers';
import { StoreError } from './errors';
import { checkWritableDir } from './files';
import type { Migration } from './migrations';
import { findMatches, type MemoryMatch, type MemoryQuery } from './memory';
import { finalize, history, renameRevision, restore, revision, snapshot } from './revisions';
import { row, summaryOf } from './rows';
import { refreshSearchIndex, searchDossiers, SEARCH_INDEX_VERSION } from './search';
import { appendYUpdate, dossierOfShare, offlineCopy, recordTeamShare } from './team';
import type { TeamShare } from '../../shared/team';
import { exportDossier, importPayload, readImport, type ImportPayload, type RapporteurFile } from './share';
import { DEFAULT_THINNING, type ThinningPolicy } from './thinning';
import type { AssetInfo, BackupInfo, Dossier, DossierSummary, ListQuery, RevisionInfo, SaveResult, SearchHit, SearchQuery } from './types';

export { newDossierId } from './rows';

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

const SETTING_BACKUP_DIR = 'backup.dir';
const SETTING_LAST_BACKUP = 'backup.lastAt';
const SETTING_INDEX_VERSION = 'search.indexVersion';

export class Store {
  readonly dataDir: string;
  readonly file: string;
  private readonly c: Connection;
  private readonly backupInterval: number;
  private readonly keepBackups: number;

  /** Use `openStore`. */
  constructor(dataDir: string, file: string, db: Db, options: StoreOptions) {
    this.dataDir = dataDir;
    this.file = file;
    this.c = new Connection(dataDir, file, db, options.now ?? Date.now, {
      revisionInterval: options.revisionIntervalMs ?? DEFAULT_REVISION_INTERVAL,
      thinning: options.thinning ?? DEFAULT_THINNING,
    });
    this.backupInterval = options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL;
    this.keepBackups = options.keepBackups ?? DEFAULT_KEEP_BACKUPS;
  }

  // -------------------------------------------------------------------------------------------
  // Dossiers (dossiers.ts)

  /** A new dossier holding `document` (validated); its first revision is recorded. */
  create(document: unknown): DossierSummary & { revision: RevisionInfo } {
    return createDossier(this.c, document);
  }

  /** The full id of the one dossier whose id starts with `prefix` (for the CLI). */
  resolveId(prefix: string): string {
    return resolveId(this.c, prefix);
  }

  summary(id: string): DossierSummary {
    return this.c.guard(() => summaryOf(row(this.c, id)));
  }

  /** The dossier and its current document, validated on the way out. */
  get(id: string): Dossier {
    return getDossier(this.c, id);
  }

  /** Records dossier `id` as shared with a team server (team.ts). */
  recordTeamShare(id: string, share: TeamShare): void {
    recordTeamShare(this.c, id, share);
  }

  /** The local dossier holding `remoteId` of `server`, if it is in the library. */
  dossierOfShare(server: string, remoteId: string): string | undefined {
    return dossierOfShare(this.c, server, remoteId);
  }

  /** The offline copy of a shared version: append an update, or read it as one (team.ts). */
  appendYUpdate(id: string, lang: Lang, update: Uint8Array): void {
    appendYUpdate(this.c, id, lang, update);
  }

  offlineCopy(id: string, lang: Lang): Uint8Array | null {
    return offlineCopy(this.c, id, lang);
  }

  /** Autosave, based on version `base` ('conflict' when the stored one moved on); answers with the dossier's new summary. */
  save(id: string, document: unknown, opts: { base: number }): SaveResult {
    return saveDossier(this.c, id, document, opts);
  }

  /** The dossier was closed in the editor: records a revision if history lacks the current text, and indexes it. */
  closeDossier(id: string): RevisionInfo | undefined {
    return closeDossier(this.c, id);
  }

  /**
   * This year's edition of a recurring document (editions.ts): a new dossier with new ids linked
   * to the old blocks, the period and dates a year on, the years to review listed; its baseline is
   * the old text, or `opts.baseline` (an imported text of last year's issued report).
   */
  newEdition(id: string, opts: { baseline?: RDocument } = {}): EditionResult {
    return this.c.tx(() => {
      const result = newEditionDossier(this.c, id, opts.baseline);
      this.writeSetting(baselineKey(result.id), result.baseline);
      return result;
    });
  }

  /** The text a dossier's changes are counted from (a new edition's), and how far its ids match; undefined: none. */
  baseline(id: string): { document: RDocument; ids: BaselineRef['ids']; seq: number } | undefined {
    const ref = this.getSetting<BaselineRef>(baselineKey(id));
    if (!ref) return undefined;
    return { document: this.revision(id, ref.seq).document, ids: ref.ids, seq: ref.seq };
  }

  /** A new dossier holding the current text, or revision `seq` (the way to work from a finalised revision). */
  copy(id: string, seq?: number): DossierSummary & { revision: RevisionInfo } {
    return copyDossier(this.c, id, seq);
  }

  trash(id: string): DossierSummary {
    return trashDossier(this.c, id);
  }

  untrash(id: string): DossierSummary {
    return untrashDossier(this.c, id);
  }

  /** Deletes a dossier from the trash for good (never one holding a finalised revision). */
  purge(id: string): void {
    purgeDossier(this.c, id);
  }

  /** The list view: sorted by last change (default), creation or title; filtered by kind, language, trash. */
  list(query: ListQuery = {}): DossierSummary[] {
    return listDossiers(this.c, query);
  }

  // -------------------------------------------------------------------------------------------
  // History (revisions.ts)

  /** A named snapshot of the current text ("Sent to the Secretariat 12 March"), kept forever. */
  snapshot(id: string, label: string): RevisionInfo {
    return snapshot(this.c, id, label);
  }

  /** Finalises (locks) the current text as a new revision, or revision `seq`. */
  finalize(id: string, opts: { label?: string; seq?: number } = {}): RevisionInfo {
    return finalize(this.c, id, opts);
  }

  /** Renames a named snapshot. Finalised revisions cannot be renamed ('locked-revision'). */
  renameRevision(id: string, seq: number, label: string): RevisionInfo {
    return renameRevision(this.c, id, seq, label);
  }

  /** The dossier's revisions, newest first. */
  history(id: string): RevisionInfo[] {
    return history(this.c, id);
  }

  /** One revision and its document (validated). */
  revision(id: string, seq: number): { info: RevisionInfo; document: RDocument } {
    return revision(this.c, id, seq);
  }

  /** Makes revision `seq` the current text again, as a new revision; nothing is overwritten. */
  restore(id: string, seq: number, opts: { base?: number } = {}): { version: number; revision: RevisionInfo } {
    return restore(this.c, id, seq, opts);
  }

  // -------------------------------------------------------------------------------------------
  // Search (search.ts)

  /** Brings the search index up to date with every saved document; returns how many were indexed. */
  refreshSearchIndex(): number {
    return refreshSearchIndex(this.c);
  }

  /** Full-text search, case and accents ignored, best matches first, each with a snippet. */
  search(text: string, query: SearchQuery = {}): SearchHit[] {
    return searchDossiers(this.c, text, query);
  }

  // -------------------------------------------------------------------------------------------
  // Images (assets.ts)

  /** Stores an image under `name` for the dossier (replacing an image of that name). */
  putAsset(id: string, asset: { name: string; role: AssetRole; bytes: Uint8Array; mime?: string }): AssetInfo {
    return putAsset(this.c, id, asset);
  }

  listAssets(id: string): AssetInfo[] {
    return listAssets(this.c, id);
  }

  getAsset(id: string, name: string): AssetInfo & { bytes: Buffer } {
    return getAsset(this.c, id, name);
  }

  removeAsset(id: string, name: string): void {
    removeAsset(this.c, id, name);
  }

  // -------------------------------------------------------------------------------------------
  // Sharing (share.ts)

  /** The dossier as a `.rapporteur` file; history only with `history`, signature images only with `signatures`. */
  exportDossier(id: string, opts: { history?: boolean; signatures?: boolean } = {}): RapporteurFile {
    return exportDossier(this.c, id, opts);
  }

  /** Imports a `.rapporteur` file or a bare document (JSON text) as a NEW dossier. `name` is used in error messages. */
  importText(text: string, name?: string): DossierSummary & { source: ImportPayload['source'] } {
    const payload = readImport(text, name);
    return { ...importPayload(this.c, payload), source: payload.source };
  }

  importPayload(payload: ImportPayload): DossierSummary {
    return importPayload(this.c, payload);
  }

  /**
   * Translation memory: exact and near matches of `text` (in `source`) among the bitexts of the
   * library, with their translation into `target` and where they come from (see memory.ts).
   */
  translationMemory(text: string, source: Lang, target: Lang, query: MemoryQuery = {}): MemoryMatch[] {
    if (typeof text !== 'string' || text.length > 20_000) throw new StoreError('invalid-request', 'The text to match is at most 20,000 characters.', {});
    this.refreshSearchIndex();
    return this.c.read(() => findMatches(this.c.db, text, source, target, query));
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  getSetting<T = unknown>(key: string): T | undefined {
    return this.c.guard(() => {
      const v = this.c.q('SELECT value FROM settings WHERE key = ?', true).get(key) as string | undefined;
      return v === undefined ? undefined : (JSON.parse(v) as T);
    });
  }

  /** Stores a JSON value (undefined deletes the setting). */
  setSetting(key: string, value: unknown): void {
    this.c.tx(() => this.writeSetting(key, value));
  }

  private writeSetting(key: string, value: unknown): void {
    if (value === undefined) this.c.q('DELETE FROM settings WHERE key = ?').run(key);
    else {
      const json = JSON.stringify(value);
      if (json === undefined) throw new StoreError('invalid-request', `Setting ${key} must be a JSON value.`, { key });
      this.c.q('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json);
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
    this.c.tx(() => this.writeSetting(SETTING_BACKUP_DIR, value ?? undefined));
    this.c.guard(() => writeBackupLocation(this.dataDir, value));
  }

  /** Takes a backup now (online: the library stays usable). Keeps the newest 7. */
  async backup(): Promise<BackupInfo> {
    const dir = this.backupDir();
    const now = this.c.now();
    const isDefault = resolve(dir) === resolve(defaultBackupDir(this.dataDir));
    const info = await this.c.guardAsync(() => writeBackup(this.c.db, dir, now, { keep: this.keepBackups, create: isDefault }));
    this.setSetting(SETTING_LAST_BACKUP, now);
    return info;
  }

  /** Takes a backup if the last one is older than the backup interval (a day); else does nothing. */
  async maybeBackup(): Promise<BackupInfo | undefined> {
    const last = this.getSetting<number>(SETTING_LAST_BACKUP);
    if (last !== undefined && this.c.now() - last < this.backupInterval) return undefined;
    return this.backup();
  }

  /** Every backup that can be found for this library, newest first. */
  listBackups(): BackupListing[] {
    return listBackups(this.dataDir);
  }

  // -------------------------------------------------------------------------------------------

  /** Checks the whole file (`PRAGMA integrity_check`); 'ok' when sound. */
  integrityCheck(): string {
    return this.c.guard(() => (this.c.q('PRAGMA integrity_check', true).all() as string[]).join('; '));
  }

  /** The SQLite connection, for tests and tools that inspect the file. Do not write through it. */
  get connection(): Db {
    return this.c.db;
  }

  close(): void {
    this.c.close();
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
      this.c.tx(() => {
        this.c.q('UPDATE dossiers SET indexed_version = NULL').run();
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
