/**
 * Spans (the layout's inline text) → DOCX runs: marks, footnote references, cross-reference
 * fields. Footnote indicators are moved to the side of the punctuation each language wants.
 */
import { FootnoteReferenceRun, ShadingType, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Lang } from '../../../core/model/schema';
import type { Span } from '../../../core/render/spans';
import type { CrossReferences } from './xrefs';

export type RunProps = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/** Registers a footnote's content, returns the id to reference it by. */
export type FootnoteSink = (footnote: NonNullable<Span['footnote']>) => number;

export type InlineContext = {
  lang: Lang;
  xrefs: CrossReferences;
  footnote: FootnoteSink;
};

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
    // The marker of text this version lacks: italic on grey, so it cannot pass for the text.
    ...(span.missing ? { italics: true, shading: { type: ShadingType.CLEAR, fill: 'E6E6E6', color: 'auto' } } : {}),
  };
}

export function inlineRuns(spans: Span[], ctx: InlineContext, base: RunProps = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const span of spans) {
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
