/**
 * Plain text → source paragraphs, for text extracted from UN PDFs (line-wrapped, page furniture,
 * superscripts split onto their own lines) and for Markdown-ish text (# headings, **bold**,
 * *italic*, M^{me}, - bullets, | tables |, [^1] footnotes).
 *
 * This file only cuts the text into paragraphs and drops page furniture; what each paragraph IS
 * (a numbered paragraph, a heading, a signature…) is decided by recognize/ (blocks.ts), the same code that
 * reads DOCX. Every line either ends up in a paragraph or is listed in `dropped` with a reason.
 */
import type { Mark } from '../model/schema';
import type { DroppedItem, SourceBlock, SourceLine, SourceParagraph, SourceRun, SourceTable, SourceTextRun } from './source';
import { mergeRuns } from './source';

export type TextFlavour = 'pdf' | 'markdown';

export type SegmentResult = {
  blocks: SourceBlock[];
  dropped: DroppedItem[];
  flavour: TextFlavour;
  /** true when nearly every line of the text is followed by a blank line (blank lines then mean nothing). */
  dense: boolean;
};

type RawLine = { no: number; raw: string; text: string; indent: number };

// ---------------------------------------------------------------------------------------------
// Page furniture

const FURNITURE: [RegExp, string][] = [
  [/^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,3}\s*$/, 'job number'],
  [/^\d{6}(?:\s+\d{6})*\s*$/, 'date stamp'],
  [/^\*\d{7}\*\s*$/, 'barcode'],
  [/^\d{1,4}\s*\/\s*\d{1,4}$/, 'page number'],
  [/^(?:-\s*)?\d{1,3}(?:\s*-)?$/, 'page number'],
  [/^(?:Please recycle|Merci de recycler)\s*[♲♻]?\s*$/i, '"Please recycle"'],
  [/^[♲♻]\s*$/, 'recycling symbol'],
  [/^(?:-{3,}|\*{3,}|_{3,})$/, 'horizontal rule'],
];

