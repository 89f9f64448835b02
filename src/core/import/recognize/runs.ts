/**
 * The recogniser's helpers on a source's runs and text: slicing runs at a text offset, dropping
 * a mark, counting words, what reads like a heading, a paragraph's plain text (cached), and the
 * language of the whole source.
 */
import type { Lang } from '../../model/schema';
import type { SourceBlock, SourceParagraph, SourceRun } from '../source';
import { paragraphRuns, runsText } from '../source';

export function sliceRuns(runs: SourceRun[], start: number): SourceRun[] {
  const out: SourceRun[] = [];
  let skip = start;
  for (const r of runs) {
    if (r.type !== 'text') {
      if (skip <= 0) out.push(r);
      continue;
    }
    if (skip >= r.text.length) {
      skip -= r.text.length;
      continue;
    }
    out.push(skip > 0 ? { ...r, text: r.text.slice(skip) } : r);
    skip = 0;
  }
  return out;
}

export function dropMarks(runs: SourceRun[], mark: 'bold' | 'italic'): SourceRun[] {
  return runs.map((r) => {
    if (r.type !== 'text' || !r.marks?.includes(mark)) return r;
    const marks = r.marks.filter((m) => m !== mark);
    return marks.length > 0 ? { ...r, marks } : { type: 'text', text: r.text };
  });
}

/** What `\s` matches in a regular expression, by UTF-16 code unit. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Words (runs of what is not `\s`) in `text`, counted up to 1,000 (every caller compares with far
 * less; a 20 MB run is not split). Counted by character: a regular expression's match per word
 * was the recogniser's largest allocation on a long document.
 */
export function words(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length && n < 1000; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export const STRONG_TERMINAL = /[.;:!?…,]["”»’)\]]*$/;

export function headingLike(text: string, maxWords = 20): boolean {
  const t = text.trim();
  return t !== '' && words(t) <= maxWords && !STRONG_TERMINAL.test(t);
}

export function sliceRunsEnd(runs: SourceRun[], end: number): SourceRun[] {
  const out: SourceRun[] = [];
  let left = end;
  for (const r of runs) {
    if (r.type !== 'text') {
      if (left > 0) out.push(r);
      continue;
    }
    if (left <= 0) break;
    out.push(r.text.length <= left ? r : { ...r, text: r.text.slice(0, left) });
    left -= r.text.length;
  }
  return out;
}

const textCache = new WeakMap<SourceParagraph, string>();
/** Plain text of a source paragraph (cached: lookahead reads the same paragraphs again). */
export function textOf(p: SourceParagraph): string {
  let t = textCache.get(p);
  if (t === undefined) {
    t = runsText(paragraphRuns(p));
    textCache.set(p, t);
  }
  return t;
}

/** The first 60,000 characters of text, enough to tell the language. */
export function sample(source: SourceBlock[]): string {
  let out = '';
  for (const s of source) {
    if (s.type !== 'para') continue;
    out += `${textOf(s)}\n`;
    if (out.length > 60_000) break;
  }
  return out;
}

export function detectLanguage(text: string): Lang {
  const sample = ` ${text.slice(0, 60_000).toLowerCase()} `;
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  const fr = count(/\s(?:le|la|les|des|du|et|est|une|pour|dans|sur|au|aux|qui|par)\s/g);
  const en = count(/\s(?:the|of|and|is|to|for|in|on|that|with|by|which|was)\s/g);
  return en > fr ? 'en' : 'fr';
}
