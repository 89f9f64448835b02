/**
 * Language versions: how much text each one holds, which parts and blocks it still lacks, and
 * which version a reader gets when they do not say (the CLI's export, outline, title and check,
 * and the version a dossier opens in). One rule for all of them: the original language when it
 * has text, else the version with the most text. A French version of an English original (seeds
 * 002–004, imported from the French PDF) holds French only: it opens, and exports, in French.
 */
import { LANGS, type Inline, type Lang, type RDocument } from './schema';
import { listBlocks, listParts } from './walk';

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** Words in a piece of text, as the Editorial Manual counts them ("l'ONU" and "27-28" are one). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

function inlineWords(content: Inline[]): number {
  let n = 0;
  for (const run of content) {
    if (run.type === 'text') n += countWords(run.text);
    else if (run.type === 'footnote') n += inlineWords(run.content);
  }
  return n;
}

/** Words of the authored text in one language (titles, blocks and footnotes; generated text aside). */
export function versionWords(doc: RDocument, lang: Lang): number {
  let n = 0;
  for (const t of Object.values(doc.text[lang] ?? {})) n += inlineWords(t.content);
  return n;
}

/**
 * Ids of the parts and blocks that have words in another language but none in this one: what a
 * reader of this version would find missing (the exports mark each of them).
 */
export function missingText(doc: RDocument, lang: Lang): Set<string> {
  const here = doc.text[lang] ?? {};
  const others = LANGS.filter((l) => l !== lang).map((l) => doc.text[l] ?? {});
  const ids = [...listParts(doc).map((p) => p.part.id), ...listBlocks(doc).map((b) => b.block.id)];
  return new Set(ids.filter((id) => here[id] === undefined && others.some((layer) => layer[id] !== undefined)));
}

const ANY_WORD = /[\p{L}\p{N}]/u;

function hasWords(content: Inline[]): boolean {
  return content.some((run) => (run.type === 'text' ? ANY_WORD.test(run.text) : run.type === 'footnote' && hasWords(run.content)));
}

/** The version to read when none is asked for: the original language if it has text, else the one with the most. */
export function defaultVersion(doc: RDocument): Lang {
  const original = doc.meta.originalLanguage;
  // The usual case stops at the original's first word: the store derives titles on every save.
  if (Object.values(doc.text[original] ?? {}).some((t) => hasWords(t.content))) return original;
  let best = original;
  let most = 0;
  for (const lang of LANGS) {
    const words = versionWords(doc, lang);
    if (words > most) {
      best = lang;
      most = words;
    }
  }
  return best;
}
