/**
 * The letter stage: what frames a document's parts rather than filling them — the letter and
 * statement titles, annex and enclosure headings, the statement's opening formula and the
 * quotation it introduces, the letter's signature blocks (with the title lines around them).
 * The wording is read back into metadata; the source text is kept in `generated` for finish.ts.
 */
import type { Part, Person } from '../../model/schema';
import type { SourceParagraph, SourceRun } from '../source';
import { lineText, runsText } from '../source';
import { canon, isTitleLine, parseLetterTitle, parseOpening, roleFromTitleLines, SIGNED } from '../phrases';
import { sliceRuns, sliceRunsEnd } from './runs';
import { add, target, unsureAt } from './emit';
import { classify } from './blocks';
import type { Reading } from './state';

export function letterTitle(r: Reading, p: SourceParagraph, text: string): number {
  r.letterTitleSeen = true;
  r.letter = r.b.part('letter');
  r.current = r.letter;
  r.awaitingTitle = undefined;
  const parsed = parseLetterTitle(text);
  if (!parsed) {
    unsureAt(r, p, text, 'letter title not understood: kept as written', 'title-not-understood', { partId: r.letter.id });
  } else {
    r.titleInfo = parsed;
    if (parsed.sender.unsure) unsureAt(r, p, text, parsed.sender.unsure, 'sender-not-recognised', { partId: r.letter.id });
    if (parsed.letterDate === undefined) unsureAt(r, p, text, 'no date found in the letter title', 'title-without-date', { partId: r.letter.id });
  }
  r.generated.push({ key: `title:${r.letter.id}`, source: text, line: p.line, what: 'letter title' });
  return 0;
}

export function statementTitle(r: Reading, p: SourceParagraph, text: string): number {
  r.statement = true;
  r.body = r.b.part('body', { bodyType: 'statement' });
  r.current = r.body;
  r.generated.push({ key: `title:${r.body.id}`, source: text, line: p.line, what: 'statement title' });
  if (/de la Présidente/.test(text)) r.statementPresidentGender = 'f';
  return 0;
}

export function opening(r: Reading, p: SourceParagraph, text: string): number {
  r.statement = true;
  if (!r.current || r.current === r.letter) {
    r.body = r.b.part('body', { bodyType: 'statement' });
    r.current = r.body;
  }
  const block = add(r, { kind: 'opening' }, undefined, r.current);
  const parsed = parseOpening(text);
  if (parsed && parsed.date) {
    r.meta.meeting = { number: parsed.number, date: parsed.date, item: { [parsed.lang]: parsed.item }, presidentGender: r.statementPresidentGender ?? parsed.presidentGender };
  } else {
    unsureAt(r, p, text, 'statement opening not understood: kept as written', 'opening-not-understood', { blockId: block.id });
  }
  r.generated.push({ key: `opening:${block.id}`, source: text, line: p.line, what: 'statement opening' });
  r.quote = { blocks: r.b.quote(r.current), open: false };
  return 0;
}

