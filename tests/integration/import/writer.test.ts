/**
 * DOCX written by another program: LibreOffice Writer. The sources (tests/fixtures/writer/*.fodt,
 * Writer's own XML) use Writer's heading styles with its chapter numbering, Writer list numbering
 * for paragraphs and subparagraphs, footnotes, a table with a header row, an annex and an
 * enclosure, and a joint Assembly/Council masthead typed as plain paragraphs. They are converted
 * to DOCX by LibreOffice here, at test time, and imported: the structure, the metadata and the
 * sender must come out as the drafter wrote them, in French as in English.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Lang, Part, RDocument } from '../../../src/core/model/schema';
import { listBlocks } from '../../../src/core/model/walk';
import { numberDocument } from '../../../src/core/numbering/numbering';
import { blockText } from '../../../src/core/render/text';
import { importBytes } from '../../../src/services/import';

const SOURCES = join(__dirname, '..', '..', 'fixtures', 'writer');
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-writer-'));
const docs = new Map<Lang, RDocument>();

beforeAll(() => {
  const profile = join(dir, 'profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', dir, join(SOURCES, 'letter-fr.fodt'), join(SOURCES, 'letter-en.fodt')], {
    stdio: 'pipe',
    timeout: 240_000,
  });
  for (const lang of ['fr', 'en'] as const) {
    const bytes = new Uint8Array(readFileSync(join(dir, `letter-${lang}.docx`)));
    // Written by Writer, not by this project's exporter nor the docx library.
    expect(strFromU8(unzipSync(bytes)['docProps/app.xml']!)).toMatch(/<Application>LibreOffice/);
    docs.set(lang, importBytes(bytes, { name: `letter-${lang}.docx` }).doc);
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (doc: RDocument, lang: Lang, id: string) => blockText(doc, id, numberDocument(doc, lang), { footnotes: 'omit' });

describe.each(['fr', 'en'] as const)('a letter written in LibreOffice Writer (%s)', (lang) => {
  const doc = () => docs.get(lang)!;

  it('reads the joint masthead as metadata, not as text', () => {
    const m = doc().meta;
    expect(m.symbols).toEqual(['A/74/512', 'S/2019/803']);
    expect(m.organs).toEqual(['GA', 'SC']);
    expect(m.distribution).toBe('general');
    expect(m.issueDate).toBe('2019-10-15');
    expect(m.letterDate).toBe('2019-10-14');
    expect(m.originalLanguage).toBe('en');
    expect(m.sessions).toEqual([
      { organ: 'GA', session: 74, agendaItems: [{ number: 31, title: { [lang]: lang === 'fr' ? "Promotion et protection des droits de l'enfant" : 'Promotion and protection of the rights of children' } }] },
      { organ: 'SC', year: 2019 },
    ]);
    expect(m.addressees).toEqual([{ kind: 'secretary-general', gender: 'm' }]);
    const masthead =
      lang === 'fr'
        ? ['Nations Unies', 'A/74/512–S/2019/803', 'Assemblée générale', 'Conseil de sécurité', 'Distr. générale', '15 octobre 2019', 'Français', 'Original : anglais', 'Soixante-quatorzième session', "Point 31 de l'ordre du jour", "Promotion et protection des droits de l'enfant", 'Soixante-quatorzième année']
        : ['United Nations', 'A/74/512–S/2019/803', 'General Assembly', 'Security Council', 'Distr.: General', '15 October 2019', 'Original: English', 'Seventy-fourth session', 'Agenda item 31', 'Promotion and protection of the rights of children', 'Seventy-fourth year'];
    const texts = Object.keys(doc().text[lang]!).map((id) => text(doc(), lang, id));
    for (const line of masthead) expect(texts, line).not.toContain(line);
    expect(texts.some((t) => /Distr\.|Original ?:|année$|year$|session$/.test(t))).toBe(false);
  });

  it('recognises the sender, a chargé d’affaires, and gives back the title, the closing and the signature as written', () => {
    const m = doc().meta;
    expect(m.people).toEqual([{ id: m.sender, name: 'Carlos Vega', gender: 'm', role: { kind: 'charge-d-affaires', country: 'PER' } }]);
    // Nothing had to be kept as an override: the metadata regenerates every generated line.
    expect(doc().overrides).toEqual({});
  });

  it('keeps the parts: the letter, its annex and its enclosure, nothing else', () => {
    const parts = doc().parts;
    expect(parts.map((p) => p.kind)).toEqual(['letter']);
    const letter = parts[0]!;
    expect(letter.blocks.map((b) => b.kind)).toEqual(['paragraph', 'closing', 'signature']);
    expect(letter.parts.map((p: Part) => [p.kind, text(doc(), lang, p.id)])).toEqual([
      ['annex', lang === 'fr' ? 'Résumé du séminaire sur les enfants et les conflits armés' : 'Summary of the seminar on children and armed conflict'],
      ['enclosure', lang === 'fr' ? 'Liste des participants' : 'List of participants'],
    ]);
    expect(letter.parts[1]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('gives the headings, numbered paragraphs and subparagraph levels of Writer’s numbering', () => {
    const n = numberDocument(doc(), lang);
    const annex = doc().parts[0]!.parts[0]!;
    const shape = listBlocks(doc())
      .filter(({ part, container }) => part === annex && container === undefined)
      .map(({ block }) => [block.kind, n.blocks.get(block.id)?.label ?? '', 'level' in block ? block.level : '']);
    const sub = (l: string) => (lang === 'fr' ? `${l})` : `(${l})`);
    expect(shape).toEqual([
      ['heading', 'I.', 'chapter'],
      ['paragraph', '1.', ''],
      ['paragraph', '2.', ''],
      ['heading', 'II.', 'chapter'],
      ['heading', 'A.', 'section'],
      ['paragraph', '3.', ''],
      // two items of one list level stay at that level
      ['subparagraph', sub('a'), 1],
      ['subparagraph', sub('b'), 1],
      ['paragraph', '4.', ''],
      ['paragraph', '5.', ''],
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((l) => ['subparagraph', sub(l), 1]),
      ['subparagraph', sub('i'), 2],
      ['subparagraph', sub('ii'), 2],
      // the ninth letter, (i), is a letter of level 1, not the roman numeral of level 2
      ...['g', 'h', 'i'].map((l) => ['subparagraph', sub(l), 1]),
      ['heading', 'B.', 'section'],
      ['paragraph', '6.', ''],
      ['table', '', ''],
      ['paragraph', '7.', ''],
    ]);
    const first = annex.blocks.find((b) => b.kind === 'paragraph')!;
    expect(text(doc(), lang, first.id)).toMatch(lang === 'fr' ? /^Le séminaire, organisé par la Mission permanente du Pérou/ : /^The seminar, organized by the Permanent Mission of Peru/);
  });

  it('keeps the footnotes where they were', () => {
    const notes = Object.entries(doc().text[lang]!).flatMap(([id, t]) => t.content.filter((r) => r.type === 'footnote').map((r) => ({ id, text: r.type === 'footnote' ? r.content.map((c) => (c.type === 'text' ? c.text : '')).join('') : '' })));
    expect(notes.map((x) => x.text)).toEqual(lang === 'fr' ? ['Voir la résolution 2427 (2018) du Conseil de sécurité.', 'Voir A/72/865-S/2018/465.'] : ['See Security Council resolution 2427 (2018).', 'See A/72/865-S/2018/465.']);
    const n = numberDocument(doc(), lang);
    expect(notes.map((x) => n.blocks.get(x.id)?.label)).toEqual(['1.', lang === 'fr' ? 'a)' : '(a)']);
  });

  it('keeps the table with its header row', () => {
    const table = listBlocks(doc()).find(({ block }) => block.kind === 'table')!.block as Extract<Block, { kind: 'table' }>;
    expect(table.headerRows).toBe(1);
    const cells = table.rows.map((r) => r.cells.map((c) => c.blocks.map((b) => text(doc(), lang, b.id)).join(' ')));
    expect(cells[0]).toEqual(lang === 'fr' ? ['Date', 'Intervenant', 'Thème'] : ['Date', 'Speaker', 'Theme']);
    expect(cells).toHaveLength(3);
    expect(cells[1]![1]).toBe(lang === 'fr' ? 'Virginia Gamba, Représentante spéciale' : 'Virginia Gamba, Special Representative');
  });
});

it('the French version and its English original have the same structure', () => {
  const shape = (doc: RDocument) => listBlocks(doc).map(({ block }) => `${block.kind}:${'level' in block ? block.level : ''}`);
  expect(shape(docs.get('fr')!)).toEqual(shape(docs.get('en')!));
});
