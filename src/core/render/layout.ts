/**
 * The layout: a document in one language, resolved for one page (export profile and paper) into
 * everything a page shows, in reading order. Labels are computed, generated text (titles, annex
 * headings, closing request, opening formula, signature blocks) is filled in, cross-references
 * show their target's label, footnotes carry their number, language typography is applied (see
 * ./spans), table columns are sized, text a version lacks is flagged, and the page geometry, the
 * masthead and furniture words and the warnings every output reports come with it.
 *
 * Every renderer (the DOCX export, the HTML print view and PDF, the on-screen view) reads this
 * one structure and only translates it, so a rule lives in one place and all outputs agree.
 */
import type { Block, HeadingLevel, Inline, Lang, Part, PartKind, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { renderXref } from '../numbering/xref';
import { generatedBlockText, partHeadingText, partTitle } from '../wording/generated';
import { originalMarker } from '../wording/letters';
import { letterCourtesy } from '../wording/courtesy';
import { SIGNED, signatureBlock } from '../wording/signatures';
import { MISSING_TEXT_MARKER } from '../locale/markers';
import { missingText } from '../model/versions';
import { tableColumnWidths } from './columns';
import { layoutFurniture, layoutLetterhead, layoutMasthead, type Furniture, type LayoutLetterhead, type LayoutMasthead } from './furniture';
import { columnWidth, pageGeometry, type PageGeometry } from './geometry';
import { defaultExportOptions, type ExportOptions, type ExportWarning } from './options';
import { placeFootnoteIndicators, spansText, superscriptOrdinals, typeset, typesetSpans, type Span } from './spans';
import { partFootnotes } from './traverse';
import { layoutWarnings } from './warnings';

/** A line of a signature block: a title line, or the signed name with its marker apart. */
export type LayoutSignatureLine = { kind: 'title'; spans: Span[] } | { kind: 'name'; signed: Span; name: Span[] };

export type LayoutBlock =
  | { type: 'heading'; id: string; level: HeadingLevel; label: string | undefined; spans: Span[]; untranslated: boolean }
  | { type: 'paragraph'; id: string; numbered: boolean; label: string | undefined; spans: Span[]; untranslated: boolean }
  | { type: 'subparagraph'; id: string; level: 1 | 2 | 3 | 4; label: string; spans: Span[]; untranslated: boolean }
  | { type: 'bullet'; id: string; level: 1 | 2; spans: Span[]; untranslated: boolean }
  | { type: 'generated'; id: string; role: 'closing' | 'opening' | 'salutation' | 'close'; spans: Span[] }
  /** The signed letter's addressee block: one group of lines per addressee (letterhead profile). */
  | { type: 'addressee'; id: string; groups: Span[][][] }
  | { type: 'signature'; id: string; signatories: { person: string | undefined; lines: LayoutSignatureLine[] }[] }
  | {
      type: 'table';
      id: string;
      headerRows: number;
      /** Column widths in points, from the content (./columns), summing to the text column's width. */
      columns: number[];
      rows: { id: string; cells: { id: string; blocks: LayoutBlock[] }[] }[];
    }
  | { type: 'quote'; id: string; blocks: LayoutBlock[] }
  | { type: 'participants'; id: string; blocks: LayoutBlock[] }
  | { type: 'participant'; id: string; spans: Span[]; untranslated: boolean }
  | { type: 'pageBreak'; id: string };

export type LayoutPart = {
  id: string;
  kind: PartKind;
  depth: number;
  /** "Annexe I à la lettre datée du …", "Pièce jointe": annexes and enclosures only. */
  heading: Span[] | undefined;
  /** The title as printed: empty when there is none, or when this profile leaves it out. */
  title: Span[];
  titleGenerated: boolean;
  /**
   * Under "Annex to the letter dated …" an annex's own title is a subtitle (12 pt in the issued
   * layout); under a bare "Annex", and for a letter, report or statement, the document title.
   */
  titleStyle: 'title' | 'subtitle';
  /** The title has text in another language but none in this one (it shows the missing-text marker). */
  untranslated: boolean;
  /** "[Original : anglais]" when the part was written in another language than the document. */
  originalMarker: Span[] | undefined;
  /** Annexes, enclosures and a transmitted text start on a new page. */
  newPage: boolean;
  blocks: LayoutBlock[];
};

export type Layout = {
  lang: Lang;
  /** The page this layout is for: sizes, margins, indents and type, in points. */
  page: PageGeometry;
  /** The document's title for file properties: its symbols, else the first part's title. */
  title: string;
  masthead: LayoutMasthead;
  /** The mission's letterhead (letterhead profile only). */
  letterhead: LayoutLetterhead | undefined;
  furniture: Furniture;
  /** Parts flattened in document order (a part, then the parts it owns). */
  parts: LayoutPart[];
  footnotes: { id: string; number: number; content: Span[] }[];
  numbering: Numbering;
  /** What every output reports about this document on this page (each renderer adds its own). */
  warnings: ExportWarning[];
};

/** What the layout reads of an export's options: the page, and what is drawn on it (default: issued, Letter). */
export type PageOptions = Partial<Omit<ExportOptions, 'lang'>>;

// ---------------------------------------------------------------------------------------------

type Ctx = {
  doc: RDocument;
  lang: Lang;
  n: Numbering;
  partId: string;
  missing: Set<string>;
  /** What table columns share: the text column's width, and the type sizes and padding of cells. */
  tables: { width: number; bodySize: number; headSize: number; padding: number };
};

function inlineSpans(content: Inline[], ctx: Ctx): Span[] {
  const out: Span[] = [];
  for (const run of content) {
    if (run.type === 'text') {
      const marks = run.marks ?? [];
      const base: Span = { text: typeset(run.text, ctx.doc, ctx.lang) };
      if (marks.includes('bold')) base.bold = true;
      if (marks.includes('italic')) base.italic = true;
      if (marks.includes('superscript')) base.superscript = true;
      if (run.placeholder) base.placeholder = true;
      if (base.text !== '') out.push(...superscriptOrdinals(base, ctx.lang));
    } else if (run.type === 'xref') {
      const r = renderXref(run, ctx.n, ctx.partId);
      const to = run.form === 'range' && run.to !== undefined ? { to: run.to } : {};
      out.push({ text: r.text, xref: { target: run.target, ...to, broken: r.broken } });
    } else {
      const number = ctx.n.footnotes.get(run.id) ?? 0;
      out.push({ text: String(number), superscript: true, footnote: { id: run.id, number, content: inlineSpans(run.content, ctx) } });
    }
  }
  return placeFootnoteIndicators(out, ctx.lang);
}

/**
 * Inline content of `doc` as the layout writes it in part `partId` (typography, references as
 * `numbering` prints them, footnotes numbered): for text that is not a block of the layout, such
 * as the word runs of a comparison that a tracked-changes export writes.
 */
export function contentSpans(content: Inline[], doc: RDocument, lang: Lang, numbering: Numbering, partId: string): Span[] {
  return inlineSpans(content, { doc, lang, n: numbering, partId, missing: new Set(), tables: { width: 0, bodySize: 0, headSize: 0, padding: 0 } });
}

function textSpans(id: string, ctx: Ctx): Span[] {
  if (ctx.missing.has(id)) return [{ text: MISSING_TEXT_MARKER[ctx.lang], missing: true }];
  const t = ctx.doc.text[ctx.lang]?.[id];
  return t ? inlineSpans(t.content, ctx) : [];
}

/** Puts the statement in quotation marks: opening on its first paragraph, closing on its last. */
function quoteMarks(blocks: LayoutBlock[], lang: Lang): void {
  const withSpans = blocks.filter((b): b is Extract<LayoutBlock, { spans: Span[] }> => 'spans' in b && b.spans.length > 0);
  const first = withSpans[0];
  const last = withSpans[withSpans.length - 1];
  if (!first || !last) return;
  const [open, close] = lang === 'fr' ? ['«\u00a0', '\u00a0»'] : ['“', '”'];
  first.spans.unshift({ text: open });
  const tail = last.spans[last.spans.length - 1]!;
  // French closes the quotation before the final full stop (« … conviendra ». ), English after it.
  if (lang === 'fr' && !tail.footnote && tail.text.endsWith('.')) {
    tail.text = tail.text.slice(0, -1);
    last.spans.push({ text: `${close}.` });
  } else {
    last.spans.push({ text: close });
  }
}

function signatureLayout(block: Extract<Block, { kind: 'signature' }>, ctx: Ctx): Extract<LayoutBlock, { type: 'signature' }> {
  const signed: Span = { text: SIGNED[ctx.lang], italic: true };
  return {
    type: 'signature',
    id: block.id,
    signatories: signatureBlock(ctx.doc, block, ctx.lang).map((s) => ({
      person: s.person,
      lines: s.lines.map((line): LayoutSignatureLine =>
        line.kind === 'name' ? { kind: 'name', signed, name: typesetSpans(line.name, ctx.doc, ctx.lang) } : { kind: 'title', spans: typesetSpans(line.text, ctx.doc, ctx.lang) },
      ),
    })),
  };
}

function layoutBlock(block: Block, part: Part, ctx: Ctx): LayoutBlock {
  const label = ctx.n.blocks.get(block.id)?.label;
  const untranslated = ctx.missing.has(block.id);
  const inner = (b: Block) => layoutBlock(b, part, ctx);
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', id: block.id, level: block.level, label, spans: textSpans(block.id, ctx), untranslated };
    case 'paragraph':
      return { type: 'paragraph', id: block.id, numbered: block.numbered, label, spans: textSpans(block.id, ctx), untranslated };
    case 'subparagraph':
      return { type: 'subparagraph', id: block.id, level: block.level, label: label ?? '', spans: textSpans(block.id, ctx), untranslated };
    case 'bullet':
      return { type: 'bullet', id: block.id, level: block.level ?? 1, spans: textSpans(block.id, ctx), untranslated };
    case 'participant':
      return { type: 'participant', id: block.id, spans: textSpans(block.id, ctx), untranslated };
    case 'pageBreak':
      return { type: 'pageBreak', id: block.id };
    case 'closing':
    case 'opening':
      return { type: 'generated', id: block.id, role: block.kind, spans: typesetSpans(generatedBlockText(ctx.doc, block, part, ctx.lang) ?? '', ctx.doc, ctx.lang) };
    case 'signature':
      return signatureLayout(block, ctx);
    case 'table': {
      const rows = block.rows.map((row) => ({ id: row.id, cells: row.cells.map((cell) => ({ id: cell.id, blocks: cell.blocks.map(inner) })) }));
      const table = { type: 'table' as const, id: block.id, headerRows: block.headerRows, columns: [] as number[], rows };
      table.columns = tableColumnWidths(table, ctx.tables.width, ctx.tables);
      return table;
    }
    case 'quote': {
      const blocks = block.blocks.map(inner);
      quoteMarks(blocks, ctx.lang);
      return { type: 'quote', id: block.id, blocks };
    }
    case 'participants':
      return { type: 'participants', id: block.id, blocks: block.blocks.map(inner) };
  }
}

