/**
 * The import service (Node; no Electron): a file or its bytes → a structured document and a
 * report. Formats are told by content first (a zip is a DOCX, "{" a Rapporteur JSON), by the
 * file name second; text is decoded with its encoding detected (decode.ts).
 *
 * Every failure is an ImportError with a plain sentence; nothing here throws anything else for
 * bad input, and nothing is dropped without being reported.
 */
import { counted } from '../../core/locale/counted';
import { basename } from 'node:path';
import type { Lang } from '../../core/model/schema';
import { structureCounts } from '../../core/model/walk';
import { handOver, importSource, importText, type ImportResult, type SourceBlock } from '../../core/import';
import { NothingToImportError } from '../../core/import/nothing';
import { lineText } from '../../core/import/source';
import type { TrackedParagraph } from '../../core/compare/types';
import { placeComments, type FileComment } from '../../core/import/notes';
import { readImport } from '../store/share';
import { decodeText } from './decode';
import { readDocx } from './docx';
import { ImportError, MAX_DOCX_BYTES, MAX_TEXT_BYTES } from './errors';
import { readRegularFile } from './read-file';

export { ImportError, MAX_TEXT_BYTES, MAX_DOCX_BYTES } from './errors';
export { decodeText } from './decode';
export { readDocx } from './docx';
export { readRegularFile } from './read-file';

export type ImportOptions = { lang?: Lang; name?: string };
export type ImportFormat = 'docx' | 'text' | 'rapporteur';
/**
 * For a DOCX, `tracked` lists its own tracked changes per paragraph (the text is read with them
 * accepted), and `comments` its comments, which the document also keeps as notes on their blocks.
 */
export type FileImportResult = ImportResult & { format: ImportFormat; tracked?: TrackedParagraph[]; comments?: FileComment[] };

function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
}

/**
 * True when a DOCX holds nothing a word processor added: no table, heading, automatic number or
 * bold, and every paragraph in one preformatted or plain-text style — a text file in a .docx wrapper.
 */
function isTextInWord(blocks: SourceBlock[]): boolean {
  if (blocks.length < 3) return false;
  const styles = new Set<string>();
  for (const b of blocks) {
    if (b.type !== 'para' || b.heading !== undefined || b.numbering !== undefined) return false;
    if (b.lines.some((l) => l.runs.some((r) => r.type === 'footnote' || r.marks?.includes('bold')))) return false;
    styles.add(b.style ?? '');
  }
  // Only the styles a text file gets when a word processor opens it: a document written in Word
  // whose paragraphs are all "Normal" is a document of paragraphs, not of wrapped lines.
  return styles.size === 1 && /^(Preformatted ?Text|Plain ?Text)$/i.test([...styles][0]!);
}

/** The file's comments as notes on the imported document's blocks; those not found on a block said in a warning. */
function keepComments(result: FileImportResult, comments: FileComment[], name: string | undefined): void {
  result.comments = comments;
  const { notes, unplaced } = placeComments(result.doc, result.report.language, comments, name);
  if (notes.length > 0) result.doc = { ...result.doc, notes: [...(result.doc.notes ?? []), ...notes] };
  if (unplaced.length > 0) result.report.warnings.push(`${counted(unplaced.length, 'comment', 'comments')} whose paragraph was not found (in a footnote, or left out): kept as notes on the document, each quoting its paragraph.`);
}

/** Imports the bytes of a file; `name` (the file name) is used for messages and as a hint. */
export function importBytes(bytes: Uint8Array, opts: ImportOptions = {}): FileImportResult {
  try {
    return importAny(bytes, opts);
  } catch (e) {
    if (e instanceof NothingToImportError) throw new ImportError('empty', `${opts.name ?? 'the file'}: ${e.message}.`);
    throw e;
  }
}

function importAny(bytes: Uint8Array, opts: ImportOptions = {}): FileImportResult {
  const name = opts.name ?? 'the file';
  const lower = name.toLowerCase();
  if (bytes.length === 0) throw new ImportError('empty', `${name} is empty: there is nothing to import.`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || lower.endsWith('.docx') || lower.endsWith('.docm') || lower.endsWith('.dotx')) {
    const read = readDocx(bytes, name);
    if (isTextInWord(read.blocks)) {
      // A text file saved as .docx (LibreOffice opens a .txt as one "Preformatted Text"
      // paragraph per line): its lines are read as the text they are, wrapped lines rejoined.
      const text = read.blocks.map((b) => (b.type === 'para' ? b.lines.map(lineText).join('\n') : '')).join('\n');
      const result: FileImportResult = { ...importText(text, { ...(opts.lang ? { lang: opts.lang } : {}), warnings: [...read.warnings, 'a text file saved as .docx: read as text'] }), format: 'docx' };
      if (read.comments.length > 0) keepComments(result, read.comments, opts.name);
      return result;
    }
    const result: FileImportResult = { ...importSource(handOver(read.blocks), { ...(opts.lang ? { lang: opts.lang } : {}), warnings: read.warnings }), format: 'docx' };
    if (read.tracked.length > 0) result.tracked = read.tracked;
    if (read.comments.length > 0) keepComments(result, read.comments, opts.name);
    return result;
  }
  if (lower.endsWith('.doc') || lower.endsWith('.pdf') || lower.endsWith('.odt')) {
    throw new ImportError('unsupported', `${name}: this format cannot be imported. Save it as .docx (Word) or as text, and import that.`);
  }
  if ((lower.endsWith('.rapporteur') || lower.endsWith('.json')) && looksLikeJson(bytes)) {
    const decoded = decodeText(bytes, name);
    let payload;
    try {
      payload = readImport(decoded.text, name);
    } catch (e) {
      throw new ImportError('invalid-document', (e as Error).message);
    }
    const doc = payload.document;
    return {
      doc,
      format: 'rapporteur',
      report: { ...structureCounts(doc), unsure: [], warnings: decoded.warnings, dropped: [], language: doc.meta.originalLanguage, kind: doc.meta.kind },
    };
  }
  const decoded = decodeText(bytes, name);
  if (decoded.text.trim() === '') throw new ImportError('empty', `${name} holds only blank space: there is nothing to import.`);
  const warnings = [...decoded.warnings];
  if (decoded.encoding !== 'utf-8') warnings.unshift(`read as ${decoded.encoding}`);
  const result = importText(decoded.text, { ...(opts.lang ? { lang: opts.lang } : {}), warnings });
  return { ...result, format: 'text' };
}

/** Imports a file from disk: only a regular file, read no further than the limit for its kind. */
export async function importFile(path: string, opts: Omit<ImportOptions, 'name'> = {}): Promise<FileImportResult> {
  const name = basename(path);
  const docx = /\.(docx|docm|dotx)$/i.test(name);
  const bytes = await readRegularFile(path, {
    name,
    limit: docx ? MAX_DOCX_BYTES : MAX_TEXT_BYTES,
    tooLarge: (size, limit) =>
      docx ? `${name} is too large to import (${size}; the limit is ${limit}).` : `${name} is too large to import as text (${size}; the limit is ${limit}). Split it, or import the DOCX instead.`,
  });
  return importBytes(bytes, { ...opts, name });
}
