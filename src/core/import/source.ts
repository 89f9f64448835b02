/**
 * What every importer hands to the one structure recogniser (recognize/): a flat list of
 * source paragraphs and tables, with whatever the source format knew about them — runs with
 * bold/italic/superscript and footnotes, the original lines, a heading level, Word's automatic
 * number. The text reader (text.ts) and the DOCX reader (services/import/docx.ts) both produce
 * this; neither decides what a paragraph *is*.
 */
import type { Mark } from '../model/schema';

export type SourceTextRun = { type: 'text'; text: string; marks?: Mark[] };
export type SourceFootnoteRun = { type: 'footnote'; content: SourceTextRun[] };
export type SourceRun = SourceTextRun | SourceFootnoteRun;

export type SourceLine = {
  runs: SourceRun[];
  /** 1-based line number in the source text (text input only). */
  line?: number;
  /** Leading spaces in the source line (text input only). */
  indent: number;
  /** The line as extracted, inner spacing kept (column gaps of a flattened table). */
  raw?: string;
};

/** Word's number formats, as numbering.xml names them (the ones that matter here). */
export type NumberFormat = 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman' | 'bullet' | 'other';

export type SourceParagraph = {
  type: 'para';
  /** The paragraph's lines: soft-wrapped lines of extracted text, or explicit breaks in DOCX. */
  lines: SourceLine[];
  /** How the lines join: 'wrap' (extracted text: a line break is a space) or 'break' (a real line break). */
  join: 'wrap' | 'break';
  /** 1-based line of the first line in the source (text input), for reports. */
  line?: number;
  /** Heading level from the source: Markdown "#" count, Word "Heading N" / outline level. */
  heading?: number;
  /** Word's automatic numbering of this paragraph: the label Word would print and its format. */
  numbering?: { label: string; format: NumberFormat; level: number };
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Word style name, for reports and hints ("Title", "List Paragraph"). */
  style?: string;
};

export type SourceTable = {
  type: 'table';
  /** rows → cells → paragraphs */
  rows: SourceParagraph[][][];
  headerRows: number;
  line?: number;
};

export type SourceBlock = SourceParagraph | SourceTable;

/**
 * Source blocks handed over to the recogniser, which lets each block go once read so that the
 * source does not stay alive whole beside the document being built (100,000 paragraphs: about
 * 40 MB). `handOver(blocks)` moves the blocks out of `blocks`, which is left empty: no caller can
 * find a block the recogniser has let go. They can be taken once.
 */
export class HandedOver {
  #blocks: SourceBlock[] | undefined;

  constructor(blocks: SourceBlock[]) {
    this.#blocks = blocks.splice(0);
  }

  take(): SourceBlock[] {
    const blocks = this.#blocks;
    if (!blocks) throw new Error('these source blocks were already read by the recogniser');
    this.#blocks = undefined;
    return blocks;
  }
}

export function handOver(blocks: SourceBlock[]): HandedOver {
  return new HandedOver(blocks);
}

/** Why the importer was unsure (worded per interface language in locales/<lang>/workspace.json, `import.unsure.<code>`). */
export type UnsureCode =
  | 'title-not-understood'
  | 'sender-not-recognised'
  | 'title-without-date'
  | 'opening-not-understood'
  | 'annex-without-letter'
  | 'signature-without-name'
  | 'label-starts-long-text'
  | 'guessed-heading'
  | 'table-rebuilt'
  | 'organ-assumed'
  | 'no-signature'
  | 'generated-kept'
  | 'renumbered';

/**
 * Something the importer was unsure of: `reason` in English (the CLI prints it), `code` and
 * `params` for an interface that words it in its own language, and the block or part it is
 * about when one holds it (`blockId` / `partId`), so the editor can mark it there.
 */
export type UnsureItem = {
  line?: number;
  text: string;
  reason: string;
  code: UnsureCode;
  params?: Record<string, string | number>;
  blockId?: string;
  partId?: string;
};

/** Lines left out on purpose (page furniture), reported so that nothing disappears silently. */
export type DroppedItem = { line?: number; text: string; reason: string };

/** Plain text of runs (footnotes left out). */
export function runsText(runs: SourceRun[]): string {
  let s = '';
  for (const r of runs) if (r.type === 'text') s += r.text;
  return s;
}

export function lineText(line: SourceLine): string {
  return runsText(line.runs);
}

/** Runs of the whole paragraph, lines joined by a space ('wrap') or kept apart by "\n" ('break'). */
export function paragraphRuns(p: SourceParagraph, sep?: string): SourceRun[] {
  const out: SourceRun[] = [];
  const joiner = sep ?? (p.join === 'break' ? '\n' : ' ');
  p.lines.forEach((l, i) => {
    if (i > 0) {
      const prev = lineText(p.lines[i - 1]!);
      const next = lineText(l);
      // A word cut by a hyphen at the end of an extracted line joins without a space ("Haut-\nReprésentant").
      const glue = joiner === ' ' && /\p{L}-$/u.test(prev.trimEnd()) && /^\p{L}/u.test(next.trimStart()) ? '' : joiner;
      if (glue !== '') out.push({ type: 'text', text: glue });
    }
    out.push(...l.runs);
  });
  return mergeRuns(out);
}

export function paragraphText(p: SourceParagraph, sep?: string): string {
  return runsText(paragraphRuns(p, sep));
}

function sameMarks(a: SourceTextRun, b: SourceTextRun): boolean {
  const x = a.marks ?? [];
  const y = b.marks ?? [];
  return x.length === y.length && x.every((m) => y.includes(m));
}

/** Merges adjacent text runs with the same marks and drops empty ones. */
export function mergeRuns(runs: SourceRun[]): SourceRun[] {
  const out: SourceRun[] = [];
  for (const r of runs) {
    if (r.type === 'text') {
      if (r.text === '') continue;
      const last = out[out.length - 1];
      if (last && last.type === 'text' && sameMarks(last, r)) {
        out[out.length - 1] = { ...last, text: last.text + r.text };
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

/** True when every letter of the paragraph is bold (a heading written as bold text). */
export function isWholeBold(runs: SourceRun[]): boolean {
  let any = false;
  for (const r of runs) {
    if (r.type !== 'text' || !/\p{L}/u.test(r.text)) continue;
    if (!(r.marks ?? []).includes('bold')) return false;
    any = true;
  }
  return any;
}
