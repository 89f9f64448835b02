/** Public data types of the store: plain objects, safe to send over IPC. Those the contract carries are defined in src/shared/library.ts. */
import type { AssetRole } from './assets';

export type {
  ConflictDetails,
  Dossier,
  DossierSummary,
  ListQuery,
  RevisionInfo,
  RevisionReason,
  SaveResult,
  SearchHit,
  SearchQuery,
  SnippetPart,
  TrashFilter,
} from '../../shared/library';

export type { AssetRole } from './assets';

export type AssetInfo = { name: string; role: AssetRole; mime: string; size: number; hash: string };

export type BackupInfo = { file: string; takenAt: number; size: number };
