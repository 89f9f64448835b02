/**
 * Importing text: the five seeds (PDF-extracted and Markdown-ish) must come in with the
 * structure the seed shows, the title must regenerate from the metadata read out of it, and no
 * word of the source may go missing except page furniture that the report lists.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/core/import';
import type { ImportResult } from '../../src/core/import';
import type { Block, Part, RDocument } from '../../src/core/model/schema';
import { parseDocument } from '../../src/core/model/validate';
import { listBlocks, listParts } from '../../src/core/model/walk';
import { numberDocument } from '../../src/core/numbering/numbering';
import { documentLines } from '../../src/core/render/text';
import { partHeadingText, partTitle } from '../../src/core/wording/generated';
import { signatureText } from '../../src/core/wording/signatures';
import { closingRequest, letterTitle } from '../../src/core/wording/letters';
import { statementOpening } from '../../src/core/wording/statements';
import { masthead } from '../../src/core/wording/masthead';
import { normalize, readSeed, seed000, seed004 } from '../fixtures/seeds';

// ---------------------------------------------------------------------------------------------
// helpers

function labels(doc: RDocument, part: Part, lang: 'fr' | 'en' = 'fr') {
  const n = numberDocument(doc, lang);
  return listBlocks(doc)
    .filter((x) => x.part === part)
    .map(({ block }) => ({ block, label: n.blocks.get(block.id) }))
    .filter((x) => x.label !== undefined)
    .map((x) => ({ kind: x.label!.kind, label: x.label!.label }));
}

function textOf(doc: RDocument, id: string): string {
  return (doc.text.fr?.[id] ?? doc.text.en?.[id])?.content.map((r) => (r.type === 'text' ? r.text : '')).join('') ?? '';
}

function blocksOf(doc: RDocument, part: Part, kind: Block['kind']): Block[] {
  return listBlocks(doc).filter((x) => x.part === part && x.block.kind === kind).map((x) => x.block);
}

/** Words of a text, as a multiset; letters and digits apart ("1er" → 1, er), case folded. */
function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/\p{L}+|\p{N}+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

