/**
 * Spans: the layout's inline text, with the language's typography already applied (typographic
 * apostrophes, French spacing by setting, French ordinal suffixes raised as in « 1er »), and the
 * footnote indicators on the side of the punctuation each language wants. Renderers only turn
 * spans into runs, HTML or DOM; none applies typography of its own.
 */
import type { DocumentSettings, Lang, RDocument } from '../model/schema';
import { applyFrenchSpacing, curlyApostrophes } from '../locale/typography';
import { frenchOrdinalSuffixes } from '../locale/dates';

export type Span = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  superscript?: boolean;
  /** Template text not yet replaced. */
  placeholder?: boolean;
  /** A footnote reference: `text` is its number; `content` is the note itself. */
  footnote?: { id: string; number: number; content: Span[] };
  /**
   * Text produced by a cross-reference to block or part `target` (and, for a range such as
   * "paragraphes 12 à 15", to block `to` at its end).
   */
  xref?: { target: string; to?: string; broken: boolean };
  /** The marker shown in place of text this version lacks (another version has it). */
  missing?: boolean;
};

/**
 * Typographic apostrophes, and French spacing by the document's setting. Only the settings are
 * read, so the interface typesets what it shows of a document (its title) with this same rule.
 */
export function typeset(text: string, doc: { settings: DocumentSettings }, lang: Lang): string {
  const curly = curlyApostrophes(text);
  return lang === 'fr' ? applyFrenchSpacing(curly, doc.settings.frenchSpacing) : curly;
}

/** Splits French ordinal suffixes ("1er", "8838e") into superscript spans. */
export function superscriptOrdinals(span: Span, lang: Lang): Span[] {
  if (lang !== 'fr' || span.superscript || span.footnote) return [span];
  const ranges = frenchOrdinalSuffixes(span.text);
  if (ranges.length === 0) return [span];
  const out: Span[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ ...span, text: span.text.slice(at, start) });
    out.push({ ...span, text: span.text.slice(start, end), superscript: true });
    at = end;
  }
  if (at < span.text.length) out.push({ ...span, text: span.text.slice(at) });
  return out;
}

/**
 * A plain string (generated text, headings, masthead lines) as spans with the language's
 * typography: typographic apostrophes, French spacing by setting, French ordinal suffixes raised.
 */
export function typesetSpans(text: string, doc: RDocument, lang: Lang, extra: Partial<Span> = {}): Span[] {
  if (text === '') return [];
  return superscriptOrdinals({ text: typeset(text, doc, lang), ...extra }, lang);
}

const EN_AFTER = /^[.,;:!?]+/;
const FR_BEFORE = /[ \u00a0\u202f]*[.,;:!?]+$/;

/**
 * The punctuation that goes to the other side of a footnote indicator (the rule below): in
 * English, the punctuation opening the text after it (`text` is that text); in French, the
 * punctuation (and the spaces before it) ending the text before it. Its length; 0 when none.
 * The editor applies the same rule as the drafter types, so the screen shows what the export does.
 */
export function misplacedPunctuation(text: string, lang: Lang): number {
  return (lang === 'en' ? EN_AFTER : FR_BEFORE).exec(text)?.[0].length ?? 0;
}

/**
 * Editorial Manual, footnotes: the indicator follows punctuation in English ("text,¹") and
 * precedes it in French (« texte¹, »). Whatever side the drafter typed it on, it is moved here,
 * once, so every output agrees.
 */
export function placeFootnoteIndicators(spans: Span[], lang: Lang): Span[] {
  const out = [...spans];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]!.footnote) continue;
    if (lang === 'en') {
      const next = out[i + 1];
      const n = next && !next.footnote && !next.xref ? misplacedPunctuation(next.text, lang) : 0;
      if (!next || n === 0) continue;
      const rest = next.text.slice(n);
      if (rest === '') out.splice(i + 1, 1);
      else out[i + 1] = { ...next, text: rest };
      out.splice(i, 0, { ...next, text: next.text.slice(0, n) });
      i++;
    } else {
      const prev = out[i - 1];
      const n = prev && !prev.footnote && !prev.xref ? misplacedPunctuation(prev.text, lang) : 0;
      if (!prev || n === 0) continue;
      const rest = prev.text.slice(0, prev.text.length - n);
      out.splice(i + 1, 0, { ...prev, text: prev.text.slice(prev.text.length - n) });
      if (rest === '') {
        out.splice(i - 1, 1);
        i--;
      } else out[i - 1] = { ...prev, text: rest };
    }
  }
  return out;
}

/** The plain text of spans. */
export function spansText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}
