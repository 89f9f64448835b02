/** Public data types of the store: plain objects, safe to send over IPC. */
import type { DocumentKind, Lang } from '../../core/model/schema';
import type { RevisionInfo, TrashFilter } from '../../shared/library';

export type { Dossier, DossierSummary, RevisionInfo, RevisionReason, SearchHit, SnippetPart, TrashFilter } from '../../shared/library';



export type ListQuery = {
  sort?: 'updated' | 'created' | 'title';
  /** Default: newest first for dates, A→Z for titles. */
  direction?: 'asc' | 'desc';
  kind?: DocumentKind;
  /** Only dossiers that have text in this language. */
  language?: Lang;
  /** Default 'exclude': the trash is only listed when asked. */
  trash?: TrashFilter;
  limit?: number;
  offset?: number;
};

export type SearchQuery = {
  kind?: DocumentKind;
  language?: Lang;
  trash?: TrashFilter;
  /** Default 50. */
  limit?: number;
};

export type SaveResult = {
  version: number;
  /** False when the document was byte-identical to the stored one (nothing was written). */
  changed: boolean;
  /** The automatic revision this save recorded, if it was time for one. */
  revision: RevisionInfo | undefined;
};

export type AssetRole = 'image' | 'letterhead' | 'signature';

export type AssetInfo = { name: string; role: AssetRole; mime: string; size: number; hash: string };

export type BackupInfo = { file: string; takenAt: number; size: number };
