/**
 * UN-formatted DOCX export (no Electron import: the CLI, tests and the app's main process share
 * it). Everything the page shows comes from `layoutDocument(doc, lang, options)`, the page
 * geometry and the warnings included; this module only decides how Word should hold it:
 *
 *   geometry.ts   the layout's geometry in twips and half-points
 *   styles.ts     paragraph and character styles (SingleTxt, HCh, H1, H23, …)
 *   numbering.ts  Word numbering definitions and which list instance each number lives in
 *   masthead.ts   UN masthead, joint-document session columns, mission letterhead
 *   furniture.ts  headers and footers, page numbers, job number, barcode, watermark
 *   barcode.ts    Code 39 drawn as a PNG
 *   blocks.ts     parts and blocks → paragraphs and tables
 *   inline.ts     spans → runs
 *   footnotes.ts  Word footnotes
 *   xrefs.ts      cross-references as REF fields to bookmarks
 *   fields.ts     complex fields
 *
 * Profiles (core/render/options.ts): `issued` (default: masthead, symbol headers, job number
 * furniture), `manuscript` (what a mission submits: no furniture, 12 pt double-spaced),
 * `letterhead` (the letter as the chair signs it: the mission's letterhead and the scanned
 * signature).
 */
import { counted } from '../../../core/locale/counted';
import type { RDocument } from '../../../core/model/schema';
import { layoutDocument } from '../../../core/render/layout';
import type { ExportOptions, ExportWarning } from '../../../core/render/options';
import { BodyWriter, type BodyContext } from './blocks';
import { Footnotes } from './footnotes';
import { furniture } from './furniture';
import { docxGeometry } from './geometry';
import { letterhead, mastheadTable, sessionColumns } from './masthead';
import { numberingDefinitions, planNumbering } from './numbering';
import { Revisions, type ChangesFrom } from './revisions';
import { packDocx, type DocxPackage } from './pack';
import { documentStyles } from './styles';
import { CrossReferences } from './xrefs';

export type DocxResult = { bytes: Uint8Array; warnings: ExportWarning[] };

/**
 * `changes`: mark what changed since an older version (revisions.ts), as Word tracked changes or
 * the Editorial Manual's strike-out and bold.
 */
export function exportDocx(doc: RDocument, options: ExportOptions, changes?: ChangesFrom): Promise<DocxResult> {
  const { pkg, warnings } = docxPackage(doc, options, changes);
  return Promise.resolve({ bytes: packDocx(pkg), warnings });
}

/** What the DOCX holds, as docx's parts, before it is packed; exported for the packer's test. */
export function docxPackage(doc: RDocument, options: ExportOptions, changes?: ChangesFrom): { pkg: DocxPackage; warnings: ExportWarning[] } {
  const lang = options.lang;
  const layout = layoutDocument(doc, lang, options);
  // What Word cannot hold as the layout says (an image, a number, a field) is reported after the layout's own warnings.
  const warnings: ExportWarning[] = [];
  const g = docxGeometry(layout.page);
  const plan = planNumbering(layout);
  const xrefs = new CrossReferences(layout, plan);
  const footnotes = new Footnotes();
  const inline = { lang, xrefs, footnote: footnotes.sink };
  footnotes.inline = inline;

  const ctx: BodyContext = { layout, g, options, plan, xrefs, inline, warnings };
  if (changes) ctx.revisions = new Revisions(changes, doc, layout, options);
  const writer = new BodyWriter(ctx);
  // a footnote whose words changed is written with them marked
  if (ctx.revisions?.style === 'tracked') footnotes.marked = (id) => writer.footnoteRuns(id);
  if (options.profile === 'issued') {
    writer.push(mastheadTable(layout.masthead, g, options, warnings));
    const sessions = sessionColumns(layout.masthead, g);
    if (sessions) writer.push(sessions);
  } else if (layout.letterhead) {
    writer.push(...letterhead(layout.letterhead, g, options, warnings));
  }
  layout.parts.forEach((part, i) => writer.part(part, { afterMasthead: i === 0 && options.profile === 'issued' }));
  writer.ghostsAtStart();

  if (xrefs.unresolved.length > 0)
    warnings.push({ code: 'xref-not-field', message: `${counted(xrefs.unresolved.length, 'cross-reference', 'cross-references')} written as plain text, not as fields Word can update.` });
  if (plan.fallbacks > 0) warnings.push({ code: 'typed-numbers', message: `${counted(plan.fallbacks, 'number', 'numbers')} typed as text: Word numbering could not be made to give the same.` });

  const f = furniture(layout, g);
  const pkg: DocxPackage = {
    options: {
      creator: 'Rapporteur',
      title: layout.title,
      styles: documentStyles(g, lang),
      numbering: numberingDefinitions(g, lang),
      footnotes: footnotes.notes,
      evenAndOddHeaderAndFooters: true,
    },
    section: {
      properties: {
        titlePage: true,
        page: { size: { width: g.page.width, height: g.page.height }, margin: g.margin },
      },
      headers: f.headers,
      footers: f.footers,
    },
    body: writer.out,
  };
  return { pkg, warnings: [...layout.warnings, ...warnings] };
}