/** Markdown syntax is markup, not text: a link whose target repeats its label, emphasis marks, ^{…}. */
function sourceWords(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:mailto:)?\1\)/g, '$1')
    .replace(/\^\{([^}]*)\}/g, '$1')
    .replace(/[*#]/g, ' ');
}

/** Everything a reader gets back: the document's lines, the masthead, symbols, footnotes. */
function everything(r: ImportResult): string {
  const lang = r.report.language;
  const m = masthead(r.doc, lang);
  const footnotes = Object.values(r.doc.text[lang] ?? {}).flatMap((t) => t.content.flatMap((c) => (c.type === 'footnote' ? c.content.map((x) => (x.type === 'text' ? x.text : '')) : [])));
  return [
    ...documentLines(r.doc, lang),
    ...m.organs,
    m.distribution,
    m.date,
    m.versionLanguage,
    m.original,
    ...m.symbols,
    ...m.sessionColumns.flatMap((c) => [c.organ, ...c.lines, ...c.itemTitles]),
    ...footnotes,
  ].join('\n');
}

/** Words of the source missing from the document that the report does not account for. */
function lostWords(source: string, r: ImportResult): string[] {
  const have = wordBag(everything(r));
  const dropped = wordBag(r.report.dropped.map((d) => d.text).join('\n'));
  const lost: string[] = [];
  for (const [w, n] of wordBag(sourceWords(source))) {
    const missing = n - (have.get(w) ?? 0) - (dropped.get(w) ?? 0);
    if (missing > 0) lost.push(`${w}×${missing}`);
  }
  return lost;
}

function imported(prefix: string): { source: string; r: ImportResult } {
  const source = readSeed(prefix);
  return { source, r: importText(source) };
}

function expectValid(doc: RDocument) {
  const v = parseDocument(doc);
  expect(v.ok ? [] : v.issues).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

describe('seed 000: letter + annual report (PDF text)', () => {
  const { source, r } = imported('000');
  const { doc } = r;
  const fixture = seed000();
  const [letter, report] = doc.parts as [Part, Part];

  it('is a valid letter followed by the report it transmits, in French', () => {
    expectValid(doc);
    expect(r.report.language).toBe('fr');
    expect(doc.parts.map((p) => p.kind)).toEqual(['letter', 'body']);
    expect(report.bodyType).toBe('report');
    expect(doc.meta.kind).toBe('annual-report');
  });

  it('regenerates the seed’s title from the metadata it read (no override)', () => {
    expect(normalize(letterTitle(doc, 'fr'))).toBe(fixture.title);
    expect(doc.overrides[`title:${letter.id}`]).toBeUndefined();
    expect(doc.meta).toMatchObject({
      letterDate: '2017-02-13',
      addressees: [{ kind: 'president-security-council', gender: 'm' }],
      organs: ['SC'],
    });
    const sender = doc.meta.people.find((p) => p.id === doc.meta.sender)!;
    expect(sender).toMatchObject({ name: 'Fodé Seck', gender: 'm', role: { kind: 'permanent-representative', country: 'SEN' } });
  });

  it('has the cover letter: unnumbered body, the closing request, the signature block title first', () => {
    expect(letter.blocks.map((b) => b.kind)).toEqual(['paragraph', 'closing', 'signature']);
    expect(normalize(closingRequest(doc, letter, 'fr'))).toBe(fixture.closing);
    expect(doc.overrides[`closing:${letter.blocks[1]!.id}`]).toBeUndefined();
    expect(signatureText(doc, letter.blocks[2] as Extract<Block, { kind: 'signature' }>, 'fr')).toEqual([["L'Ambassadeur,", 'Représentant permanent', '(Signé) Fodé Seck']]);
  });

  it('has exactly the structure the seed printed: 110 paragraphs, chapters I–III, sections A–E, subparagraphs, in order', () => {
    const got = labels(doc, report);
    expect(got).toEqual(fixture.printed);
    expect(got.filter((l) => l.kind === 'paragraph')).toHaveLength(110);
    expect(got.filter((l) => l.kind === 'chapter').map((l) => l.label)).toEqual(['I.', 'II.', 'III.']);
    expect(got.filter((l) => l.kind === 'section').map((l) => l.label)).toEqual(['A.', 'B.', 'C.', 'D.', 'E.']);
    expect(r.report.numberedParagraphs).toBe(110);
  });

  it('keeps each paragraph’s words (the report title with its « 1er », paragraph 110)', () => {
    expect(partTitle(doc, report, 'fr').text).toBe(
      'Rapport sur les activités menées par le Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies au cours de la période allant du 1er janvier au 31 décembre 2016',
    );
    const paras = blocksOf(doc, report, 'paragraph');
    expect(textOf(doc, paras[0]!.id)).toBe(normalize(textOf(fixture.doc, fixture.doc.parts[1]!.blocks.find((b) => b.kind === 'paragraph')!.id)));
    expect(textOf(doc, paras[109]!.id)).toMatch(/^Enfin, comme c'est le cas .* https:\/\/eroom\.un\.org\/eRoom\.$/);
  });

  it('has the annex under the report, with its title and its three-column table', () => {
    expect(report.parts.map((p) => p.kind)).toEqual(['annex']);
    const annex = report.parts[0]!;
    expect(partTitle(doc, annex, 'fr').text).toBe('Réunions du Groupe de travail en 2016');
    expect(partHeadingText(doc, annex, 'fr')).toBe('Annexe');
    const table = annex.blocks[0]!;
    const expected = fixture.doc.parts[1]!.parts[0]!.blocks[0]!;
    if (table.kind !== 'table' || expected.kind !== 'table') throw new Error('no table');
    const cells = (t: typeof table, d: RDocument) => t.rows.map((row) => row.cells.map((c) => c.blocks.map((b) => normalize(textOf(d, b.id)))));
    expect(cells(table, doc)).toEqual(cells(expected, fixture.doc));
    expect(table.headerRows).toBe(1);
    expect(r.report.unsure.some((u) => /table/.test(u.reason))).toBe(true);
  });

  it('loses no word of the seed', () => {
    expect(lostWords(source, r)).toEqual([]);
  });
});

describe('seed 001: presidential statement (PDF text, a blank line after every line)', () => {
  const { source, r } = imported('001');
  const { doc } = r;
  const body = doc.parts[0]!;

  it('is a statement: generated title, opening formula read into the meeting, no override', () => {
    expectValid(doc);
    expect(doc.meta.kind).toBe('presidential-statement');
    expect(doc.parts.map((p) => p.kind)).toEqual(['body']);
    expect(partTitle(doc, body, 'fr')).toEqual({ text: 'Déclaration du Président du Conseil de sécurité', generated: true });
    expect(doc.meta.meeting).toEqual({ number: 8838, date: '2021-08-18', item: { fr: 'Opérations de maintien de la paix des Nations Unies' }, presidentGender: 'm' });
    const opening = body.blocks[0]!;
    expect(opening.kind).toBe('opening');
    expect(doc.overrides[`opening:${opening.id}`]).toBeUndefined();
    expect(normalize(source)).toContain(normalize(statementOpening(doc, 'fr')));
    expect(Object.keys(doc.overrides)).toEqual([]);
  });

  it('holds the statement as unnumbered paragraphs inside one quotation, marks taken off', () => {
    const quote = body.blocks[1]!;
    if (quote.kind !== 'quote') throw new Error('no quote');
    expect(quote.blocks).toHaveLength(13);
    expect(quote.blocks.every((b) => b.kind === 'paragraph' && !b.numbered)).toBe(true);
    expect(textOf(doc, quote.blocks[0]!.id)).toBe('Le Conseil de sécurité rappelle ses résolutions antérieures et les déclarations de sa présidence sur les questions de maintien de la paix.');
    expect(textOf(doc, quote.blocks[12]!.id)).toMatch(/selon qu'il conviendra\.$/);
    // extraction artefacts mended: « qu ’une » → « qu'une »
    expect(textOf(doc, quote.blocks[1]!.id)).toContain("affirme qu'une paix durable");
    expect(r.report.numberedParagraphs).toBe(0);
  });

  it('loses no word', () => {
    expect(lostWords(source, r)).toEqual([]);
  });
});

describe('seed 002: letter + concept note + enclosure (Markdown-ish)', () => {
  const { source, r } = imported('002');
  const { doc } = r;
  const letter = doc.parts[0]!;

  it('reads the masthead and regenerates the title and the annex heading', () => {
    expectValid(doc);
    expect(doc.meta).toMatchObject({ kind: 'concept-note', organs: ['SC'], distribution: 'general', issueDate: '2021-07-27', letterDate: '2021-07-26', originalLanguage: 'en' });
    expect(letterTitle(doc, 'fr')).toBe(
      "Lettre datée du 26 juillet 2021, adressée au Secrétaire général par le Représentant permanent de l'Inde auprès de l'Organisation des Nations Unies",
    );
    expect(masthead(doc, 'fr')).toMatchObject({ distribution: 'Distr. générale', date: '27 juillet 2021', versionLanguage: 'Français', original: 'Original : anglais' });
    expect(Object.keys(doc.overrides)).toEqual([]);
    expect(signatureText(doc, letter.blocks.find((b) => b.kind === 'signature') as Extract<Block, { kind: 'signature' }>, 'fr')).toEqual([['(Signé) T. S. Tirumurti']]);
  });

  it('has the annex: title, paragraphs 1–14 with a)–d), bullets, unnumbered headings; then the enclosure', () => {
    expect(letter.parts.map((p) => p.kind)).toEqual(['annex', 'enclosure']);
    const [annex, enclosure] = letter.parts as [Part, Part];
    expect(normalize(source)).toContain(normalize(partHeadingText(doc, annex, 'fr')));
    expect(partTitle(doc, annex, 'fr').text).toBe('Note de cadrage pour le débat public du Conseil de sécurité sur le thème « Protéger les protecteurs : technologie et maintien de la paix »');
    const got = labels(doc, annex);
    expect(got.filter((l) => l.kind === 'paragraph').map((l) => l.label)).toEqual(Array.from({ length: 14 }, (_, i) => `${i + 1}.`));
    expect(got.filter((l) => l.kind === 'subparagraph').map((l) => l.label)).toEqual(['a)', 'b)', 'c)', 'd)']);
    // c) was cut in two by a page break in the seed: one subparagraph again
    const c = blocksOf(doc, annex, 'subparagraph')[2]!;
    expect(textOf(doc, c.id)).toContain('de déterminer les possibilités qu');
    expect(blocksOf(doc, annex, 'bullet')).toHaveLength(8);
    expect(blocksOf(doc, annex, 'heading').map((h) => textOf(doc, h.id))).toEqual([
      'Questions devant servir aux États Membres à orienter le débat',
      "Modalités d'organisation",
      'Intervenant(e)s',
    ]);
    expect(partHeadingText(doc, enclosure, 'fr')).toBe('Pièce jointe');
    expect(partTitle(doc, enclosure, 'fr').text).toBe("Note d'orientation : soumission de déclarations écrites");
    expect(blocksOf(doc, enclosure, 'bullet')).toHaveLength(2);
  });

  it('loses no word', () => {
    expect(lostWords(source, r)).toEqual([]);
  });
});

describe('seed 003: joint GA/SC letter, annex I with participants, annex II', () => {
  const { source, r } = imported('003');
  const { doc } = r;
  const letter = doc.parts[0]!;

  it('reads the joint masthead: two organs, the session with agenda items 10 and 33, the Council’s year', () => {
    expectValid(doc);
    expect(doc.meta.organs).toEqual(['GA', 'SC']);
    expect(doc.meta.sessions).toEqual([
      {
        organ: 'GA',
        session: 64,
        agendaItems: [
          { number: 10, title: { fr: 'Rapport de la Commission de consolidation de la paix' } },
          { number: 33, title: { fr: "Étude d'ensemble de toute la question des opérations de maintien de la paix sous tous leurs aspects" } },
        ],
      },
      { organ: 'SC', year: 2010 },
    ]);
    expect(doc.meta).toMatchObject({ kind: 'seminar-report', issueDate: '2010-07-23', letterDate: '2010-07-22', originalLanguage: 'en' });
  });

  it('regenerates the title; keeps « Je vous serais donc obligé » as an override of the closing request', () => {
    expect(letterTitle(doc, 'fr')).toBe(
      "Lettre datée du 22 juillet 2010, adressée au Secrétaire général par le Représentant permanent du Portugal auprès de l'Organisation des Nations Unies",
    );
    const closing = letter.blocks.find((b) => b.kind === 'closing')!;
    expect(doc.overrides[`closing:${closing.id}`]?.fr).toMatch(/^Je vous serais donc obligé .* et du Conseil de sécurité\.$/);
    // the generated closing differs only by those words
    expect(normalize(closingRequest(doc, letter, 'fr')).replace('reconnaissant', 'donc obligé')).toBe(normalize(doc.overrides[`closing:${closing.id}`]!.fr!));
    expect(Object.keys(doc.overrides)).toEqual([`closing:${closing.id}`]);
    expect(signatureText(doc, letter.blocks.find((b) => b.kind === 'signature') as Extract<Block, { kind: 'signature' }>, 'fr')).toEqual([
      ["L'Ambassadeur", '(Signé) José Filipe de Moraes Cabral'],
    ]);
  });

  it('has annex I (list of participants, paragraphs 1–18 under subsections 1–3) and annex II (paragraphs 1–14, bullets)', () => {
    const [a1, a2] = letter.parts as [Part, Part];
    expect(letter.parts.map((p) => partHeadingText(doc, p, 'fr').split(' à la')[0])).toEqual(['Annexe I', 'Annexe II']);
    for (const a of [a1, a2]) expect(normalize(source)).toContain(normalize(partHeadingText(doc, a, 'fr')));
    const list = a1.blocks.find((b) => b.kind === 'participants');
    if (!list || list.kind !== 'participants') throw new Error('no list of participants');
    const entries = list.blocks.filter((b) => b.kind === 'participant');
    expect(entries).toHaveLength(30);
    expect(textOf(doc, entries[3]!.id)).toBe('Mme Mirsada Čolaković, Représentante permanente adjointe (Bosnie-Herzégovine)');
    expect(list.blocks.filter((b) => b.kind === 'heading').map((h) => textOf(doc, h.id))).toEqual(["Invités d'honneur"]);
    const l1 = labels(doc, a1);
    expect(l1.filter((l) => l.kind === 'paragraph').map((l) => l.label)).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}.`));
    expect(l1.filter((l) => l.kind === 'subsection').map((l) => l.label)).toEqual(['1.', '2.', '3.']);
    expect(l1.filter((l) => l.kind === 'subparagraph').map((l) => l.label)).toEqual(['a)', 'b)', 'c)']);
    const l2 = labels(doc, a2);
    expect(l2.filter((l) => l.kind === 'paragraph')).toHaveLength(14);
    expect(blocksOf(doc, a2, 'bullet')).toHaveLength(5);
    expect(r.report.annexes).toBe(2);
  });

  it('loses no word', () => {
    expect(lostWords(source, r)).toEqual([]);
  });
});

describe('seed 004: letter from a chargé d’affaires a.i. + debate summary', () => {
  const { source, r } = imported('004');
  const { doc } = r;
  const fixture = seed004();
  const letter = doc.parts[0]!;

  it('regenerates the title, the annex heading, the closing request and the signature', () => {
    expectValid(doc);
    expect(normalize(letterTitle(doc, 'fr'))).toBe(fixture.title);
    expect(normalize(partHeadingText(doc, letter.parts[0]!, 'fr'))).toBe(fixture.annexHeading);
    expect(normalize(closingRequest(doc, letter, 'fr'))).toBe(fixture.closing);
    expect(signatureText(doc, letter.blocks.find((b) => b.kind === 'signature') as Extract<Block, { kind: 'signature' }>, 'fr')).toEqual([fixture.signature]);
    expect(Object.keys(doc.overrides)).toEqual([]);
    expect(doc.meta.people[0]).toMatchObject({ role: { kind: 'charge-d-affaires', country: 'PER' } });
    expect(doc.meta.people[0]!.titleLines).toBeUndefined();
    expect(doc.meta.kind).toBe('debate-summary');
  });

  it('numbers the summary 1–9 exactly as the seed, with the same words', () => {
    const annex = letter.parts[0]!;
    expect(labels(doc, annex)).toEqual(fixture.printed);
    const ours = blocksOf(doc, annex, 'paragraph').map((b) => textOf(doc, b.id));
    const theirs = blocksOf(fixture.doc, fixture.doc.parts[0]!.parts[0]!, 'paragraph').map((b) => textOf(fixture.doc, b.id));
    expect(ours.map(normalize)).toEqual(theirs.map(normalize));
  });

  it('loses no word; reports nothing unsure', () => {
    expect(lostWords(source, r)).toEqual([]);
    expect(r.report.unsure).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('recognition beyond the seeds', () => {
  it('drops page furniture, lists it, and keeps everything else', () => {
    const source = [
      'Lettre datée du 3 mars 2022, adressée au Président du Conseil de sécurité par la Représentante permanente de la Belgique auprès de l’Organisation des Nations Unies',
      '',
      ' J’ai l’honneur de vous faire tenir ci-joint le rapport (voir annexe).',
      '',
      '22-03011 (F)    070322    080322',
      '*2203011*',
      'Merci de recycler ♲',
      'S/2022/180',
      '2/3 22-03011',
      '2/3',
      ' Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre et de son annexe comme document du Conseil de sécurité.',
      '',
      'La Représentante permanente',
      '(Signée) Marie Dupont',
      '',
      ' Annexe',
      '',
      '1. Premier paragraphe de l’annexe.',
      '',
      'S/2022/180',
      '',
      '2. Second paragraphe.',
    ].join('\n');
    const r = importText(source);
    expectValid(r.doc);
    expect(r.report.dropped.map((d) => d.reason)).toEqual(
      expect.arrayContaining(['job number', 'barcode', '"Please recycle"', 'page number', 'running header (document symbol)']),
    );
    expect(r.report.dropped.find((d) => d.reason === 'job number')!.line).toBe(5);
    expect(lostWords(source, r)).toEqual([]);
    const sender = r.doc.meta.people[0]!;
    expect(sender).toMatchObject({ name: 'Marie Dupont', gender: 'f', role: { kind: 'permanent-representative', country: 'BEL' } });
    expect(letterTitle(r.doc, 'fr')).toBe(normalize(source.split('\n')[0]!));
    expect(closingRequest(r.doc, r.doc.parts[0]!, 'fr')).toContain('Je vous serais reconnaissante');
    // « (Signée) », as the source wrote it, is kept
    const sig = r.doc.parts[0]!.blocks.find((b) => b.kind === 'signature') as Extract<Block, { kind: 'signature' }>;
    expect(signatureText(r.doc, sig, 'fr')).toEqual([['La Représentante permanente', '(Signée) Marie Dupont']]);
    expect(labels(r.doc, r.doc.parts[0]!.parts[0]!)).toEqual([
      { kind: 'paragraph', label: '1.' },
      { kind: 'paragraph', label: '2.' },
    ]);
  });

  it('reads an English letter: English title order, (a)/(i) subparagraphs, "(Signed)" then the title', () => {
    const source = [
      "Letter dated 8 October 2019 from the Chargé d'affaires a.i. of the Permanent Mission of Peru to the United Nations addressed to the President of the Security Council",
      '',
      'I have the honour to transmit herewith the summary of the debate (see annex).',
      '',
      'I should be grateful if you would have the present letter and its annex circulated as a document of the Security Council.',
      '',
      '(Signed) Paul Duclos',
      "Chargé d'affaires a.i.",
      '',
      'Annex to the letter dated 8 October 2019 from the Chargé d’affaires a.i. of the Permanent Mission of Peru to the United Nations addressed to the President of the Security Council',
      '',
      'Summary of the debate',
      '',
      '1. The members of the Council held a debate on the following:',
      '',
      '(a) Triangular cooperation, including:',
      '',
      '(i) Consultations;',
      '',
      '(ii) Meetings;',
      '',
      '(b) The protection of civilians.',
      '',
      '2. The meeting was chaired by the Permanent Representative.',
    ].join('\n');
    const r = importText(source);
    expectValid(r.doc);
    expect(r.report.language).toBe('en');
    expect(letterTitle(r.doc, 'en')).toBe(normalize(source.split('\n')[0]!));
    expect(Object.keys(r.doc.overrides)).toEqual([]);
    const annex = r.doc.parts[0]!.parts[0]!;
    expect(labels(r.doc, annex, 'en').map((l) => l.label)).toEqual(['1.', '(a)', '(i)', '(ii)', '(b)', '2.']);
    expect(labels(r.doc, annex, 'fr').map((l) => l.label)).toEqual(['1.', 'a)', 'i)', 'ii)', 'b)', '2.']);
    expect(r.doc.meta.kind).toBe('debate-summary');
    expect(lostWords(source, r)).toEqual([]);
  });

  it('renumbers typed numbers that skip, and reports each change', () => {
    const source = ['Rapport du Groupe de travail', '', '1. Premier.', '', '3. Deuxième en réalité.', '', 'a) un;', '', 'c) deux.', '', '4. Troisième.'].join('\n');
    const r = importText(source);
    const body = r.doc.parts[0]!;
    expect(labels(r.doc, body).map((l) => l.label)).toEqual(['1.', '2.', 'a)', 'b)', '3.']);
    expect(r.report.unsure.map((u) => u.reason).filter((x) => x.startsWith('numbered'))).toEqual([
      'numbered 3 in the source, numbered 2 now',
      'numbered c in the source, numbered b now',
      'numbered 4 in the source, numbered 3 now',
    ]);
    expect(r.report.unsure.find((u) => u.reason.startsWith('numbered 3'))!.line).toBe(5);
  });

  it('keeps a title it cannot rebuild (unknown country) word for word, and says so', () => {
    const title = "Lettre datée du 2 mai 1999, adressée au Secrétaire général par le Représentant permanent de la Jamahiriya arabe libyenne auprès de l'Organisation des Nations Unies";
    const r = importText([title, '', "J'ai l'honneur de vous informer.", '', '(Signé) A. B.'].join('\n'));
    expectValid(r.doc);
    expect(partTitle(r.doc, r.doc.parts[0]!, 'fr').text).toBe(title);
    expect(r.doc.meta.letterDate).toBe('1999-05-02');
    expect(r.report.unsure.some((u) => /sender not recognised/.test(u.reason))).toBe(true);
  });

  it('keeps a text it does not understand as ordinary paragraphs, every word of it', () => {
    const source = 'Ceci est un texte quelconque.\n\nIl n’a ni titre ni numéros, mais aucun mot ne doit se perdre.\n\nµ∑ ☃ 42 — fin';
    const r = importText(source);
    expectValid(r.doc);
    expect(listParts(r.doc)).toHaveLength(1);
    expect(lostWords(source, r)).toEqual([]);
    expect(r.report.numberedParagraphs).toBe(0);
  });

  it('reads Markdown footnotes and tables', () => {
    const source = [
      '# Rapport',
      '',
      '1. Le Groupe s’est réuni deux fois[^1].',
      '',
      '| Date | Thème |',
      '|---|---|',
      '| 28 avril | Technologie |',
      '| 27 mai | Partenariats |',
      '',
      '[^1]: Voir S/2016/1019.',
    ].join('\n');
    const r = importText(source);
    expectValid(r.doc);
    const body = r.doc.parts[0]!;
    const para = body.blocks[0]!;
    const content = r.doc.text.fr![para.id]!.content;
    expect(content.find((c) => c.type === 'footnote')).toMatchObject({ type: 'footnote', content: [{ type: 'text', text: 'Voir S/2016/1019.' }] });
    const table = body.blocks[1]!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((row) => row.cells.map((c) => textOf(r.doc, c.blocks[0]!.id)))).toEqual([
      ['Date', 'Thème'],
      ['28 avril', 'Technologie'],
      ['27 mai', 'Partenariats'],
    ]);
  });
});
