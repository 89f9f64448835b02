/**
 * Word-level differences inside a block: the old and new inline content cut into words, spaces
 * and punctuation (a cross-reference and a footnote are one token each), compared with a
 * longest common subsequence, and given back as runs that keep their inline form (marks,
 * cross-references, footnotes) so that a tracked-changes writer can write them as they are.
 *
 * A cross-reference is unchanged when it points to the same block on both sides (through the
 * alignment), whatever number it prints: renumbering alone changes no word. A word whose only
 * change is bold/italic/superscript is a `format` run, not a deletion and an insertion.
 */
import type { FootnoteRun, Inline, Mark, TextRun, Xref } from '../model/schema';
import type { Numbering } from '../numbering/numbering';
import { renderXref } from '../numbering/xref';
import { commonSubsequence } from './sequence';
import type { WordRun } from './types';

/** Maps an old block or part id to the id of its counterpart in the new version. */
export type IdMap = (oldId: string) => string | undefined;

/** How one side renders: its numbering, and the part the block sits in (for qualified references). */
export type SideView = { numbering: Numbering; partId: string | undefined };

/** A word, space or punctuation mark; it may straddle runs (« 1er » with a raised "er"), each piece keeping its run's marks. */
type Piece = { text: string; run: TextRun };
type Token =
  | { kind: 'text'; text: string; pieces: Piece[]; key: string; marks: string }
  | { kind: 'xref'; run: Xref; key: string }
  | { kind: 'footnote'; run: FootnoteRun; key: string }
  | { kind: 'break'; key: string };

const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;
const BREAK_KEY = '\u0004';

const marksKey = (marks: readonly Mark[] | undefined) => (marks && marks.length > 0 ? [...marks].sort().join(',') : '');

function xrefKey(x: Xref, map: IdMap | undefined): string {
  const id = (v: string) => (map ? (map(v) ?? `\u0005${v}`) : v);
  return `\u0001${x.form}:${id(x.target)}:${x.to === undefined ? '' : id(x.to)}`;
}

/** The marks of a word as one string: pieces with the same marks count as one, however the runs were cut. */
function marksOf(pieces: Piece[]): string {
  const spans: [number, string][] = [];
  for (const p of pieces) {
    const m = marksKey(p.run.marks);
    const last = spans[spans.length - 1];
    if (last && last[1] === m) last[0] += p.text.length;
    else spans.push([p.text.length, m]);
  }
  return spans.length === 1 ? spans[0]![1] : spans.map(([n, m]) => `${n}:${m}`).join('|');
}

/** Text runs next to each other are read as one text, so a word is a word whatever runs it was cut into. */
function textTokens(stretch: TextRun[], out: Token[]): void {
  if (stretch.length === 1) {
    const run = stretch[0]!;
    const marks = marksKey(run.marks);
    for (const m of run.text.match(TOKEN) ?? []) out.push({ kind: 'text', text: m, pieces: [{ text: m, run }], key: m, marks });
    return;
  }
  const full = stretch.map((r) => r.text).join('');
  let k = 0;
  let runStart = 0;
  for (const m of full.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    while (runStart + stretch[k]!.text.length <= start) runStart += stretch[k++]!.text.length;
    const pieces: Piece[] = [];
    for (let j = k, at = runStart; j < stretch.length && at < end; at += stretch[j]!.text.length, j++) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + stretch[j]!.text.length);
      if (from < to) pieces.push({ text: full.slice(from, to), run: stretch[j]! });
    }
    out.push({ kind: 'text', text: m[0], pieces, key: m[0], marks: marksOf(pieces) });
  }
}

function tokens(content: Inline[], map: IdMap | undefined, out: Token[] = []): Token[] {
  for (let i = 0; i < content.length; i++) {
    const run = content[i]!;
    if (run.type === 'text') {
      const stretch: TextRun[] = [run];
      while (content[i + 1]?.type === 'text') stretch.push(content[++i] as TextRun);
      textTokens(stretch, out);
    } else if (run.type === 'xref') {
      out.push({ kind: 'xref', run, key: xrefKey(run, map) });
    } else {
      const inner = tokens(run.content, map)
        .map((t) => `${t.key}\u0006${t.kind === 'text' ? t.marks : ''}`)
        .join('\u0007');
      out.push({ kind: 'footnote', run, key: `\u0002${inner}` });
    }
  }
  return out;
}

/**
 * True when the two contents are the same words, marks, references (to counterpart blocks) and
 * footnotes: the quick test that spares most blocks the word diff.
 */
export function sameContent(a: Inline[], b: Inline[], map: IdMap): boolean {
  if (a.length !== b.length) return sameTokens(a, b, map);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type) return sameTokens(a, b, map);
    if (x.type === 'text') {
      const t = y as TextRun;
      if (x.text !== t.text || marksKey(x.marks) !== marksKey(t.marks)) return sameTokens(a, b, map);
    } else if (x.type === 'xref') {
      if (xrefKey(x, map) !== xrefKey(y as Xref, undefined)) return false;
    } else if (!sameContent(x.content, (y as FootnoteRun).content, map)) return false;
  }
  return true;
}

/** The slow path: the same text cut differently into runs is still the same text. */
function sameTokens(a: Inline[], b: Inline[], map: IdMap): boolean {
  const x = tokens(a, map);
  const y = tokens(b, undefined);
  return x.length === y.length && x.every((t, i) => t.key === y[i]!.key && sameMarks(t, y[i]!));
}

