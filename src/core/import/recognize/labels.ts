/**
 * The recogniser's first stage: the label typed (or numbered by Word) at the start of a
 * paragraph — "12.", "IV.", "B.", "a)", "(ii)", "b.", "•" — read as a value of its kind.
 */
import { fromLetter, fromRoman } from '../../numbering/numerals';
import type { SourceParagraph } from '../source';

export type Label =
  | { kind: 'arabic'; value: number }
  | { kind: 'upper'; letter?: number; roman?: number }
  | { kind: 'lower'; style: 'paren' | 'close' | 'dot'; letter?: number; roman?: number }
  | { kind: 'bullet' };

export type Labelled = { label: Label; raw: string; rest: number };

export const HONORIFIC = /^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Mr\.?|Mrs\.?|Ms\.?|Messrs\.?|Dr\.?|Pr\.?|Prof\.?|Professeur|Professor|S\. ?E\.|H\. ?E\.|Son Excellence|His Excellency|Her Excellency|Colonel|Général|General|Lieutenant|Commandant|Major|Capitaine|Captain|Ambassadeur|Ambassadrice|Ambassador|Sir|Dame|Lord|Lady|Mgr|Monseigneur|Cheikh|Sheikh)(?=\s|\p{Lu})/u;

const BULLET = /^([•▪◦●○·–—‣⁃]|[-*+](?=\s))\s*/;

/** The label at the start of a text, if any: "12. ", "IV. ", "B. ", "a) ", "(ii) ", "b. ", "• ". */
export function readLabel(text: string): Labelled | undefined {
  const lead = text.length - text.trimStart().length;
  const t = text.slice(lead);
  let m = /^(\d{1,6})[.)](?:\s+|$)/.exec(t);
  if (m) return { label: { kind: 'arabic', value: Number(m[1]) }, raw: m[1]!, rest: lead + m[0].length };
  // "M. Atul Khare", "S. E. M. …": an honorific, not a label
  if (HONORIFIC.test(t)) return undefined;
  m = /^([IVXLC]{1,6}|[A-Z])\.(?:\s+|$)/.exec(t);
  if (m) {
    const letter = m[1]!.length === 1 ? fromLetter(m[1]!) : undefined;
    const r = fromRoman(m[1]!);
    // Chapters run I to XXXIX at most; "C." or "L." alone is a section letter.
    const roman = r !== undefined && r < 40 ? r : undefined;
    if (letter !== undefined || roman !== undefined) return { label: { kind: 'upper', letter, roman }, raw: m[1]!, rest: lead + m[0].length };
  }
  m = /^\(([a-z]{1,5})\)\s+/.exec(t) ?? /^([a-z]{1,5})\)\s+/.exec(t);
  if (m) {
    const style = t.startsWith('(') ? 'paren' : 'close';
    const letter = fromLetter(m[1]!);
    const roman = fromRoman(m[1]!);
    if (letter !== undefined || roman !== undefined) return { label: { kind: 'lower', style, letter, roman }, raw: m[1]!, rest: lead + m[0].length };
  }
  m = /^([a-z]|[ivx]{1,5})\.\s+/.exec(t);
  if (m) {
    const letter = m[1]!.length === 1 ? fromLetter(m[1]!) : undefined;
    const roman = fromRoman(m[1]!);
    if (letter !== undefined || roman !== undefined) return { label: { kind: 'lower', style: 'dot', letter, roman }, raw: m[1]!, rest: lead + m[0].length };
  }
  m = BULLET.exec(t);
  if (m && t.length > m[0].length) return { label: { kind: 'bullet' }, raw: m[1]!, rest: lead + m[0].length };
  return undefined;
}

/** A label Word computed from numbering.xml, read with its format (so "i" is a roman numeral when Word says so). */
export function wordLabel(p: SourceParagraph): Label | undefined {
  const n = p.numbering;
  if (!n) return undefined;
  const core = n.label.replace(/[.()\s]/g, '');
  switch (n.format) {
    case 'decimal': {
      const v = Number(/\d+/.exec(core)?.[0] ?? NaN);
      return Number.isFinite(v) ? { kind: 'arabic', value: v } : undefined;
    }
    case 'upperRoman':
      return { kind: 'upper', roman: fromRoman(core) ?? 1 };
    case 'upperLetter':
      return { kind: 'upper', letter: fromLetter(core) ?? 1 };
    case 'lowerLetter':
      return { kind: 'lower', style: /\.$/.test(n.label.trim()) ? 'dot' : n.label.includes('(') ? 'paren' : 'close', letter: fromLetter(core) ?? 1 };
    case 'lowerRoman':
      return { kind: 'lower', style: /\.$/.test(n.label.trim()) ? 'dot' : n.label.includes('(') ? 'paren' : 'close', roman: fromRoman(core) ?? 1 };
    case 'bullet':
      return { kind: 'bullet' };
    default:
      return undefined;
  }
}
