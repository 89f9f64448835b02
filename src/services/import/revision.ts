/**
 * A returned version: a DOCX edited elsewhere (e.g. by the Secretariat) brought in as a new
 * revision of an existing dossier, its blocks matched to the draft's by number and text
 * (src/core/import/match.ts), and compared with it (src/core/compare) to say what was changed.
 *
 * The draft is kept as a named revision first ("Before the returned version"), then the matched
 * returned text becomes the current text, recorded as a named revision ("Returned version").
 * When the returned DOCX carries its own tracked changes, the revision holds its text with them
 * accepted, and the comparison lists them, on their blocks, as their authors'. Its comments are
 * kept as notes on their blocks (`notes` in the document, core/import/notes.ts), beside the draft's.
 */
import type { Lang, Note } from '../../core/model/schema';
import type { ImportReport } from '../../core/import';
import { matchRevision, type MatchResult } from '../../core/import/match';
import { compareDocuments, type CompareResult } from '../../core/compare';
import { attributeTracked } from '../../core/compare/tracked';
import { StoreError, type Store } from '../store';
import type { RevisionInfo } from '../store/types';
import { importBytes } from './index';

export type RevisionImport = {
  /** The revision holding the draft as it was, and the one holding the returned version. */
  before: RevisionInfo;
  revision: RevisionInfo;
  version: number;
  matched: MatchResult['matched'];
  added: string[];
  removed: string[];
  report: ImportReport;
  /** The draft compared with the returned version, in the returned version's language; the file's own tracked changes on their blocks. */
  comparison: CompareResult;
  /** How many tracked changes the returned file carried. */
  tracked: number;
  /** The file's comments, kept as notes on the blocks of the saved text. */
  notes: Note[];
};

export function importRevision(store: Store, dossierId: string, docxBytes: Uint8Array, opts: { name?: string; lang?: Lang; label?: string; beforeLabel?: string; base?: number } = {}): RevisionImport {
  const dossier = store.get(dossierId);
  if (opts.base !== undefined && opts.base !== dossier.version) {
    throw new StoreError('conflict', `Dossier ${dossierId} was changed elsewhere after this copy was opened (version ${opts.base}, the saved dossier is at version ${dossier.version}). Nothing was imported; reload the dossier and import again.`, { id: dossierId, base: opts.base, current: dossier.version, updatedAt: dossier.updatedAt });
  }
  const draft = dossier.document;
  const name = opts.name ?? 'returned.docx';
  const imported = importBytes(docxBytes, { name, ...(opts.lang ? { lang: opts.lang } : {}) });
  const lang = imported.report.language;
  const result = matchRevision(draft, imported.doc, lang);
  // the matched text carries the draft's ids: the comparison reads the same pairs by id
  const tracked = imported.tracked ?? [];
  const comparison = attributeTracked(compareDocuments(draft, result.doc, lang, { ids: 'trust' }), tracked);
  const before = store.snapshot(dossierId, opts.beforeLabel ?? 'Before the returned version');
  const saved = store.save(dossierId, result.doc, { base: dossier.version });
  const revision = store.snapshot(dossierId, opts.label ?? `Returned version (${name})`);
  const draftNotes = new Set((draft.notes ?? []).map((n) => n.id));
  const notes = (result.doc.notes ?? []).filter((n) => !draftNotes.has(n.id));
  return { before, revision, version: saved.version, matched: result.matched, added: result.added, removed: result.removed, report: imported.report, comparison, tracked: tracked.reduce((n, p) => n + p.changes.length, 0), notes };
}
