/**
 * What the reader of any export should know about a document on a page, found once in the
 * layout so every output reports it alike: text this version lacks, template placeholders and
 * broken cross-references left in it (footnotes included), a masthead without symbol or date, a
 * letterhead profile without a letterhead, signatures that cannot be placed. Each renderer adds
 * only what is its own (an image it could not read, numbers Word could not be made to produce,
 * footnotes a browser cannot put at the foot of the page).
 */
import { counted } from '../locale/counted';
import type { RDocument } from '../model/schema';
import type { Layout, LayoutPart } from './layout';
import { blockSpans, eachLayoutBlock } from './traverse';
import type { ExportOptions, ExportWarning } from './options';
import { spansText, type Span } from './spans';

type Counts = { missing: number; placeholders: number; brokenXrefs: number; unsigned: Set<string> };

function countSpans(spans: Span[], c: Counts): void {
  for (const s of spans) {
    if (s.placeholder) c.placeholders++;
    if (s.xref?.broken) c.brokenXrefs++;
    if (s.footnote) countSpans(s.footnote.content, c);
  }
}

function countPart(part: LayoutPart, c: Counts, signatures: ((person: string | undefined, name: string) => void) | undefined): void {
  if (part.untranslated) c.missing++;
  countSpans(part.title, c);
  eachLayoutBlock(part.blocks, (b) => {
    if ('untranslated' in b && b.untranslated) c.missing++;
    for (const spans of blockSpans(b)) countSpans(spans, c);
    if (b.type === 'signature' && signatures) {
      for (const s of b.signatories) for (const line of s.lines) if (line.kind === 'name') signatures(s.person, spansText(line.name));
    }
  });
}

export function layoutWarnings(layout: Layout, doc: RDocument, options: Omit<ExportOptions, 'lang'>): ExportWarning[] {
  const out: ExportWarning[] = [];
  const letterhead = options.profile === 'letterhead';
  if (options.profile === 'issued') {
    if (doc.meta.symbols.filter((s) => s.trim() !== '').length === 0)
      out.push({ code: 'missing-symbol', message: 'The document has no symbol yet: the masthead and the header of later pages are left without one.' });
    if (!doc.meta.issueDate) out.push({ code: 'missing-date', message: 'The document has no issue date: the masthead date line is left blank.' });
  }
  const lh = options.letterhead;
  if (letterhead && (!lh || (lh.lines.length === 0 && !lh.logo)))
    out.push({ code: 'letterhead-missing', message: 'Letterhead profile without a letterhead (logo and address lines): set them in the settings.' });

  const c: Counts = { missing: 0, placeholders: 0, brokenXrefs: 0, unsigned: new Set() };
  // On the letterhead of a finalised revision each signatory's scanned signature goes above the name.
  const signatures =
    letterhead && options.finalised
      ? (person: string | undefined, name: string) => {
          if (!(person && options.signatures?.[person])) c.unsigned.add(name);
        }
      : undefined;
  for (const part of layout.parts) countPart(part, c, signatures);
  const langName = layout.lang === 'fr' ? 'French' : 'English';
  if (c.missing > 0) out.push(missingTextWarning(c.missing, langName));
  if (c.placeholders > 0) out.push({ code: 'placeholders', message: `${counted(c.placeholders, 'template placeholder', 'template placeholders')} still in the text.` });
  if (c.brokenXrefs > 0) out.push({ code: 'broken-xref', message: `${counted(c.brokenXrefs, 'cross-reference', 'cross-references')} pointing to nothing.` });
  for (const name of c.unsigned) out.push({ code: 'signature-image-missing', message: `No signature image for ${name}: set one in the settings.` });
  if (letterhead && !options.finalised && options.signatures && Object.keys(options.signatures).length > 0)
    out.push({ code: 'signature-not-placed', message: 'Signature images are placed only in exports of a finalised revision.' });
  return out;
}

/** Part titles and blocks a language version has no words for yet (`language`: its English name), said alike by every export. */
export function missingTextWarning(count: number, language: string): ExportWarning {
  return { code: 'missing-text', message: `${counted(count, 'part title or block', 'part titles or blocks')} with no ${language} text yet.` };
}