/** A document symbol alone on a line ("S/2017/138", "A/64/866", "A/71/794–S/2017/135"). */
export const SYMBOL_LINE = /^(?:A|S|E|ST|UNEP|TD|CCPR|CRC|CEDAW|DP|ICEF)\/[A-Za-z0-9.()/*\- ]*\d[A-Za-z0-9.()/*]*(?:\s*[–-]\s*(?:A|S|E)\/[A-Za-z0-9.()/*]+)?$/;

// ---------------------------------------------------------------------------------------------
// Line classification

/** A line that begins a new paragraph whatever comes before it. */
const LABEL_START = /^(?:\d{1,3}[.)](?:\s|$)|[IVXLC]{1,6}\.\s|[A-Z]\.\s|\(?[a-z]{1,4}\)\s|[a-z]\.\s|[ivx]{1,5}\.\s|[•▪◦●○·–—]\s|[-*+]\s+\S)/;
const STRUCTURAL_START =
  /^(?:Annexe|Annex|ANNEXE|ANNEX|Pièce jointe|Pièces jointes|Enclosure|PIÈCE JOINTE|ENCLOSURE)(?:\s+[IVXLC]+)?(?:\s|$|\*)|^\((?:Signé|Signée|signé|Signed|signed)\)|^\[Original\s*:/;
const SIGNED_FR = /^\((?:Signé|Signée)\)/i;
const TERMINAL = /[.:;!?»”"…]\**$/;
const ORDINAL_SUFFIX = /^(?:er|re|e|es|ère|ème|nd|st|rd|th)$/;

function stripMd(s: string): string {
  return s.replace(/^#{1,6}\s+/, '').replace(/[*_]{1,3}/g, '').trim();
}

function isStarter(line: RawLine, flavour: TextFlavour): boolean {
  const t = line.text;
  if (flavour === 'markdown') {
    if (/^#{1,6}\s/.test(t) || /^\|.*\|$/.test(t)) return true;
  }
  const bare = stripMd(t);
  return LABEL_START.test(t) || LABEL_START.test(bare) || STRUCTURAL_START.test(bare);
}

// ---------------------------------------------------------------------------------------------
// Inline Markdown: **bold**, *italic*, ^{sup}, [text](url), [^note], \escapes

type Footnotes = Map<string, string>;

function parseInline(text: string, marks: Mark[], footnotes: Footnotes | undefined, out: SourceRun[]): void {
  let buf = '';
  const flush = () => {
    if (buf !== '') out.push(marks.length > 0 ? { type: 'text', text: buf, marks: [...marks] } : { type: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[\\*_#[\]()^|-]/.test(text[i + 1]!)) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '*') {
      const double = text.startsWith('**', i);
      const delim = double ? '**' : '*';
      const close = findClose(text, i + delim.length, delim);
      if (close > i + delim.length) {
        flush();
        const mark: Mark = double ? 'bold' : 'italic';
        parseInline(text.slice(i + delim.length, close), marks.includes(mark) ? marks : [...marks, mark], footnotes, out);
        i = close + delim.length;
        continue;
      }
    }
    if (c === '^' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > i + 2) {
        flush();
        out.push({ type: 'text', text: text.slice(i + 2, close), marks: [...marks, 'superscript'] });
        i = close + 1;
        continue;
      }
    }
    if (c === '[' && footnotes && text[i + 1] === '^') {
      const m = /^\[\^([^\]\s]+)\]/.exec(text.slice(i));
      if (m && footnotes.has(m[1]!)) {
        flush();
        const content: SourceRun[] = [];
        parseInline(footnotes.get(m[1]!)!, [], undefined, content);
        out.push({ type: 'footnote', content: content.filter((r): r is SourceTextRun => r.type === 'text') });
        i += m[0].length;
        continue;
      }
    }
    if (c === '[') {
      const m = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(text.slice(i));
      if (m) {
        const label = m[1]!;
        const url = m[2]!;
        const same = url === label || url.replace(/^mailto:/, '') === label || url.replace(/^https?:\/\//, '') === label;
        buf += same ? label : `${label} (${url})`;
        i += m[0].length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
}

function findClose(text: string, from: number, delim: string): number {
  let j = from;
  while (j < text.length) {
    const k = text.indexOf(delim, j);
    if (k < 0) return -1;
    if (delim === '*' && (text[k + 1] === '*' || text[k - 1] === '*')) {
      // part of a "**" pair: skip it whole
      const end = text[k + 1] === '*' ? k + 2 : k + 1;
      const pair = text.indexOf('**', end);
      j = text[k + 1] === '*' && pair > 0 ? pair + 2 : end;
      continue;
    }
    if (k === from) return -1;
    return k;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Cleaning of extracted text

/** Typographic clean-up the model expects: ordinary spaces, straight apostrophes, no soft hyphens. */
export function cleanText(s: string): string {
  return s
    .replace(/\u00ad|\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[\u00a0\u202f\u2007\u2009\t]/g, ' ')
    .replace(/(\p{L})’(?=\p{L})/gu, "$1'")
    .replace(/ {2,}/g, ' ');
}

/** French apostrophe after an elided word, with a stray space from extraction: « qu ’une » → « qu'une ». */
function fixElisions(s: string): string {
  return s.replace(/\b(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu) [’'](?=\p{L})/giu, "$1'");
}

// ---------------------------------------------------------------------------------------------

export function detectFlavour(text: string): TextFlavour {
  const sample = text.slice(0, 200_000);
  let score = 0;
  score += (sample.match(/^#{1,6} \S/gm) ?? []).length * 3;
  score += (sample.match(/\*\*[^*\n]+\*\*/g) ?? []).length;
  score += (sample.match(/^---\s*$/gm) ?? []).length * 2;
  score += (sample.match(/^\|.*\|\s*$/gm) ?? []).length;
  score += (sample.match(/\^\{[^}]+\}/g) ?? []).length * 2;
  return score >= 2 ? 'markdown' : 'pdf';
}

/**
 * Cuts text into source paragraphs (and Markdown tables).
 * Linear in the size of the text: one pass to classify lines, one to group them.
 */
export function segmentText(input: string): SegmentResult {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const flavour = detectFlavour(text);
  const dropped: DroppedItem[] = [];
  const footnotes: Footnotes = new Map();

  // 1. lines, furniture and footnote definitions out
  const all = text.split('\n');
  const lines: (RawLine | null)[] = [];
  let seenContent = 0;
  const symbolsSeen = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const raw = all[i]!.replace(/\s+$/, '');
    const trimmed = raw.trim();
    if (trimmed === '') {
      lines.push(null);
      continue;
    }
    if (flavour === 'markdown') {
      const fn = /^\[\^([^\]\s]+)\]:\s*(.*)$/.exec(trimmed);
      if (fn) {
        footnotes.set(fn[1]!, fn[2]!);
        lines.push(null);
        continue;
      }
    }
    const bare = stripMd(trimmed);
    const furniture = FURNITURE.find(([re]) => re.test(bare) || re.test(trimmed));
    // A lone number is page furniture only between paragraphs, not inside a table or a list.
    const loneNumber = furniture && furniture[1] === 'page number' && /^\d{1,3}$/.test(bare);
    if (furniture && !(loneNumber && seenContent === 0)) {
      if (furniture[1] !== 'horizontal rule') dropped.push({ line: i + 1, text: trimmed, reason: furniture[1] });
      lines.push(null);
      continue;
    }
    // A symbol repeated at the top of later pages (running header).
    if (SYMBOL_LINE.test(bare)) {
      if (symbolsSeen.has(bare) || seenContent > 40) {
        dropped.push({ line: i + 1, text: trimmed, reason: 'running header (document symbol)' });
        lines.push(null);
        continue;
      }
      for (const s of bare.split(/\s*[–-]\s*(?=[A-Z]+\/)/)) symbolsSeen.add(s);
      symbolsSeen.add(bare);
    }
    seenContent++;
    const indent = raw.length - raw.trimStart().length;
    lines.push({ no: i + 1, raw, text: fixElisions(trimmed), indent });
  }

  // 2. chunks of consecutive lines, with the number of blank lines before each
  type Chunk = { lines: RawLine[]; gap: number };
  const chunks: Chunk[] = [];
  let gap = 0;
  let current: Chunk | undefined;
  for (const l of lines) {
    if (l === null) {
      if (current) {
        chunks.push(current);
        current = undefined;
      }
      gap++;
      continue;
    }
    if (!current) {
      current = { lines: [], gap };
      gap = 0;
    }
    current.lines.push(l);
  }
  if (current) chunks.push(current);
  const single = chunks.filter((c) => c.lines.length === 1).length;
  // Text whose every wrapped line is followed by a blank line: blank lines then mean nothing and
  // paragraphs are told by indentation and punctuation. Markdown paragraphs are single long lines.
  const contentLines = lines.filter((l): l is RawLine => l !== null);
  const meanLength = contentLines.reduce((n, l) => n + l.text.length, 0) / Math.max(1, contentLines.length);
  // Wrapped lines show as a line ending mid-sentence, a blank line, and a line going on in lower case.
  let wraps = 0;
  for (let k = 1; k < chunks.length; k++) {
    const prev = chunks[k - 1]!.lines[chunks[k - 1]!.lines.length - 1]!;
    if (!TERMINAL.test(prev.text) && /^\p{Ll}/u.test(chunks[k]!.lines[0]!.text)) wraps++;
  }
  const dense = flavour === 'pdf' && chunks.length >= 10 && single / chunks.length > 0.7 && meanLength < 110 && wraps >= chunks.length * 0.2;

  // 3. paragraphs: split chunks at starters, merge chunks a blank line cut in two
  type Para = { lines: RawLine[]; gapBefore: number };
  const paras: Para[] = [];
  const frenchSignature = (l: RawLine) => SIGNED_FR.test(stripMd(l.text));
  for (const chunk of chunks) {
    chunk.lines.forEach((l, k) => {
      const prevLine = k > 0 ? chunk.lines[k - 1]! : undefined;
      const last = paras[paras.length - 1];
      const starter = isStarter(l, flavour);
      if (k > 0 && last) {
        const tableRow = flavour === 'markdown' && /^\|/.test(l.text) && /^\|/.test(prevLine!.text);
        const afterSignature = prevLine !== undefined && frenchSignature(prevLine);
        const afterHeading = flavour === 'markdown' && prevLine !== undefined && /^#{1,6}\s/.test(prevLine.text);
        const denseStart = dense && l.indent >= 2 && TERMINAL.test(prevLine!.text);
        if (tableRow || !(starter || afterSignature || afterHeading || denseStart)) {
          last.lines.push(l);
          return;
        }
        paras.push({ lines: [l], gapBefore: 0 });
        return;
      }
      // first line of a chunk: a new paragraph, unless the blank line(s) before it cut one in two
      if (last && !starter && shouldMerge(last.lines[last.lines.length - 1]!, l, chunk.gap, dense, flavour)) {
        const prev = last.lines[last.lines.length - 1]!;
        if (ORDINAL_SUFFIX.test(l.text) && /\d$/.test(prev.text)) {
          // "1" / "er" / " janvier": a superscript the extraction put on its own line
          last.lines[last.lines.length - 1] = { ...prev, text: `${prev.text}${l.text}`, raw: `${prev.raw}${l.text}` };
        } else last.lines.push(l);
        return;
      }
      paras.push({ lines: [l], gapBefore: chunk.gap });
    });
  }

  // 4. source paragraphs and tables
  const blocks: SourceBlock[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (flavour === 'markdown' && p.lines.every((l) => /^\|.*\|$/.test(l.text)) && p.lines.length >= 2) {
      blocks.push(markdownTable(p.lines, footnotes));
      continue;
    }
    blocks.push(toParagraph(p.lines, flavour, footnotes));
  }
  return { blocks, dropped, flavour, dense };
}

function shouldMerge(prev: RawLine, next: RawLine, gap: number, dense: boolean, flavour: TextFlavour): boolean {
  if (ORDINAL_SUFFIX.test(next.text) && /\d$/.test(prev.text) && gap <= 2) return true;
  if (flavour === 'markdown' && (/^#{1,6}\s/.test(prev.text) || /^#{1,6}\s/.test(next.text))) return false;
  if (flavour === 'markdown' && /\*\*$/.test(prev.text) && /^\*\*/.test(next.text)) return false;
  if (SIGNED_FR.test(stripMd(prev.text))) return false;
  const prevEnds = TERMINAL.test(stripMd(prev.text)) || /\*\*$/.test(prev.text);
  const startsLower = /^[\p{Ll}]/u.test(stripMd(next.text));
  if (dense) {
    if (gap >= 2) return false;
    if (prevEnds && next.indent > 0) return false;
    return !prevEnds || next.indent === 0;
  }
  return gap <= 1 && !prevEnds && startsLower;
}

function toParagraph(raw: RawLine[], flavour: TextFlavour, footnotes: Footnotes): SourceParagraph {
  let heading: number | undefined;
  const texts = raw.map((l) => l.text);
  if (flavour === 'markdown') {
    const m = /^(#{1,6})\s+(.*)$/.exec(texts[0]!);
    if (m) {
      heading = m[1]!.length;
      texts[0] = m[2]!;
    }
  }
  let lines: SourceLine[];
  if (flavour === 'markdown') {
    // Emphasis may span lines: parse the paragraph whole, then cut it back into lines.
    const runs: SourceRun[] = [];
    parseInline(texts.join('\n'), [], footnotes, runs);
    lines = splitLines(runs).map((r, k) => ({ runs: cleanRuns(r), line: raw[k]?.no, indent: raw[k]?.indent ?? 0 }));
  } else {
    lines = texts.map((t, k) => ({ runs: cleanRuns([{ type: 'text', text: t }]), line: raw[k]!.no, indent: raw[k]!.indent, raw: raw[k]!.raw.trim() }));
  }
  const p: SourceParagraph = { type: 'para', lines, join: 'wrap', line: raw[0]!.no };
  if (heading !== undefined) p.heading = heading;
  return p;
}

function cleanRuns(runs: SourceRun[]): SourceRun[] {
  return mergeRuns(
    runs.map((r) => (r.type === 'text' ? { ...r, text: cleanText(r.text) } : { ...r, content: r.content.map((c) => ({ ...c, text: cleanText(c.text) })) })),
  );
}

function splitLines(runs: SourceRun[]): SourceRun[][] {
  const lines: SourceRun[][] = [[]];
  for (const r of runs) {
    if (r.type !== 'text' || !r.text.includes('\n')) {
      lines[lines.length - 1]!.push(r);
      continue;
    }
    const parts = r.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...r, text: part });
    });
  }
  return lines;
}

function markdownTable(raw: RawLine[], footnotes: Footnotes): SourceTable {
  const rows: SourceParagraph[][][] = [];
  let headerRows = 0;
  for (const l of raw) {
    const cells = l.text.replace(/^\|/, '').replace(/\|$/, '').split('|');
    if (cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) {
      headerRows = rows.length;
      continue;
    }
    rows.push(
      cells.map((c) => {
        const t = c.trim();
        if (t === '') return [];
        const runs: SourceRun[] = [];
        parseInline(t, [], footnotes, runs);
        return [{ type: 'para', lines: [{ runs: cleanRuns(runs), line: l.no, indent: 0 }], join: 'wrap', line: l.no } satisfies SourceParagraph];
      }),
    );
  }
  const width = Math.max(...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push([]);
  return { type: 'table', rows, headerRows, line: raw[0]!.no };
}
