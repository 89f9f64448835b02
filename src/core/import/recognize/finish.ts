/**
 * The finish stage of the recogniser: from what the reading stages gathered (state.ts) to the
 * document and its report — metadata, people, the document kind, generated text kept as written
 * where it does not regenerate, typed numbers the engine renumbers, unsure items placed on their
 * blocks — then the document is validated.
 */
import type { DocumentKind, Inline, Lang, RDocument } from '../../model/schema';
import { documentIssues } from '../../model/validate';
import { listBlocks, listParts, structureCounts, walkDocument } from '../../model/walk';
import { numberDocument } from '../../numbering/numbering';
import { toLetter, toRoman } from '../../numbering/numerals';
import { override, partTitle } from '../../wording/generated';
import { signatureText, defaultTitleLines } from '../../wording/signatures';
import { closingRequest, letterTitle, partHeading } from '../../wording/letters';
import { statementOpening } from '../../wording/statements';
import type { UnsureItem } from '../source';
import { NothingToImportError } from '../nothing';
import { canon, organsInClosing, roleFromTitleLines } from '../phrases';
import { BODY_TYPES, type Gathered, type ImportResult } from './state';

/** The document and its report from what the reading stages gathered; throws when nothing was kept. */
export function finish(g: Gathered): ImportResult {
  const doc = g.b.doc;
  const m = doc.meta;
  m.originalLanguage = g.meta.originalLanguage ?? g.lang;
  if (g.versionLanguage && g.versionLanguage !== 'other' && g.versionLanguage !== g.lang) {
    g.warnings.push(`the masthead says this is the ${g.versionLanguage === 'fr' ? 'French' : 'English'} version, but the text reads as ${g.lang === 'fr' ? 'French' : 'English'}`);
  }
  m.symbols = g.meta.symbols.slice(0, 2);
  if (g.meta.symbols.length > 2) g.warnings.push(`more than two symbols in the masthead; kept ${m.symbols.join(', ')}`);
  m.distribution = g.meta.distribution ?? 'general';
  if (g.meta.issueDate) m.issueDate = g.meta.issueDate;
  m.sessions = g.meta.sessions;
  if (g.meta.meeting) m.meeting = g.meta.meeting;
  let organs = g.meta.organs;
  if (organs.length === 0 && g.closingSource) organs = organsInClosing(g.closingSource);
  if (organs.length === 0 && (g.statement || g.meta.meeting)) organs = ['SC'];
  if (organs.length === 0) {
    organs = ['SC'];
    g.unsure.push({ text: '(masthead)', reason: 'no organ named in the document: Security Council assumed', code: 'organ-assumed' });
  }
  m.organs = organs;

  // People: the sender from the title, the name from the first signature
  const people = g.signatories.map((s) => s.person);
  if (g.letter) {
    const t = g.titleInfo;
    let sender = people[0];
    if (!sender && t) {
      sender = { id: 'person1', name: '…', gender: t.sender.gender, role: t.sender.role };
      people.unshift(sender);
      g.unsure.push({ text: '(signature)', reason: 'no signature found: the sender has no name', code: 'no-signature', ...(g.letter ? { partId: g.letter.id } : {}) });
    }
    if (sender && t) {
      const fromSignature = g.signatories[0];
      const info = fromSignature ? roleFromTitleLines(fromSignature.lines, g.lang) : {};
      sender.role = t.sender.role;
      sender.gender = g.lang === 'fr' ? t.sender.gender : (info.gender ?? t.sender.gender);
    }
    if (sender) m.sender = sender.id;
    if (t) {
      m.addressees = t.addressees;
      if (t.letterDate) m.letterDate = t.letterDate;
      if (t.identical) m.identicalLetters = true;
    }
  }
  m.people = people;
  // Title lines that differ from the generated default are kept as the person's own.
  for (const s of g.signatories) {
    const expected = defaultTitleLines(doc, s.person, g.lang).map(canon);
    const seen = s.lines.map(canon);
    if (JSON.stringify(expected) !== JSON.stringify(seen)) s.person.titleLines = { [g.lang]: seen };
  }

  m.kind = inferKind(g);
  for (const part of doc.parts) {
    if (part.kind === 'body' && part.bodyType === 'other') {
      const title = partTitle(doc, part, g.lang).text;
      part.bodyType = BODY_TYPES.find(([re]) => re.test(title))?.[1] ?? (m.kind === 'annual-report' ? 'report' : 'other');
    }
  }

  // Generated text that does not regenerate word for word is kept as written. The parts and
  // their numbers are looked up once (overrides, all this loop writes, change neither): per
  // heading, 1,000 annexes took 8.6 s.
  const parts = new Map(listParts(doc).map((x) => [x.part.id, x]));
  const n = numberDocument(doc, g.lang);
  for (const item of g.generated) {
    const [kind, id] = item.key.split(':') as [string, string];
    let generated: string | undefined;
    const entry = parts.get(id);
    const part = entry?.part;
    if (kind === 'title' && part) generated = part.kind === 'letter' ? letterTitle(doc, g.lang) : partTitle(doc, part, g.lang).text;
    else if (kind === 'heading' && entry) generated = override(doc, `heading:${id}`, g.lang) ?? partHeading(doc, entry.part, entry.parent, g.lang, n);
    else if (kind === 'closing' && g.letter) generated = closingRequest(doc, g.letter, g.lang);
    else if (kind === 'opening') generated = statementOpening(doc, g.lang);
    if (generated === undefined || canon(generated) !== canon(item.source)) {
      doc.overrides[item.key] = { [g.lang]: canon(item.source) };
      if (kind === 'title' || kind === 'heading') g.unsure.push({ ...(item.line !== undefined ? { line: item.line } : {}), text: item.source.slice(0, 90), reason: `${item.what} does not regenerate from the metadata: kept as written`, code: 'generated-kept', params: { what: kind }, ...(part ? { partId: part.id } : {}) });
    }
  }
  // Signatures that would not print as in the source (should not happen once titleLines are set)
  walkDocument(doc, { block: (block) => {
    if (block.kind !== 'signature') return;
    const expected = block.signatories.map((id) => {
      const s = g.signatories.find((x) => x.person.id === id)!;
      return g.lang === 'fr' ? [...s.lines, s.signed] : [s.signed, ...s.lines];
    });
    const got = signatureText(doc, block, g.lang);
    if (JSON.stringify(got.map((lines) => lines.map(canon))) !== JSON.stringify(expected.map((e) => e.map(canon)))) {
      doc.overrides[`signature:${block.id}`] = { [g.lang]: expected.map((e) => e.join('\n')).join('\n\n') };
    }
  } });

  // Typed numbers that the numbering engine does not give back
  for (const t of g.typed) {
    const label = n.blocks.get(t.blockId);
    if (!label || label.value === t.value) continue;
    const shown = t.kind === 'chapter' ? toRoman(label.value) : t.kind === 'section' ? toLetter(label.value).toUpperCase() : label.label.replace(/[.()]/g, '');
    g.unsure.push({ ...(t.line !== undefined ? { line: t.line } : {}), text: `${t.raw} ${t.text}`.slice(0, 90), reason: `numbered ${t.raw} in the source, numbered ${shown} now`, code: 'renumbered', params: { was: t.raw, now: shown }, blockId: t.blockId });
  }

  placeUnsure(doc, g.lang, g.unsure);

  if (doc.parts.length === 0 || !doc.parts.some((p) => p.blocks.length > 0 || p.parts.length > 0 || doc.text[g.lang]?.[p.id])) {
    throw new NothingToImportError(g.dropped);
  }
  // checked in place, block by block: a whole copy by zod was the import's largest transient
  const issues = documentIssues(doc);
  if (issues.length > 0) throw new Error(`import produced an invalid document (${issues[0]!.path}: ${issues[0]!.message})`);

  return {
    doc,
    report: {
      ...structureCounts(doc),
      unsure: g.unsure,
      warnings: g.warnings,
      dropped: g.dropped,
      language: g.lang,
      kind: m.kind,
    },
  };
}

