/** Public data types of the store: plain objects, safe to send over IPC. */
import type { DocumentKind, Lang, RDocument } from '../../core/model/schema';
import type { RevisionReason } from './thinning';

export type { RevisionReason } from './thinning';

/** What a list shows about a dossier. Times are milliseconds since the epoch (UTC). */
export type DossierSummary = {
  id: string;
  title: string;
  kind: DocumentKind;
  originalLanguage: Lang;
  /** Languages that have text. */
  languages: Lang[];
  symbols: string[];
  createdAt: number;
  updatedAt: number;
  /** Grows on every change of the current document; a save names the version it was based on. */
  version: number;
  /** When it was put in the trash; null for a live dossier. */
  trashedAt: number | null;
};

export type Dossier = DossierSummary & { document: RDocument };

export type RevisionInfo = {
  /** 1, 2, 3… within the dossier. */
  seq: number;
  createdAt: number;
  reason: RevisionReason;
  /** Name of a named snapshot or finalised revision. */
  label: string | null;
  /** Finalised (signed): can be copied or restored from, never changed or deleted. */
  locked: boolean;
  /** For a restore: the revision that was restored. */
  restoredFrom: number | null;
  /** SHA-256 of the document's JSON; equal hashes are equal documents. */
  hash: string;
  /** Size of the document's JSON in bytes. */
  size: number;
};

export type TrashFilter = 'exclude' | 'only' | 'include';

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

/** A run of snippet text; `hit` marks the words that matched. */
export type SnippetPart = { text: string; hit: boolean };

export type SearchHit = DossierSummary & {
  /** bm25 score: lower is better (the list is already sorted best first). */
  score: number;
  snippet: SnippetPart[];
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
