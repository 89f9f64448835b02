/**
 * The local store service: `openStore(dataDir, options)` → `Store`. No Electron import, so the
 * app's main process, the CLI and Node tests all use it. See docs/store.md.
 */
export { openStore, Store, newDossierId, DEFAULT_REVISION_INTERVAL, DEFAULT_BACKUP_INTERVAL, type StoreOptions } from './store';
export { StoreError, isStoreError, asResult, STORE_ERROR_CODES, type StoreErrorCode } from './errors';
export { restoreBackup, startEmpty, listBackups, scheduleBackups, readRecoveryState, DB_FILE, type RestoreOutcome, type BackupListing } from './backup';
export { readImport, exportFileName, RAPPORTEUR_EXTENSION, RAPPORTEUR_FORMAT_VERSION, type RapporteurFile, type ImportPayload } from './share';
export { revisionsToThin, DEFAULT_THINNING, type ThinningPolicy, type RevisionReason } from './thinning';
export { LATEST_VERSION, MIGRATIONS } from './migrations';
export type * from './types';
export { defaultDataDir, libraryLocation, type LibraryLocation } from './location';
