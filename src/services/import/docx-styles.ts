/**
 * styles.xml and numbering.xml of a .docx: each paragraph style's chain (basedOn), its run marks,
 * list and outline level; and every automatic number computed as Word shows it (format, lists
 * sharing an abstract definition running on, `startOverride` restarts). Both are built from the
 * top-level elements of their part (xml-stream.ts keeps those).
 */
import type { NumberFormat } from '../../core/import/source';
import { toLetter, toRoman } from '../../core/numbering/numerals';
import { attr, kid, kids, toggle, type XEl } from './xml-stream';

export type RunProps = { bold?: boolean; italic?: boolean; superscript?: boolean };
type Style = { name: string; basedOn?: string; numId?: string; ilvl?: number; outline?: number; run: RunProps };
type Level = { start: number; format: NumberFormat; text: string; raw: string };

export function runProps(rPr: XEl | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const b = toggle(kid(rPr, 'b'));
  const i = toggle(kid(rPr, 'i'));
  if (b !== undefined) out.bold = b;
  if (i !== undefined) out.italic = i;
  const va = attr(kid(rPr, 'vertAlign'), 'val');
  if (va !== undefined) out.superscript = va === 'superscript';
  return out;
}

export class Styles {
  private map = new Map<string, Style>();
  defaultParagraph: string | undefined;
  /** `elements`: the part's top-level elements (w:style and others, which are passed over). */
  constructor(elements: readonly XEl[]) {
    for (const s of elements) {
      if (s.local !== 'style') continue;
      const id = attr(s, 'styleId');
      if (!id) continue;
      const pPr = kid(s, 'pPr');
      const numPr = kid(pPr, 'numPr');
      const style: Style = { name: attr(kid(s, 'name'), 'val') ?? id, run: runProps(kid(s, 'rPr')) };
      const basedOn = attr(kid(s, 'basedOn'), 'val');
      if (basedOn) style.basedOn = basedOn;
      const numId = attr(kid(numPr, 'numId'), 'val');
      if (numId) style.numId = numId;
      const ilvl = attr(kid(numPr, 'ilvl'), 'val');
      if (ilvl) style.ilvl = Number(ilvl);
      const outline = attr(kid(pPr, 'outlineLvl'), 'val');
      if (outline !== undefined) style.outline = Number(outline);
      this.map.set(id, style);
      if (attr(s, 'type') === 'paragraph' && /^(?:1|true|on)$/.test(attr(s, 'default') ?? '')) this.defaultParagraph = id;
    }
  }
  /** Style chain, own style first. */
  chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    let cur = id;
    for (let guard = 0; cur && guard < 20; guard++) {
      const s = this.map.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out;
  }
  run(id: string | undefined): RunProps {
    const out: RunProps = {};
    for (const s of this.chain(id).reverse()) Object.assign(out, s.run);
    return out;
  }
}

const FORMATS: Record<string, NumberFormat> = {
  decimal: 'decimal',
  decimalZero: 'decimal',
  lowerLetter: 'lowerLetter',
  upperLetter: 'upperLetter',
  lowerRoman: 'lowerRoman',
  upperRoman: 'upperRoman',
  bullet: 'bullet',
};

export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();
  private lastNum = new Map<string, string>();

  /** `elements`: the part's top-level elements (w:abstractNum, w:num and others, passed over). */
  constructor(elements: readonly XEl[]) {
    for (const a of elements) {
      if (a.local !== 'abstractNum') continue;
      const levels = new Map<number, Level>();
      for (const l of kids(a, 'lvl')) {
        const fmt = attr(kid(l, 'numFmt'), 'val') ?? 'decimal';
        levels.set(Number(attr(l, 'ilvl') ?? 0), {
          start: Number(attr(kid(l, 'start'), 'val') ?? 1),
          format: FORMATS[fmt] ?? 'other',
          raw: fmt,
          text: attr(kid(l, 'lvlText'), 'val') ?? '',
        });
      }
      this.abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of elements) {
      if (n.local !== 'num') continue;
      const starts = new Map<number, number>();
      for (const o of kids(n, 'lvlOverride')) {
        const s = attr(kid(o, 'startOverride'), 'val');
        if (s !== undefined) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
      }
      this.nums.set(attr(n, 'numId') ?? '', { abstract: attr(kid(n, 'abstractNumId'), 'val') ?? '', starts });
    }
  }

  /** The label Word prints for the next paragraph of list `numId` at `ilvl` (counters advance). */
  next(numId: string, ilvl: number): { label: string; format: NumberFormat; level: number } | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const levels = this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level) return undefined;
    // Lists sharing an abstract definition continue each other, unless a list restarts a level.
    const key = num.abstract;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = Array.from({ length: 9 }, (_, i) => (levels.get(i)?.start ?? 1) - 1);
      this.counters.set(key, counters);
    }
    if (this.lastNum.get(key) !== numId) {
      for (const [l, s] of num.starts) counters[l] = s - 1;
      this.lastNum.set(key, numId);
    }
    counters[ilvl] = (counters[ilvl] ?? 0) + 1;
    for (let d = ilvl + 1; d < 9; d++) counters[d] = (levels.get(d)?.start ?? 1) - 1;
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const l = Number(k) - 1;
      const fmt = levels.get(l)?.format ?? 'decimal';
      return formatCounter(counters[l] ?? 0, fmt);
    });
    return { label: level.format === 'bullet' ? '•' : label, format: level.format, level: ilvl };
  }
}

/** Word's largest list start; past it (only a hostile file gets there) numbers are written in digits. */
const MAX_WORD_COUNTER = 32_767;

function formatCounter(n: number, format: NumberFormat): string {
  if (n < 1 || n > MAX_WORD_COUNTER) return String(n);
  switch (format) {
    case 'lowerLetter':
      return toLetter(n);
    case 'upperLetter':
      return toLetter(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    default:
      return String(n);
  }
}
