/**
 * Import, pure part: text (as extracted from PDFs, or Markdown-ish) and already-read source
 * paragraphs (from DOCX) → a structured document and a report of what was unsure.
 * Reading files, unzipping DOCX and guessing encodings is done in src/services/import.
 */
import type { Lang } from '../model/schema';
import type { IdGenerator } from '../model/builder';
import { recognize, type ImportReport, type ImportResult } from './recognize';
import { segmentText } from './text';
import { handOver, type HandedOver } from './source';

export type { ImportReport, ImportResult } from './recognize';
export { handOver, HandedOver } from './source';
export type { SourceBlock, SourceParagraph, SourceTable, SourceRun, UnsureItem, UnsureCode, DroppedItem, NumberFormat } from './source';
export { recognize } from './recognize';
export { segmentText } from './text';

export type TextImportOptions = {
  lang?: Lang;
  ids?: IdGenerator;
  warnings?: string[];
  /** A fragment of a document (pasted text): see RecognizeOptions.fragment. */
  fragment?: boolean;
};

/** Text → document. Never drops text: what is not recognised is kept as ordinary paragraphs. */
export function importText(text: string, opts: TextImportOptions = {}): ImportResult {
  const seg = segmentText(text);
  return recognize(handOver(seg.blocks), {
    formatted: seg.flavour === 'markdown',
    dropped: seg.dropped,
    ...(opts.warnings ? { warnings: opts.warnings } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.ids ? { ids: opts.ids } : {}),
    ...(opts.fragment ? { fragment: true } : {}),
  });
}

/** Source paragraphs read from a formatted file (DOCX) → document. */
export function importSource(source: HandedOver, opts: TextImportOptions = {}): ImportResult {
  return recognize(source, {
    formatted: true,
    ...(opts.warnings ? { warnings: opts.warnings } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.ids ? { ids: opts.ids } : {}),
    ...(opts.fragment ? { fragment: true } : {}),
  });
}

export function summary(r: ImportReport): string {
  return `${r.blocks} blocks, ${r.numberedParagraphs} numbered paragraphs, ${r.headings} headings, ${r.annexes} annexes, ${r.unsure.length} unsure`;
}