function inferKind(g: Gathered): DocumentKind {
  const doc = g.b.doc;
  if (g.statement || g.meta.meeting) return 'presidential-statement';
  const titles = listParts(doc)
    .map((x) => x.part)
    .filter((p) => p.kind !== 'letter')
    .map((p) => partTitle(doc, p, g.lang).text);
  const hasParticipants = listBlocks(doc).some((x) => x.block.kind === 'participants');
  const annexCount = g.letter ? g.letter.parts.filter((p) => p.kind === 'annex').length : 0;
  const starts = (re: RegExp) => titles.some((t) => re.test(t));
  if (hasParticipants || starts(/^(?:Séminaire|Seminar)(?!\p{L})/iu)) return 'seminar-report';
  if (starts(/^(?:Note de cadrage|Note conceptuelle|Concept note)(?!\p{L})/iu)) return 'concept-note';
  if (starts(/^(?:Résumé|Summary)(?!\p{L})/iu)) return 'debate-summary';
  if (starts(/^(?:Rapport|Report)(?!\p{L})/iu)) return 'annual-report';
  if (annexCount >= 2 && hasParticipants) return 'seminar-report';
  return 'letter';
}

/** Plain words of a block's runs (footnotes and references left out), for finding a block by its words. */
function plainWords(content: Inline[] | undefined): string {
  let out = '';
  for (const run of content ?? []) if (run.type === 'text') out += run.text;
  return canon(out);
}

/**
 * Puts each unsure item that does not name its place yet on the first block whose words hold
 * the item's words (the source text the importer quoted), so the editor can mark it there.
 */
function placeUnsure(doc: RDocument, lang: Lang, items: UnsureItem[]): void {
  const open = items.filter((u) => u.blockId === undefined && u.partId === undefined && !u.text.startsWith('('));
  if (open.length === 0) return;
  const blocks: { id: string; words: string }[] = [];
  for (const { block } of listBlocks(doc)) blocks.push({ id: block.id, words: plainWords(doc.text[lang]?.[block.id]?.content) });
  for (const u of open) {
    const needle = canon(u.text.replace(/…$/, '').split(' / ')[0]!).slice(0, 60);
    if (needle.length < 4) continue;
    const hit = blocks.find((b) => b.words.includes(needle));
    if (hit) u.blockId = hit.id;
  }
}
