/**
 * Paragraph and character styles. Style ids follow the names the Secretariat's own Word
 * templates use where we know them (SingleTxt for body text, HCh / H1 / H23 for headings)
 * [inferred], so a DOCX edited in New York feels familiar; everything is Times New Roman.
 *
 * Issued layout (un-format.md "Type"): body 10 pt on exact 12 pt lines, 6 pt after, justified;
 * document title 14 pt bold; subtitles 12 pt bold; "Part one" 20 pt bold; chapter "I." 14 pt
 * bold; "A." 12 pt bold; "1." 10 pt bold; footnotes 9 pt; table column heads 8 pt italic.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Lang } from '../../../core/model/schema';
import { pt, type Geometry } from './geometry';

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

export const FONT = 'Times New Roman';

export function documentStyles(g: Geometry, lang: Lang): IStylesOptions {
  const exact = g.lineRule === 'exact' ? LineRuleType.EXACT : LineRuleType.AUTO;
  const line = (exactPt: number) => (g.lineRule === 'exact' ? pt(exactPt) : g.size.bodyLine);
  const column = { left: g.bodyLeft, right: g.bodyRight };
  const manuscript = g.profile === 'manuscript';

  /** Headings carry an outline level, so Word's navigation pane and a table of contents see them. */
  const heading = (id: string, name: string, size: number, linePt: number, before: number, after: number, hang: boolean, outlineLevel: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: S.body,
    quickFormat: true,
    run: { bold: true, size },
    paragraph: {
      alignment: AlignmentType.LEFT,
      keepNext: true,
      keepLines: true,
      spacing: { before, after, line: line(linePt), lineRule: exact },
      indent: hang ? { left: g.headingLeft, right: g.bodyRight, hanging: g.headingHang } : column,
      leftTabStop: g.headingLeft,
      outlineLevel,
    },
  });

  return {
    default: {
      document: {
        run: { font: FONT, size: g.size.body, language: { value: lang === 'fr' ? 'fr-FR' : 'en-US' } },
        paragraph: { spacing: { after: g.size.after, line: g.size.bodyLine, lineRule: exact } },
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
        run: { bold: true, size: g.size.title },
        paragraph: {
          alignment: AlignmentType.LEFT,
          keepNext: true,
          keepLines: true,
          spacing: { before: 0, after: manuscript ? pt(12) : pt(18), line: line(16), lineRule: exact },
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
        run: { bold: true, size: g.size.subtitle },
        paragraph: { alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, spacing: { before: 0, after: pt(12), line: line(14), lineRule: exact }, indent: column },
      },
      heading(S.partHeading, 'Part heading', g.size.partHeading, 22, pt(12), pt(12), false, 0),
      heading(S.chapter, 'H Ch', g.size.chapter, 16, pt(12), pt(12), true, 1),
      heading(S.section, 'H 1', g.size.section, 14, pt(12), pt(6), true, 2),
      heading(S.subsection, 'H 23', g.size.subsection, 12, pt(6), pt(6), true, 3),
      heading(S.unnumberedHeading, 'H 1 (unnumbered)', g.size.section, 14, pt(12), pt(6), false, 2),
      heading(S.annexHeading, 'Annex heading', g.size.title, 16, 0, pt(12), false, 0),
      {
        id: S.originalMarker,
        name: 'Original language marker',
        basedOn: 'Normal',
        next: S.subtitle,
        paragraph: { alignment: AlignmentType.RIGHT, keepNext: true, indent: column, spacing: { after: pt(12) } },
      },
      {
        id: S.signature,
        name: 'Signature (UN)',
        basedOn: 'Normal',
        next: S.body,
        paragraph: { alignment: AlignmentType.RIGHT, keepLines: true, indent: column, spacing: { before: pt(24), after: pt(6) } },
      },
      {
        id: S.tableText,
        name: 'Table text',
        basedOn: 'Normal',
        next: S.tableText,
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: pt(2), after: pt(2) } },
      },
      {
        id: S.tableHead,
        name: 'Table column head',
        basedOn: S.tableText,
        next: S.tableText,
        run: { italics: true, size: g.size.tableHead },
        paragraph: { keepNext: true, spacing: { before: pt(3), after: pt(3), line: manuscript ? g.size.bodyLine : pt(10), lineRule: exact } },
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
        run: { size: g.size.furniture },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: manuscript ? 240 : pt(11), lineRule: exact } },
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
        run: { size: g.size.footnote },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: g.bodyLeft, right: g.bodyRight },
          spacing: { before: 0, after: manuscript ? 0 : pt(2), line: g.size.footnoteLine, lineRule: exact },
        },
      },
    ],
  };
}
