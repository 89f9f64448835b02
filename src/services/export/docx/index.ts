/**
 * UN-formatted DOCX export (no Electron import: the CLI, tests and the app's main process share
 * it). Everything the page shows comes from `layoutDocument(doc, lang)`; this module only
 * decides how Word should hold it:
 *
 *   geometry.ts   page sizes, margins, indents and type sizes per profile
 *   styles.ts     paragraph and character styles (SingleTxt, HCh, H1, H23, …)
 *   numbering.ts  Word numbering definitions and which list instance each number lives in
 *   masthead.ts   UN masthead, joint-document session columns, mission letterhead
 *   furniture.ts  headers and footers, page numbers, job number, barcode, watermark
 *   barcode.ts    Code 39 drawn as a PNG
 *   blocks.ts     parts and blocks → paragraphs and tables
 *   inline.ts     spans → runs; footnote indicators on the right side of punctuation
 *   footnotes.ts  Word footnotes
 *   xrefs.ts      cross-references as REF fields to bookmarks
 *   fields.ts     complex fields
 *
 * Profiles (../options.ts): `issued` (default: masthead, symbol headers, job number furniture),
 * `manuscript` (what a mission submits: no furniture, 12 pt double-spaced), `letterhead` (the
 * letter as the chair signs it: the mission's letterhead and the scanned signature).
 */
import { Document, Packer } from 'docx';
import type { RDocument } from '../../../core/model/schema';
import { listBlocks } from '../../../core/model/walk';
import { layoutDocument, spansText } from '../../../core/render/layout';
import type { ExportOptions, ExportWarning } from '../../../core/render/options';
import { BodyWriter, type BodyContext } from './blocks';
import { Footnotes } from './footnotes';
import { furniture } from './furniture';
import { geometry } from './geometry';
import { letterhead, mastheadTable, sessionColumns } from './masthead';
import { numberingDefinitions, planNumbering } from './numbering';
import { documentStyles } from './styles';
import { CrossReferences } from './xrefs';

export type DocxResult = { bytes: Uint8Array; warnings: ExportWarning[] };

export async function exportDocx(doc: RDocument, options: ExportOptions): Promise<DocxResult> {
  const lang = options.lang;
  const warnings: ExportWarning[] = [];
  const layout = layoutDocument(doc, lang);
  const g = geometry(options.profile, options.paper);
  const plan = planNumbering(layout);
  const xrefs = new CrossReferences(layout, plan, doc, lang);
  const footnotes = new Footnotes();
  const inline = { lang, xrefs, footnote: footnotes.sink };
  footnotes.inline = inline;

  const signatories = new Map<string, string[]>();
  for (const { block } of listBlocks(doc)) if (block.kind === 'signature') signatories.set(block.id, block.signatories);
  const ctx: BodyContext = {
    doc,
    layout,
    lang,
    g,
    options,
    plan,
    xrefs,
    inline,
    warnings,
    signatories,
    stats: { placeholders: 0, brokenXrefs: 0, missingSignatures: new Set() },
  };

  const writer = new BodyWriter(ctx);
  if (options.profile === 'issued') {
    if (doc.meta.symbols.filter((s) => s.trim() !== '').length === 0)
      warnings.push({ code: 'missing-symbol', message: 'The document has no symbol yet: the masthead and the header of later pages are left without one.' });
    if (!doc.meta.issueDate) warnings.push({ code: 'missing-date', message: 'The document has no issue date: the masthead date line is left blank.' });
    writer.push(mastheadTable(layout.masthead, doc, lang, g, options, warnings));
    const sessions = sessionColumns(layout.masthead, doc, lang, g);
    if (sessions) writer.push(sessions);
  } else if (options.profile === 'letterhead') {
    writer.push(...letterhead(doc, lang, g, options, warnings));
  }
  layout.parts.forEach((part, i) => writer.part(part, { afterMasthead: i === 0 && options.profile === 'issued' }));

  const { stats } = ctx;
  const missing = layout.missing.size;
  const langName = lang === 'fr' ? 'French' : 'English';
  if (missing > 0) warnings.push({ code: 'missing-text', message: `${missing} part title(s) or block(s) have no ${langName} text yet.` });
  if (stats.placeholders > 0) warnings.push({ code: 'placeholders', message: `${stats.placeholders} template placeholder(s) are still in the text.` });
  if (stats.brokenXrefs > 0) warnings.push({ code: 'broken-xref', message: `${stats.brokenXrefs} cross-reference(s) point to nothing.` });
  if (xrefs.unresolved.length > 0)
    warnings.push({ code: 'xref-not-field', message: `${xrefs.unresolved.length} cross-reference(s) are written as plain text, not as fields Word can update.` });
  if (plan.fallbacks > 0) warnings.push({ code: 'typed-numbers', message: `${plan.fallbacks} number(s) could not be made Word numbering and are typed.` });
  for (const name of stats.missingSignatures) warnings.push({ code: 'signature-image-missing', message: `No signature image for ${name}: set one in the settings.` });
  if (options.profile === 'letterhead' && !options.finalised && options.signatures && Object.keys(options.signatures).length > 0)
    warnings.push({ code: 'signature-not-placed', message: 'Signature images are placed only in exports of a finalised revision.' });

  const f = furniture(doc, g, options);
  const title = doc.meta.symbols.length > 0 ? doc.meta.symbols.join('–') : spansText(layout.parts[0]?.title ?? []);
  const document = new Document({
    creator: 'Rapporteur',
    title,
    styles: documentStyles(g, lang),
    numbering: numberingDefinitions(g, lang),
    footnotes: footnotes.notes,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: g.page.width, height: g.page.height }, margin: g.margin },
        },
        headers: f.headers,
        footers: f.footers,
        children: writer.out,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), warnings };
}
