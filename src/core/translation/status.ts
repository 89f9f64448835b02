/**
 * Where a translation stands, block by block: the rows a translator works through (every part
 * title and block that carries words in the source language, in document order), each
 * untranslated, translated or outdated.
 *
 * A target block is translated when it has words and records the hash of the source text it was
 * made from (`sourceHash`) equal to the source's text now; outdated when the source changed since
 * (the hashes differ); untranslated when it has no words, or words that no translator has
 * confirmed yet (a copy of the source to overwrite carries no sourceHash).
 */
import type { BlockKind, BlockText, Lang, RDocument } from '../model/schema';
import { textHash } from '../model/hash';
import { walkDocument } from '../model/walk';

export type RowStatus = 'untranslated' | 'translated' | 'outdated';

export type TranslationRow = {
  /** The part (its authored title) or block id. */
  id: string;
  kind: BlockKind | 'part-title';
  partId: string;
  status: RowStatus;
};

export type TranslationProgress = { rows: number; translated: number; outdated: number; untranslated: number; percent: number };

/** Blocks whose words are generated (or that have none of their own) are not translated by hand. */
const NO_WORDS_OF_THEIR_OWN: ReadonlySet<BlockKind> = new Set(['pageBreak', 'closing', 'opening', 'signature', 'table', 'quote', 'participants']);

/** Whether a block's text has words of its own (a reference or a footnote counts; spaces do not). */
export const hasWords = (t: BlockText | undefined): boolean => t !== undefined && t.content.some((r) => r.type !== 'text' || r.text.trim() !== '');

/** The status of one block's translation from `source` into `target`. */
export function rowStatus(doc: RDocument, id: string, source: Lang, target: Lang): RowStatus {
  const t = doc.text[target]?.[id];
  if (!hasWords(t) || t!.sourceHash === undefined) return 'untranslated';
  return t!.sourceHash === textHash(doc.text[source]?.[id]) ? 'translated' : 'outdated';
}

/** Every row of the translation, in document order. */
export function translationRows(doc: RDocument, source: Lang, target: Lang): TranslationRow[] {
  const rows: TranslationRow[] = [];
  const src = doc.text[source] ?? {};
  walkDocument(doc, {
    part: (part) => {
      if (hasWords(src[part.id])) rows.push({ id: part.id, kind: 'part-title', partId: part.id, status: rowStatus(doc, part.id, source, target) });
    },
    block: (block, ctx) => {
      if (NO_WORDS_OF_THEIR_OWN.has(block.kind) || !hasWords(src[block.id])) return;
      rows.push({ id: block.id, kind: block.kind, partId: ctx.part.id, status: rowStatus(doc, block.id, source, target) });
    },
  });
  return rows;
}

export function translationProgress(rows: readonly TranslationRow[]): TranslationProgress {
  let translated = 0;
  let outdated = 0;
  for (const r of rows) {
    if (r.status === 'translated') translated++;
    else if (r.status === 'outdated') outdated++;
  }
  const untranslated = rows.length - translated - outdated;
  return { rows: rows.length, translated, outdated, untranslated, percent: progressPercent(translated, rows.length) };
}

/**
 * The share translated, in whole percent, as a translator reads it: rounded, but a started desk
 * never reads 0 % (1 of 1,000 is 1 %) and only a finished one reads 100 % (999 of 1,000 is 99 %).
 */
export function progressPercent(done: number, all: number): number {
  if (all === 0 || done >= all) return 100;
  if (done <= 0) return 0;
  return Math.min(99, Math.max(1, Math.round((done / all) * 100)));
}

/** The next row after `afterId` (wrapping round) that is untranslated or outdated. */
export function nextToTranslate(rows: readonly TranslationRow[], afterId: string | undefined): TranslationRow | undefined {
  const start = afterId === undefined ? -1 : rows.findIndex((r) => r.id === afterId);
  for (let k = 1; k <= rows.length; k++) {
    const r = rows[(start + k + rows.length) % rows.length]!;
    if (r.status !== 'translated') return r;
  }
  return undefined;
}
