/**
 * Generated text as a document shows it: every piece of wording that follows rules rather than
 * the drafter's pen (letter titles, annex headings, the closing request, signature lines, the
 * presidential-statement opening formula and title) with the drafter's overrides applied. Each
 * can be overridden per language in `doc.overrides` (the seeds vary in small ways: seed 003
 * writes « Je vous serais donc obligé »). The rules themselves live beside this file, one file
 * per kind of text (letters, statements, signatures, masthead, and roles for the people they
 * name), in each language's own word order.
 *
 * Output uses ordinary spaces and straight apostrophes; typography is applied when rendering.
 */
import { reportTitle } from './period';
import type { Block, Lang, Part, RDocument } from '../model/schema';
import { listParts } from '../model/walk';
import type { Numbering } from '../numbering/numbering';
import { closingRequest, letterTitle, partHeading } from './letters';
import { reportLetterOpening } from './report-letter';
import { statementOpening, statementTitle } from './statements';

export function override(doc: RDocument, key: string, lang: Lang): string | undefined {
  return doc.overrides[key]?.[lang];
}

/**
 * The title of a part in a language: generated for letters (and statements), authored text for
 * the rest (the part's own entry in the text layer). `generated` says which.
 */
export function partTitle(doc: RDocument, part: Part, lang: Lang): { text: string; generated: boolean } {
  const o = override(doc, `title:${part.id}`, lang);
  if (o !== undefined) return { text: o, generated: true };
  if (part.kind === 'letter') return { text: letterTitle(doc, lang), generated: true };
  if (part.kind === 'body' && doc.meta.kind === 'presidential-statement') return { text: statementTitle(doc, lang), generated: true };
  const authored = doc.text[lang]?.[part.id];
  const text = authored ? authored.content.map((r) => (r.type === 'text' ? r.text : '')).join('') : '';
  // A report's title states its reporting period from the metadata (once, for every output).
  const report = part.kind === 'body' && part.bodyType === 'report' ? reportTitle(doc, text, lang) : undefined;
  if (report !== undefined) return { text: report, generated: true };
  return { text, generated: false };
}

/** Heading of an annex/enclosure, honouring its override. */
export function partHeadingText(doc: RDocument, part: Part, lang: Lang, numbering?: Numbering): string {
  const o = override(doc, `heading:${part.id}`, lang);
  if (o !== undefined) return o;
  const parent = listParts(doc).find((p) => p.part === part)?.parent;
  return partHeading(doc, part, parent, lang, numbering);
}

/** Text of a generated block (closing, opening), honouring its override. */
export function generatedBlockText(doc: RDocument, block: Block, part: Part, lang: Lang): string | undefined {
  if (block.kind === 'closing') return override(doc, `closing:${block.id}`, lang) ?? closingRequest(doc, part, lang);
  // in a letter, the opening sentence that transmits a report (and states its period); elsewhere, a statement's opening formula
  if (block.kind === 'opening') return override(doc, `opening:${block.id}`, lang) ?? (part.kind === 'letter' ? reportLetterOpening(doc, lang) : statementOpening(doc, lang));
  return undefined;
}
