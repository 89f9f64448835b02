/**
 * The structure recogniser: source paragraphs (from text or DOCX) → a Rapporteur document.
 *
 * One pass over the paragraphs with a little lookahead, in this order of precedence:
 * masthead lines → letter / statement titles → annex and enclosure headings (with their
 * « [Original : …] » and titles) → closing request, signature blocks, statement opening and
 * quotation → labelled blocks (I. chapters, A. sections, 1. paragraphs or subsections,
 * a) / (a) / i) / (i) subparagraphs, bullets) → lists of participants, tables → headings from
 * formatting → ordinary paragraphs. Typed numbers become structure and are then dropped: the
 * numbering engine renumbers the document, and every number that comes out different from the
 * source is reported. Whatever is not recognised stays an ordinary paragraph: no text is lost.
 *
 * Generated text (the letter title, annex headings, the closing request, the opening formula,
 * signature lines) is read back into metadata; wherever the metadata does not regenerate the
 * source word for word, the source wording is kept as an override.
 *
 * The stages, each a function of the reading state (state.ts) it is handed: labels.ts and
 * runs.ts (reading a paragraph), masthead.ts, letter.ts (titles, annex headings, opening,
 * quotation, signatures), blocks.ts (labelled blocks, headings, participants, paragraphs),
 * tables.ts, emit.ts (adding to the document), finish.ts (metadata, overrides, the report).
 * This file holds the order of precedence between them.
 */
import type { HandedOver, SourceParagraph } from '../source';
import { isWholeBold, paragraphRuns, runsText } from '../source';
import { canon, looksLikeClosing, looksLikeLetterTitle, looksLikeOpening, looksLikeStatementTitle, parseAnnexHeading, parseOriginalMarker } from '../phrases';
import { readLabel } from './labels';
import { dropMarks, headingLike, words } from './runs';
import { add, inlines } from './emit';
import { applyMasthead, readMasthead, unwrapMastheadTables } from './masthead';
import { annexHeading, isSignatureParagraph, letterTitle, opening, quoted, signatoryTitleAfter, signature, statementTitle } from './letter';
import { ordinary, participant, PARTICIPANTS_HEADING } from './blocks';
import { flatTable, table } from './tables';
import { finish } from './finish';
import { BODY_TYPES, newReading, type ImportResult, type Reading, type RecognizeOptions } from './state';

export type { ImportReport, ImportResult, RecognizeOptions } from './state';

/** Handles one source paragraph; returns how many following source blocks it consumed too. */
function paragraph(r: Reading, p: SourceParagraph, index: number): number {
  const runs = paragraphRuns(p);
  const text = canon(runsText(runs));
  if (text === '') {
    if (runs.some((x) => x.type === 'footnote')) add(r, { kind: 'paragraph', numbered: false }, runs);
    return 0;
  }

  if (r.opts.fragment) return ordinary(r, p, runs, index);

  // Titles that start a part
  if (!r.letterTitleSeen && looksLikeLetterTitle(text)) return letterTitle(r, p, text);
  if (!r.statement && looksLikeStatementTitle(text)) return statementTitle(r, p, text);
  const annex = parseAnnexHeading(text);
  if (annex && (p.heading !== undefined || isWholeBold(runs) || words(text) <= 4 || annex.toLetter)) return annexHeading(r, p, text, annex);

  // Just after an annex or enclosure heading: its « [Original : …] » and its title
  if (r.awaitingTitle) {
    const part = r.awaitingTitle;
    const original = parseOriginalMarker(text);
    if (original !== undefined) {
      if (original === 'other') r.warnings.push(`annex original language "${text}" is neither French nor English; not recorded`);
      else part.originalLanguage = original;
      return 0;
    }
    r.awaitingTitle = undefined;
    if (!readLabel(runsText(runs)) && !p.numbering && headingLike(text, 40) && !isSignatureParagraph(p)) {
      r.b.setText(part.id, inlines(r, dropMarks(runs, 'bold')));
      return 0;
    }
  }

  // Letter: closing request and signature
  if (isSignatureParagraph(p)) return signature(r, p);
  if (signatoryTitleAfter(r, text)) return 0;
  if (r.current && r.current === r.letter && looksLikeClosing(text)) {
    const block = add(r, { kind: 'closing' }, undefined);
    r.generated.push({ key: `closing:${block.id}`, source: text, line: p.line, what: 'closing request' });
    r.closingSource = text;
    return 0;
  }
  if (r.afterSignature) {
    // The letter is over: what follows is the text it transmits (seed 000's report).
    r.afterSignature = false;
    if (r.current === r.letter) {
      const title = headingLike(text, 60) && !readLabel(runsText(runs)) && !p.numbering;
      const bodyType = BODY_TYPES.find(([re]) => re.test(text))?.[1] ?? 'other';
      r.body = r.b.part('body', { bodyType, ...(title ? { title: inlines(r, dropMarks(runs, 'bold')) } : {}) });
      r.current = r.body;
      if (title) return 0;
    }
  }

  // Presidential statement: opening formula, then the statement in quotation marks
  if (looksLikeOpening(text) && !r.quote) return opening(r, p, text);
  if (r.statement && r.quote?.open === false && /^[«“"]/.test(text)) r.quote.open = true;
  if (r.statement && r.quote === undefined && /^[«“"]/.test(text) && r.current) {
    const blocks = r.b.quote(r.current);
    r.quote = { blocks, open: true };
  }
  if (r.quote?.open) return quoted(r, p, runs, text);

  // First paragraph of a document without letter: its title
  if (!r.current && !r.letterTitleSeen && headingLike(text, 40) && !readLabel(runsText(runs)) && !p.numbering) {
    const bodyType = BODY_TYPES.find(([re]) => re.test(text))?.[1] ?? 'other';
    r.body = r.b.part('body', { bodyType, title: inlines(r, dropMarks(runs, 'bold')) });
    r.current = r.body;
    return 0;
  }

  // Lists of participants
  if (PARTICIPANTS_HEADING.test(text)) {
    r.participants = undefined;
    add(r, { kind: 'heading', level: 'unnumbered' }, dropMarks(runs, 'bold'));
    r.participantsPending = true;
    return 0;
  }
  if (r.participantsPending || r.participants) {
    const handled = participant(r, p, runs, text, index);
    if (handled) return 0;
  }

  // A table flattened by PDF extraction: a row of column heads, then rows starting with a date
  if (!r.opts.formatted) {
    const consumed = flatTable(r, p, index);
    if (consumed > 0) return consumed - 1;
  }

  return ordinary(r, p, runs, index);
}

/** What a block of the source becomes once read: nothing is ever read from it. */
const READ: SourceParagraph = Object.freeze({ type: 'para', lines: [], join: 'break' });

/** Source paragraphs → document: the recogniser both importers share. It owns the blocks handed over (see HandedOver). */
export function recognize(source: HandedOver, opts: RecognizeOptions): ImportResult {
  const r: Reading = newReading(source.take(), opts);
  r.source = unwrapMastheadTables(r.source);
  let i = 0;
  if (!opts.fragment) {
    const masthead = readMasthead(r.source);
    applyMasthead(r, masthead.lines, masthead.agendas);
    i = masthead.end;
  }
  // The recogniser only looks ahead: each block is let go once read, so the source does not
  // stay alive whole beside the document being built (100,000 paragraphs: about 40 MB).
  r.source.fill(READ, 0, i);
  for (; i < r.source.length; i++) {
    const from = i;
    const block = r.source[i]!;
    if (block.type === 'table') table(r, block);
    else i += paragraph(r, block, i);
    r.source.fill(READ, from, i + 1);
  }
  return finish(r);
}
