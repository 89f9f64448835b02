/**
 * The seed reproductions: documents rebuilt from the seeds with their printed labels stripped;
 * the numbering engine must give back exactly the labels the seeds printed, and the generated
 * titles, headings, closing requests and signatures must equal the seeds' own text.
 */
import { describe, expect, it } from 'vitest';
import { numberDocument } from '../../src/core/numbering/numbering';
import { parseDocument } from '../../src/core/model/validate';
import { listBlocks } from '../../src/core/model/walk';
import { partHeadingText, partTitle } from '../../src/core/wording/generated';
import { signatureText } from '../../src/core/wording/signatures';
import { closingRequest, letterTitle } from '../../src/core/wording/letters';
import { statementOpening } from '../../src/core/wording/statements';
import { masthead } from '../../src/core/wording/masthead';
import { normalize, readSeed, seed000, seed004, seedMeta } from '../fixtures/seeds';
import type { Block, RDocument } from '../../src/core/model/schema';

function computedLabels(doc: RDocument, lang: 'fr' | 'en') {
  const n = numberDocument(doc, lang);
  return listBlocks(doc)
    .map(({ block }) => n.blocks.get(block.id))
    .filter((l) => l !== undefined)
    .map((l) => ({ kind: l.kind, label: l.label }));
}

function signatureBlock(doc: RDocument): Extract<Block, { kind: 'signature' }> {
  return listBlocks(doc).map((b) => b.block).find((b): b is Extract<Block, { kind: 'signature' }> => b.kind === 'signature')!;
}

