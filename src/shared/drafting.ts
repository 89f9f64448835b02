/**
 * Values of the channels the drafting screens use (issue 12a: comparing revisions, finalising,
 * importing files and returned versions, duplicating, emptying the trash), as they cross the
 * IPC boundary. Plain data; the channels themselves are declared in ./ipc-contract.ts.
 */
import type { CompareResult } from '../core/compare/types';
import type { UnsureItem } from '../core/import/source';
import type { Dossier, DossierSummary, RevisionInfo } from './library';

/** The largest file the window sends for an import (a DOCX with images; the host's body limit allows its base64). */
export const MAX_IMPORT_BYTES = 24 * 1024 * 1024;

/** One side of a comparison: a revision's number, or the dossier's current text. */
export type RevisionSide = number | 'current';

export type ImportFormat = 'docx' | 'text' | 'rapporteur';

/** A file imported as a new dossier, with what the importer was unsure of (each at its block or part when known). */
export type ImportedDossier = {
  dossier: Dossier;
  format: ImportFormat;
  unsure: UnsureItem[];
  /** Notes on the reading itself ("read as windows-1252"), in English as the importer writes them. */
  warnings: string[];
  /** How many lines of page furniture were left out on purpose. */
  dropped: number;
};

/** A returned version (a DOCX edited elsewhere) brought in as a new revision, and how it differs from the draft. */
export type ReturnedVersion = {
  dossier: Dossier;
  /** The draft as it was, kept as a named revision; the returned version's revision. */
  before: RevisionInfo;
  revision: RevisionInfo;
  /** The draft compared with the returned version. */
  comparison: CompareResult;
  /** Tracked changes the returned file carried (accepted in the revision). */
  tracked: number;
  /** Comments the returned file carried, kept as notes on their blocks (`notes` in the document). */
  notes: number;
};

export type EmptiedTrash = {
  /** Dossiers deleted for good. */
  purged: number;
  /** Dossiers kept because they hold a finalised revision, which is never deleted. */
  kept: DossierSummary[];
};
