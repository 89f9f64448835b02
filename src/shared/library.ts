/**
 * The library's data as it crosses layers: plain values the store returns and the IPC contract
 * carries, and the schemas of the queries it answers (the contract validates with them, the store
 * takes their types). Defined once here, because the contract may not import the services.
 */
import { z } from 'zod';
import { documentKindSchema, langSchema, type DocumentKind, type Lang, type RDocument } from '../core/model/schema';
import type { WordRun } from '../core/compare/types';
import type { TeamShare } from './team';

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

export const revisionReasonSchema = z.enum(['created', 'imported', 'copied', 'auto', 'close', 'named', 'final', 'restore']);
export type RevisionReason = z.infer<typeof revisionReasonSchema>;

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

/** `team`: present only for a dossier shared with a team server (issue 15), so the editor knows at once whether to bind it. */
export type Dossier = DossierSummary & { document: RDocument; team?: TeamShare };

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

export const trashFilterSchema = z.enum(['exclude', 'only', 'include']);
export type TrashFilter = z.infer<typeof trashFilterSchema>;

/** The list view: sorted by last change (default), creation or title; filtered by kind, language, trash. */
export const listQuerySchema = z
  .object({
    sort: z.enum(['updated', 'created', 'title']).optional(),
    /** Default: newest first for dates, A→Z for titles. */
    direction: z.enum(['asc', 'desc']).optional(),
    kind: documentKindSchema.optional(),
    /** Only dossiers that have text in this language. */
    language: langSchema.optional(),
    /** Default 'exclude': the trash is only listed when asked. */
    trash: trashFilterSchema.optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuerySchema>;

/** What a search is narrowed to (the words to find come beside it). */
export const searchQuerySchema = z
  .object({
    kind: documentKindSchema.optional(),
    language: langSchema.optional(),
    trash: trashFilterSchema.optional(),
    /** Default 50. */
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** What a save did: the dossier as it now is (title, version… as the library lists it). */
export type SaveResult = DossierSummary & {
  /** False when the document was identical to the stored one (nothing was written). */
  changed: boolean;
  /** The automatic revision this save recorded, if it was time for one. */
  revision: RevisionInfo | undefined;
};

/** A save refused as 'conflict': the version the copy was based on, and the one stored. */
export type ConflictDetails = { id: string; base: number; current: number; updatedAt: number };

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