function sameMarks(a: Token, b: Token): boolean {
  return a.kind !== 'text' || b.kind !== 'text' || a.marks === b.marks;
}

function contentOf(list: Token[]): Inline[] {
  const out: Inline[] = [];
  for (const t of list) {
    if (t.kind === 'break') continue;
    if (t.kind !== 'text') {
      out.push(t.run);
      continue;
    }
    for (const p of t.pieces) {
      const last = out[out.length - 1];
      if (last && last.type === 'text' && marksKey(last.marks) === marksKey(p.run.marks) && !!last.placeholder === !!p.run.placeholder) {
        out[out.length - 1] = { ...last, text: last.text + p.text };
      } else {
        const run: TextRun = { type: 'text', text: p.text };
        if (p.run.marks && p.run.marks.length > 0) run.marks = [...p.run.marks];
        if (p.run.placeholder) run.placeholder = true;
        out.push(run);
      }
    }
  }
  return out;
}

function textOf(list: Token[], view: SideView): string {
  let s = '';
  for (const t of list) {
    if (t.kind === 'text') s += t.text;
    else if (t.kind === 'xref') s += renderXref(t.run, view.numbering, view.partId).text;
    else if (t.kind === 'footnote') s += String(view.numbering.footnotes.get(t.run.id) ?? '*');
    else s += '\n';
  }
  return s;
}

/** Contents in order, with a paragraph-break token between two (for splits and merges). */
function tokensOf(contents: Inline[][], map: IdMap | undefined): Token[] {
  const out: Token[] = [];
  contents.forEach((c, i) => {
    if (i > 0) out.push({ kind: 'break', key: BREAK_KEY });
    tokens(c, map, out);
  });
  return out;
}

type Op = 'equal' | 'insert' | 'delete';

/**
 * The word runs from `olds` to `news` (each a list of block contents: one block, or the blocks of
 * a split or merge, whose boundaries show as inserted or deleted paragraph breaks).
 */
export function diffWords(olds: Inline[][], news: Inline[][], map: IdMap, oldView: SideView, newView: SideView): WordRun[] {
  const a = tokensOf(olds, map);
  const b = tokensOf(news, undefined);
  const ids = new Map<string, number>();
  const intern = (t: Token) => {
    let v = ids.get(t.key);
    if (v === undefined) ids.set(t.key, (v = ids.size));
    return v;
  };
  const common = commonSubsequence(a.map(intern), b.map(intern));

  // raw edit script, then: whitespace alone between two changes joins the change (reads better)
  const script: { op: Op; a: Token[]; b: Token[] }[] = [];
  const push = (op: Op, ta: Token[], tb: Token[]) => {
    const last = script[script.length - 1];
    if (last && last.op === op) {
      last.a.push(...ta);
      last.b.push(...tb);
    } else script.push({ op, a: [...ta], b: [...tb] });
  };
  let i = 0;
  let j = 0;
  for (const [x, y] of [...common, [a.length, b.length] as const]) {
    if (i < x) push('delete', a.slice(i, x), []);
    if (j < y) push('insert', [], b.slice(j, y));
    if (x < a.length) push('equal', [a[x]!], [b[y]!]);
    i = x + 1;
    j = y + 1;
  }
  const merged: { op: Op; a: Token[]; b: Token[] }[] = [];
  script.forEach((s, k) => {
    const between = k > 0 && k < script.length - 1 && s.op === 'equal' && s.a.every((t) => t.kind === 'text' && /^\s+$/.test(t.text));
    if (between) {
      merged.push({ op: 'delete', a: s.a, b: [] }, { op: 'insert', a: [], b: s.b });
    } else merged.push(s);
  });

  // deletions before insertions within each stretch of changes; equal text split where marks differ
  const segs: Seg[] = [];
  const add = (op: Seg['op'], list: Token[], was: Token[] = []) => {
    if (list.length === 0) return;
    const last = segs[segs.length - 1];
    if (last && last.op === op) {
      last.tokens.push(...list);
      last.was.push(...was);
    } else segs.push({ op, tokens: [...list], was: [...was] });
  };
  let del: Token[] = [];
  let ins: Token[] = [];
  for (const s of merged) {
    if (s.op === 'delete') del.push(...s.a);
    else if (s.op === 'insert') ins.push(...s.b);
    else {
      add('delete', del);
      add('insert', ins);
      del = [];
      ins = [];
      s.b.forEach((t, k) => (sameMarks(s.a[k]!, t) ? add('equal', [t]) : add('format', [t], [s.a[k]!])));
    }
  }
  add('delete', del);
  add('insert', ins);
  return segs.flatMap((seg) => toRuns(seg, seg.op === 'delete' ? oldView : newView));
}

type Seg = { op: WordRun['op']; tokens: Token[]; was: Token[] };

/** A segment as runs; a paragraph break is a run of its own, so a writer can place the paragraph mark. */
function toRuns(seg: Seg, view: SideView): WordRun[] {
  if (seg.op === 'format') return [{ op: 'format', content: contentOf(seg.tokens), was: contentOf(seg.was), text: textOf(seg.tokens, view) }];
  const out: WordRun[] = [];
  let part: Token[] = [];
  const flush = () => {
    if (part.length > 0) out.push({ op: seg.op, content: contentOf(part), text: textOf(part, view) });
    part = [];
  };
  for (const t of seg.tokens) {
    if (t.kind === 'break') {
      flush();
      out.push({ op: seg.op, content: [], text: '\n', paragraphBreak: true });
    } else part.push(t);
  }
  flush();
  return out;
}
