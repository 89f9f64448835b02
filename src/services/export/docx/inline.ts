/**
 * Spans (the layout's inline text) → DOCX runs: marks, footnote references, cross-reference
 * fields. Footnote indicators are moved to the side of the punctuation each language wants.
 */
import { FootnoteReferenceRun, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Lang } from '../../../core/model/schema';
import type { Span } from '../../../core/render/layout';
import type { CrossReferences } from './xrefs';

export type RunProps = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/** Registers a footnote's content, returns the id to reference it by. */
export type FootnoteSink = (footnote: NonNullable<Span['footnote']>) => number;

export type InlineContext = {
  lang: Lang;
  xrefs: CrossReferences;
  footnote: FootnoteSink;
};

const EN_AFTER = /^[.,;:!?]+/;
const FR_BEFORE = /[ \u00a0\u202f]*[.,;:!?]+$/;

/**
 * Editorial Manual, footnotes: the indicator follows punctuation in English ("text,¹") and
 * precedes it in French (« texte¹, »). Whatever side the drafter typed it on, it is moved.
 * Returns new spans; the layout is left as it is.
 */
export function placeFootnoteIndicators(spans: Span[], lang: Lang): Span[] {
  // Spans are copied only where text moves: cross-reference spans keep their identity.
  const out = [...spans];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]!.footnote) continue;
    if (lang === 'en') {
      const next = out[i + 1];
      const m = next && !next.footnote && !next.xref ? EN_AFTER.exec(next.text) : null;
      if (!next || !m) continue;
      const rest = next.text.slice(m[0].length);
      if (rest === '') out.splice(i + 1, 1);
      else out[i + 1] = { ...next, text: rest };
      out.splice(i, 0, { ...next, text: m[0] });
      i++;
    } else {
      const prev = out[i - 1];
      const m = prev && !prev.footnote && !prev.xref ? FR_BEFORE.exec(prev.text) : null;
      if (!prev || !m) continue;
      const rest = prev.text.slice(0, prev.text.length - m[0].length);
      out.splice(i + 1, 0, { ...prev, text: m[0] });
      if (rest === '') {
        out.splice(i - 1, 1);
        i--;
      } else out[i - 1] = { ...prev, text: rest };
    }
  }
  return out;
}

/** Plain text → runs, with tabs and line breaks as Word elements. */
export function textRuns(text: string, props: RunProps = {}): TextRun[] {
  const out: TextRun[] = [];
  text.split('\n').forEach((line, li) => {
    const pieces = line.split('\t');
    pieces.forEach((piece, pi) => {
      const children: (string | Tab)[] = [];
      if (pi > 0) children.push(new Tab());
      if (piece !== '') children.push(piece);
      if (children.length === 0 && !(li > 0 && pi === 0)) return;
      out.push(new TextRun({ ...props, ...(li > 0 && pi === 0 ? { break: 1 } : {}), children }));
    });
  });
  return out;
}

function spanProps(span: Span, base: RunProps): RunProps {
  return {
    ...base,
    ...(span.bold ? { bold: true } : {}),
    ...(span.italic ? { italics: true } : {}),
    ...(span.superscript ? { superScript: true } : {}),
  };
}

export function inlineRuns(spans: Span[], ctx: InlineContext, base: RunProps = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const span of placeFootnoteIndicators(spans, ctx.lang)) {
    if (span.footnote) {
      out.push(new FootnoteReferenceRun(ctx.footnote(span.footnote)));
    } else if (span.xref) {
      const props = spanProps(span, base);
      out.push(...ctx.xrefs.runs(span, (t) => new TextRun({ ...props, text: t })));
    } else {
      out.push(...textRuns(span.text, spanProps(span, base)));
    }
  }
  return out;
}
