/**
 * Paragraph and character styles. Style ids follow the names the Secretariat's own Word
 * templates use where we know them (SingleTxt for body text, HCh / H1 / H23 for headings)
 * [inferred], so a DOCX edited in New York feels familiar. Sizes, leading and spacing are the
 * page geometry's (core/render/geometry.ts); this file says which Word style holds which.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Lang } from '../../../core/model/schema';
import type { TextStyle } from '../../../core/render/geometry';
import { lineOf, pt, sizeOf, type Geometry } from './geometry';

export const S = {
  body: 'SingleTxt',
  title: 'UNTitle',
  subtitle: 'UNSubtitle',
  partHeading: 'HPart',
  chapter: 'HCh',
  section: 'H1',
  subsection: 'H23',
  unnumberedHeading: 'H1Unnumbered',
  annexHeading: 'AnnexHeading',
  originalMarker: 'OriginalMarker',
  signature: 'Signature',
  tableText: 'TableText',
  tableHead: 'TableHead',
  participant: 'Participant',
  bullet: 'Bullet1',
  furniture: 'Furniture',
  masthead: 'Masthead',
  footnoteText: 'FootnoteText',
} as const;

export function documentStyles(g: Geometry, lang: Lang): IStylesOptions {
  const st = g.points.style;
  const exact = g.points.spacing === 'exact' ? LineRuleType.EXACT : LineRuleType.AUTO;
  const column = { left: g.bodyLeft, right: g.bodyRight };
  /** A style's spacing: space before and after, and its line. */
  const spacing = (style: TextStyle, before = style.before) => ({ before: pt(before), after: pt(style.after), line: lineOf(g, style), lineRule: exact });

  /** Headings carry an outline level, so Word's navigation pane and a table of contents see them. */
  const heading = (id: string, name: string, style: TextStyle, hang: boolean, outlineLevel: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: S.body,
    quickFormat: true,
    run: { bold: true, size: sizeOf(style) },
    paragraph: {
      alignment: AlignmentType.LEFT,
      keepNext: true,
      keepLines: true,
      spacing: spacing(style),
      indent: hang ? { left: g.headingLeft, right: g.bodyRight, hanging: g.headingHang } : column,
      leftTabStop: g.headingLeft,
      outlineLevel,
    },
  });

  return {
    default: {
      document: {
        run: { font: g.points.font.family, size: sizeOf(st.body), language: { value: lang === 'fr' ? 'fr-FR' : 'en-US' } },
        paragraph: { spacing: { after: pt(st.body.after), line: lineOf(g, st.body), lineRule: exact } },
      },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      {
        id: S.body,
        name: 'Single Txt',
        basedOn: 'Normal',
        next: S.body,
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: column },
      },
      {
        id: S.title,
        name: 'Document title',
        basedOn: 'Normal',
        next: S.body,
        quickFormat: true,
        run: { bold: true, size: sizeOf(st.title) },
        paragraph: {
          alignment: AlignmentType.LEFT,
          keepNext: true,
          keepLines: true,
          spacing: spacing(st.title),
          indent: column,
          outlineLevel: 0,
        },
      },
      {
        id: S.subtitle,
        name: 'Subtitle (UN)',
        basedOn: 'Normal',
        next: S.body,
        quickFormat: true,
        run: { bold: true, size: sizeOf(st.subtitle) },
        paragraph: { alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, spacing: spacing(st.subtitle), indent: column },
      },
      heading(S.partHeading, 'Part heading', st.partHeading, false, 0),
      heading(S.chapter, 'H Ch', st.chapter, true, 1),
      heading(S.section, 'H 1', st.section, true, 2),
      heading(S.subsection, 'H 23', st.subsection, true, 3),
      heading(S.unnumberedHeading, 'H 1 (unnumbered)', st.unnumberedHeading, false, 2),
      heading(S.annexHeading, 'Annex heading', st.annexHeading, false, 0),
      {
        id: S.originalMarker,
        name: 'Original language marker',
        basedOn: 'Normal',
        next: S.subtitle,
        paragraph: { alignment: AlignmentType.RIGHT, keepNext: true, indent: column, spacing: { after: pt(st.originalMarker.after) } },
      },
      {
        id: S.signature,
        name: 'Signature (UN)',
        basedOn: 'Normal',
        next: S.body,
        paragraph: { alignment: AlignmentType.RIGHT, keepLines: true, indent: column, spacing: { before: pt(st.signature.before), after: pt(st.signature.after) } },
      },
      {
        id: S.tableText,
        name: 'Table text',
        basedOn: 'Normal',
        next: S.tableText,
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: pt(st.tableText.before), after: pt(st.tableText.after) } },
      },
      {
        id: S.tableHead,
        name: 'Table column head',
        basedOn: S.tableText,
        next: S.tableText,
        run: { italics: true, size: sizeOf(st.tableHead) },
        paragraph: { keepNext: true, spacing: spacing(st.tableHead) },
      },
      {
        id: S.participant,
        name: 'Participant',
        basedOn: S.body,
        next: S.participant,
        paragraph: { alignment: AlignmentType.LEFT, indent: { left: g.bodyLeft + g.tab, right: g.bodyRight, hanging: g.tab } },
      },
      {
        id: S.bullet,
        name: 'Bullet 1',
        basedOn: S.body,
        next: S.bullet,
        paragraph: { indent: { left: g.bodyLeft + g.tab + Math.round(g.tab / 2), right: g.bodyRight, hanging: Math.round(g.tab / 2) } },
      },
      {
        id: S.furniture,
        name: 'Page furniture',
        basedOn: 'Normal',
        run: { size: sizeOf(st.furniture) },
        // Furniture is never double-spaced: single lines (240ths) in the manuscript.
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: g.points.spacing === 'exact' ? pt(st.furniture.line) : 240, lineRule: exact } },
      },
      {
        id: S.masthead,
        name: 'Masthead',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: pt(12), lineRule: LineRuleType.EXACT } },
      },
      {
        id: S.footnoteText,
        name: 'footnote text',
        basedOn: 'Normal',
        run: { size: sizeOf(st.footnote) },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: g.bodyLeft, right: g.bodyRight },
          spacing: spacing(st.footnote),
        },
      },
    ],
  };
}
