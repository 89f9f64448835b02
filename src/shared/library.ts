/**
 * The library's data as it crosses layers: plain values the store returns and the IPC contract
 * carries (src/services/store re-exports them; src/shared/ipc-contract.ts uses them). Defined
 * once here, because the contract may not import the services.
 */
import type { DocumentKind, Lang, RDocument } from '../core/model/schema';
import type { WordRun } from '../core/compare/types';

export const STORE_ERROR_CODES = [
  /** The data folder does not exist (or is not a folder). */
  'missing-dir',
  /** The data folder or the database file cannot be written. */
  'read-only',
  /** The database file is damaged; it has been moved aside (see details). */
  'corrupt',
  /** The database was written by a newer version of Rapporteur. */
  'future-version',
  /** A migration failed; the database was left as it was. */
  'migration-failed',
  /** Another program keeps the database locked. */
  'busy',
  /** The disk is full. */
  'disk-full',
  /** The operating system reported a read or write error. */
  'io-error',
  /** The save was based on an older version of the dossier than the one stored. */
  'conflict',
  /** No such dossier, revision, asset or backup. */
  'not-found',
  /** A finalised (signed) revision cannot be changed or deleted. */
  'locked-revision',
  /** A document failed validation (on the way in, or a stored row on the way out). */
  'invalid-document',
  /** A file to import is not a document or a .rapporteur file, or is damaged. */
  'invalid-file',
  /** An image to store is not a supported image or is too large. */
  'invalid-asset',
  /** A backup could not be written or read. */
  'backup-failed',
  /** A request the store cannot act on (bad argument). */
  'invalid-request',
  /** The store has been closed. */
  'closed',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export type RevisionReason = 'created' | 'imported' | 'copied' | 'auto' | 'close' | 'named' | 'final' | 'restore';

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

/** A run of snippet text; `hit` marks the words that matched. */
export type SnippetPart = { text: string; hit: boolean };

export type SearchHit = DossierSummary & {
  /** bm25 score: lower is better (the list is already sorted best first). */
  score: number;
  snippet: SnippetPart[];
};

/** A translation memory's match for the text of a row being translated (services/store/memory.ts). */
export type MemoryMatch = {
  /** 100 for the same text; else the share of words in common, in order. */
  percent: number;
  /** The memory's text in the source language, and its translation. */
  source: string;
  target: string;
  /** From the memory's source (deleted words) to the text being translated (inserted words). */
  runs: WordRun[];
  dossierId: string;
  dossierTitle: string;
  blockId: string;
  /** The block's label in that dossier ("12.", "b)"), '' when it has none. */
  label: string;
};