describe('seed 000: annual report of the Working Group on Peacekeeping Operations', () => {
  const { doc, printed, title, closing } = seed000();

  it('is a valid document', () => {
    const r = parseDocument(doc);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('has the structure the seed shows: 110 paragraphs, chapters I–III, sections A–E, subparagraphs', () => {
    const count = (kind: string) => printed.filter((p) => p.kind === kind).length;
    expect(count('paragraph')).toBe(110);
    expect(printed.filter((p) => p.kind === 'chapter').map((p) => p.label)).toEqual(['I.', 'II.', 'III.']);
    expect(printed.filter((p) => p.kind === 'section').map((p) => p.label)).toEqual(['A.', 'B.', 'C.', 'D.', 'E.']);
    expect(count('subparagraph')).toBeGreaterThan(20);
  });

  it('computes exactly the labels the seed printed, in order', () => {
    expect(computedLabels(doc, 'fr')).toEqual(printed);
  });

  it('gives the English labels for the same structure', () => {
    const en = computedLabels(doc, 'en');
    expect(en.length).toBe(printed.length);
    const firstSub = en.findIndex((l) => l.kind === 'subparagraph');
    expect(en[firstSub]!.label).toBe('(a)');
    expect(en.filter((l) => l.kind === 'paragraph').at(-1)!.label).toBe('110.');
  });

  it('generates the French title, character for character', () => {
    expect(normalize(letterTitle(doc, 'fr'))).toBe(title);
  });

  it('generates the closing request the seed has', () => {
    expect(normalize(closingRequest(doc, doc.parts[0]!, 'fr'))).toBe(closing);
  });

  it('prints the signature block title first, then "(Signé) Name"', () => {
    expect(signatureText(doc, signatureBlock(doc), 'fr')).toEqual([["L'Ambassadeur,", 'Représentant permanent', '(Signé) Fodé Seck']]);
  });

  it('keeps the annex under the report, unnumbered, with its table', () => {
    const report = doc.parts[1]!;
    const annex = report.parts[0]!;
    expect(annex.kind).toBe('annex');
    expect(partHeadingText(doc, annex, 'fr')).toBe('Annexe');
    expect(partHeadingText(doc, annex, 'en')).toBe('Annex');
    const table = annex.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind === 'table') expect(table.rows.map((r) => r.cells.length)).toEqual([3, 3, 3, 3, 3, 3]);
  });
});

describe('seed 004: debate summary transmitted by a chargé d’affaires a.i.', () => {
  const { doc, printed, title, annexHeading, closing, signature } = seed004();

  it('is valid and numbers the annex paragraphs 1–9', () => {
    expect(parseDocument(doc).ok).toBe(true);
    expect(printed.map((p) => p.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(computedLabels(doc, 'fr')).toEqual(printed);
  });

  it('generates the title, the annex heading, the closing request and the signature of the seed', () => {
    expect(normalize(letterTitle(doc, 'fr'))).toBe(title);
    expect(normalize(partHeadingText(doc, doc.parts[0]!.parts[0]!, 'fr'))).toBe(annexHeading);
    expect(normalize(closingRequest(doc, doc.parts[0]!, 'fr'))).toBe(closing);
    expect(signatureText(doc, signatureBlock(doc), 'fr')).toEqual([signature]);
  });

  it('generates the masthead lines of a French version of an English original', () => {
    const m = masthead(doc, 'fr');
    const seed = readSeed('004');
    for (const line of [m.organs[0]!, m.distribution, m.date, m.versionLanguage, m.original]) expect(seed).toContain(line);
    expect([m.distribution, m.date, m.versionLanguage, m.original]).toEqual(['Distr. générale', '23 octobre 2019', 'Français', 'Original : anglais']);
  });

  it('writes the English title in the English word order', () => {
    expect(letterTitle(doc, 'en')).toBe(
      "Letter dated 8 October 2019 from the Chargé d'affaires a.i. of the Permanent Mission of Peru to the United Nations addressed to the President of the Security Council",
    );
  });
});

describe('seeds 001, 002, 003: titles, headings and formulas', () => {
  it('001: the statement title and opening formula', () => {
    const { doc } = seedMeta('001');
    const seed = normalize(readSeed('001'));
    const t = partTitle(doc, doc.parts[0]!, 'fr');
    expect(t.generated).toBe(true);
    expect(seed.startsWith(`--- ${t.text}`) || seed.startsWith(t.text)).toBe(true);
    expect(seed).toContain(normalize(statementOpening(doc, 'fr')));
    expect(statementOpening(doc, 'en')).toBe(
      'At the 8838th meeting of the Security Council, held on 18 August 2021, in connection with the Council\'s consideration of the item entitled “United Nations peacekeeping operations”, the President of the Security Council made the following statement on behalf of the Council:',
    );
  });

  it('002: the title and the annex heading', () => {
    const { doc } = seedMeta('002');
    const seed = normalize(readSeed('002'));
    expect(seed).toContain(normalize(letterTitle(doc, 'fr')));
    expect(normalize(letterTitle(doc, 'fr'))).toBe(
      "Lettre datée du 26 juillet 2021, adressée au Secrétaire général par le Représentant permanent de l'Inde auprès de l'Organisation des Nations Unies",
    );
    expect(seed).toContain(normalize(partHeadingText(doc, doc.parts[0]!.parts[0]!, 'fr')));
    expect(partHeadingText(doc, doc.parts[0]!.parts[1]!, 'fr')).toBe('Pièce jointe');
    expect(seed).toContain(normalize(closingRequest(doc, doc.parts[0]!, 'fr')));
    expect(signatureText(doc, signatureBlock(doc), 'fr')).toEqual([['(Signé) T. S. Tirumurti']]);
  });

  it('003: joint GA/SC masthead, two numbered annexes, the closing request with session and agenda items', () => {
    const { doc } = seedMeta('003');
    const seed = normalize(readSeed('003'));
    expect(seed).toContain(normalize(letterTitle(doc, 'fr')));
    expect(seed).toContain(normalize(partHeadingText(doc, doc.parts[0]!.parts[0]!, 'fr')));
    expect(seed).toContain(normalize(partHeadingText(doc, doc.parts[0]!.parts[1]!, 'fr')));
    expect(partHeadingText(doc, doc.parts[0]!.parts[1]!, 'fr').startsWith('Annexe II à la lettre datée du 22 juillet 2010 adressée')).toBe(true);
    // The seed writes « Je vous serais donc obligé », an override of the generated wording.
    const generated = normalize(closingRequest(doc, doc.parts[0]!, 'fr'));
    expect(seed).toContain(generated.replace('reconnaissant', 'donc obligé'));
    const m = masthead(doc, 'fr');
    expect(m.organs).toEqual(['Assemblée générale', 'Conseil de sécurité']);
    expect(m.sessionColumns.map((c) => [c.organ, ...c.lines])).toEqual([
      ['Assemblée générale', 'Soixante-quatrième session', "Points 10 et 33 de l'ordre du jour"],
      ['Conseil de sécurité', 'Soixante-cinquième année'],
    ]);
    for (const line of m.sessionColumns.flatMap((c) => [...c.lines, ...c.itemTitles])) expect(seed).toContain(line);
    expect(signatureText(doc, signatureBlock(doc), 'fr')).toEqual([["L'Ambassadeur", '(Signé) José Filipe de Moraes Cabral']]);
  });
});