export function quoted(r: Reading, p: SourceParagraph, runs: SourceRun[], text: string): number {
  let rest = runs;
  const first = r.quote!.blocks.length === 0;
  if (first) {
    const lead = /^\s*[«“"]\s*/.exec(runsText(rest));
    if (lead) rest = sliceRuns(rest, lead[0].length);
  }
  // The quotation closes on the paragraph that ends with its closing mark (and no unclosed « of its own).
  const closing = /\s*[»”"]\s*([.;]?)\s*$/.exec(runsText(rest));
  const balanced = (canon(text).match(/«/g) ?? []).length <= (canon(text).match(/»/g) ?? []).length;
  if (closing && (balanced || /[”"]\s*[.;]?\s*$/.test(text))) {
    const all = runsText(rest);
    const cut = all.length - closing[0].length;
    rest = [...sliceRunsEnd(rest, cut), ...(closing[1] ? [{ type: 'text' as const, text: closing[1] }] : [])];
    classify(r, p, rest, r.quote!.blocks);
    r.quote = undefined;
    return 0;
  }
  classify(r, p, rest, r.quote!.blocks);
  return 0;
}

export function annexHeading(r: Reading, p: SourceParagraph, text: string, a: { kind: 'annex' | 'enclosure'; number?: number; toLetter: boolean }): number {
  r.quote = undefined;
  r.participants = undefined;
  r.participantsPending = false;
  r.afterSignature = false;
  // « Annexe à la lettre » belongs to the letter; a plain « Annexe » to the text being read
  // (seed 000's annex belongs to the report); an enclosure to the letter when there is one.
  let owner: Part | undefined;
  if (a.kind === 'annex') owner = a.toLetter ? r.letter : (r.body ?? r.letter);
  else owner = r.letter ?? r.body;
  owner ??= target(r);
  const part = r.b.part(a.kind, { owner });
  r.generated.push({ key: `heading:${part.id}`, source: text, line: p.line, what: `${a.kind} heading` });
  if (a.toLetter && !r.letter) unsureAt(r, p, text, 'annex to a letter, but no letter was found', 'annex-without-letter', { partId: part.id });
  r.current = part;
  r.awaitingTitle = part;
  return 0;
}


export function isSignatureParagraph(p: SourceParagraph): boolean {
  return p.lines.some((l) => SIGNED.test(lineText(l).trim()));
}

export function signature(r: Reading, p: SourceParagraph): number {
  const part = r.current ?? target(r);
  const lines = p.lines.map((l) => canon(lineText(l))).filter((t) => t !== '');
  // Title lines written above « (Signé) » in French come from earlier short paragraphs too.
  const before: string[] = [];
  if (r.lang === 'fr') {
    for (;;) {
      const last = part.blocks[part.blocks.length - 1];
      if (!last || last.kind !== 'paragraph' || last.numbered) break;
      const t = canon(runsText((r.b.doc.text[r.lang]?.[last.id]?.content ?? []).map((x) => (x.type === 'text' ? x : { type: 'text', text: '' }))));
      if (!isTitleLine(t)) break;
      part.blocks.pop();
      delete r.b.doc.text[r.lang]?.[last.id];
      before.unshift(...(r.sourceLinesOf.get(last.id) ?? [t]));
    }
  }
  // Group lines per signatory.
  const groups: { name: string; titles: string[]; signed: string }[] = [];
  let pending: string[] = [...before];
  for (const l of lines) {
    if (SIGNED.test(l)) {
      const name = canon(l.replace(SIGNED, ''));
      const signed = canon(l);
      if (r.lang === 'fr') {
        groups.push({ name, titles: pending, signed });
        pending = [];
      } else {
        if (pending.length > 0 && groups.length > 0) groups[groups.length - 1]!.titles.push(...pending);
        else if (pending.length > 0) add(r, { kind: 'paragraph', numbered: false }, [{ type: 'text', text: pending.join(' ') }], part);
        pending = [];
        groups.push({ name, titles: [], signed });
      }
    } else pending.push(l);
  }
  if (pending.length > 0) {
    if (r.lang === 'en' && groups.length > 0) groups[groups.length - 1]!.titles.push(...pending);
    else add(r, { kind: 'paragraph', numbered: false }, [{ type: 'text', text: pending.join(' ') }], part);
  }

  let block = part.blocks[part.blocks.length - 1];
  if (!block || block.kind !== 'signature') block = undefined;
  const ids: string[] = [];
  for (const g of groups) {
    const id = `person${r.signatories.length + 1}`;
    const info = roleFromTitleLines(g.titles, r.lang);
    const person: Person = {
      id,
      name: g.name === '' ? '…' : g.name,
      gender: info.gender ?? 'm',
      role: { kind: info.kind ?? 'other', ...(info.country ? { country: info.country } : {}) },
    };
    if (g.name === '') unsureAt(r, p, lines.join(' / '), 'signature without a name', 'signature-without-name');
    ids.push(id);
    r.signatories.push({ person, lines: g.titles, blockId: '', signed: g.signed });
  }
  if (ids.length === 0) return 0;
  if (block && block.kind === 'signature') block.signatories.push(...ids);
  else block = add(r, { kind: 'signature', signatories: ids }, undefined, part);
  for (const s of r.signatories) if (ids.includes(s.person.id)) s.blockId = block.id;
  r.afterSignature = part === r.letter;
  return 0;
}

/**
 * English prints a signatory's titles under "(Signed) Name"; a document whose lines are separate
 * paragraphs (DOCX) gives them after the signature: "Chargé d'affaires a.i." belongs to it, and
 * says who signed, instead of starting the next text.
 */
export function signatoryTitleAfter(r: Reading, text: string): boolean {
  if (r.lang !== 'en' || !isTitleLine(text)) return false;
  const part = r.current ?? target(r);
  const last = part.blocks[part.blocks.length - 1];
  if (!last || last.kind !== 'signature') return false;
  const signatory = r.signatories.find((s) => s.person.id === last.signatories[last.signatories.length - 1]);
  if (!signatory) return false;
  signatory.lines.push(canon(text));
  const info = roleFromTitleLines(signatory.lines, r.lang);
  signatory.person.role = { kind: info.kind ?? 'other', ...(info.country ? { country: info.country } : {}) };
  if (info.gender) signatory.person.gender = info.gender;
  return true;
}