/**
 * The signed letter (letterhead profile): the salutation before the first block, the
 * complimentary close before the signature (after the closing request), the addressee block
 * after it, as ../wording/courtesy words them. Their ids derive from the letter's, so they never
 * meet a block's.
 */
function withCourtesy(part: Part, blocks: LayoutBlock[], ctx: Ctx): LayoutBlock[] {
  const c = letterCourtesy(ctx.doc, part, ctx.lang);
  const spans = (text: string) => typesetSpans(text, ctx.doc, ctx.lang);
  const signature = blocks.findIndex((b) => b.type === 'signature');
  const at = signature < 0 ? blocks.length : signature;
  return [
    { type: 'generated', id: `${part.id}-salutation`, role: 'salutation', spans: spans(c.salutation) },
    ...blocks.slice(0, at),
    { type: 'generated', id: `${part.id}-close`, role: 'close', spans: spans(c.close) },
    ...blocks.slice(at),
    { type: 'addressee', id: `${part.id}-addressee`, groups: c.addressee.map((g) => g.map(spans)) },
  ];
}

/**
 * The layout of `doc` in `lang` for the page `options` describe (default: the issued profile on
 * Letter paper, as the on-screen view shows it).
 */
export function layoutDocument(doc: RDocument, lang: Lang, options: PageOptions = {}, n: Numbering = numberDocument(doc, lang)): Layout {
  const opts: Omit<ExportOptions, 'lang'> = { ...defaultExportOptions(lang, options.profile), ...options };
  const page = pageGeometry(opts.profile, opts.paper);
  // Table columns share the text column; cells hold body text, header cells the column heads' size.
  const tables = { width: columnWidth(page), bodySize: page.style.body.size, headSize: page.style.tableHead.size, padding: page.cellPadding.left + page.cellPadding.right };
  const parts: LayoutPart[] = [];
  const missing = missingText(doc, lang);
  let firstTitle: Span[] | undefined;
  walkDocument(doc, {
    part: (part, pctx) => {
      const ctx: Ctx = { doc, lang, n, partId: part.id, missing, tables };
      const title = partTitle(doc, part, lang);
      const owned = part.kind === 'annex' || part.kind === 'enclosure';
      const heading = owned ? typesetSpans(partHeadingText(doc, part, lang, n), doc, lang) : undefined;
      // On the mission's letterhead the letter is the original as sent: the title "Letter dated …
      // from … addressed to …" is what the Secretariat gives it when it issues it.
      const omitTitle = opts.profile === 'letterhead' && part.kind === 'letter' && title.generated;
      const printed = !title.generated ? textSpans(part.id, ctx) : typesetSpans(title.text, doc, lang);
      firstTitle ??= printed;
      const bare = heading === undefined || spansText(heading) === n.parts.get(part.id)?.label;
      parts.push({
        id: part.id,
        kind: part.kind,
        depth: pctx.depth,
        heading,
        title: omitTitle ? [] : printed,
        titleGenerated: title.generated,
        titleStyle: owned && !bare ? 'subtitle' : 'title',
        untranslated: missing.has(part.id),
        originalMarker: part.originalLanguage && part.originalLanguage !== lang ? typesetSpans(originalMarker(part.originalLanguage, lang), doc, lang) : undefined,
        newPage: parts.length > 0 && (owned || part.kind === 'body'),
        blocks: opts.profile === 'letterhead' && part.kind === 'letter' ? withCourtesy(part, part.blocks.map((b) => layoutBlock(b, part, ctx)), ctx) : part.blocks.map((b) => layoutBlock(b, part, ctx)),
      });
    },
  });
  const footnotes = parts.flatMap(partFootnotes).sort((a, b) => a.number - b.number);
  const layout: Layout = {
    lang,
    page,
    title: doc.meta.symbols.length > 0 ? doc.meta.symbols.join('–') : spansText(firstTitle ?? []),
    masthead: layoutMasthead(doc, lang),
    letterhead: opts.profile === 'letterhead' ? layoutLetterhead(doc, lang, opts) : undefined,
    furniture: layoutFurniture(doc, lang, opts),
    parts,
    footnotes,
    numbering: n,
    warnings: [],
  };
  layout.warnings = layoutWarnings(layout, doc, opts);
  return layout;
}
