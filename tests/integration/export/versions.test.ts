/**
 * Which language version the CLI reads when none is asked for (core/model/versions), and how a
 * version that lacks text is exported: refused by default with the reason, written when asked
 * for with every gap visibly marked. Seed 002 is the French version of an English original:
 * imported, it holds French only and `originalLanguage: en`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { importText } from '../../../src/core/import';
import type { RDocument } from '../../../src/core/model/schema';
import { defaultVersion, missingText, versionWords } from '../../../src/core/model/versions';
import { MISSING_TEXT_MARKER } from '../../../src/core/locale/markers';
import { layoutDocument } from '../../../src/core/render/layout';
import { spansText } from '../../../src/core/render/spans';
import { listBlocks } from '../../../src/core/model/walk';
import { readSeed } from '../../fixtures/seeds';

let dir = '';
let seed002: RDocument;
/** Seed 002 with English text for its first two numbered paragraphs only: an English original barely begun. */
let begun: RDocument;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir, env: {} });
  return { code, out, err };
}

const documentXml = (file: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, file))))['word/document.xml']!);
const count = (text: string, needle: string) => text.split(needle).length - 1;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-versions-'));
  seed002 = importText(readSeed('002')).doc;
  begun = structuredClone(seed002);
  const numbered = listBlocks(seed002)
    .filter(({ block }) => block.kind === 'paragraph' && block.numbered)
    .slice(0, 2)
    .map(({ block }) => block.id);
  begun.text.en = Object.fromEntries(numbered.map((id) => [id, { content: [{ type: 'text', text: 'English text of this paragraph.' }] }]));
  writeFileSync(join(dir, 'seed002.json'), JSON.stringify(seed002));
  writeFileSync(join(dir, 'begun.json'), JSON.stringify(begun));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the default version', () => {
  it('is the original language when it has text, else the version with the most text', () => {
    expect(seed002.meta.originalLanguage).toBe('en');
    expect(seed002.text.en).toBeUndefined();
    expect(defaultVersion(seed002)).toBe('fr');
    expect(versionWords(begun, 'en')).toBeGreaterThan(0);
    expect(defaultVersion(begun)).toBe('en');
    const empty = structuredClone(seed002);
    empty.text = {};
    expect(defaultVersion(empty)).toBe('en');
  });

  it('is what outline, title and check read when no --lang is given', async () => {
    const outline = await cli('outline', 'seed002.json');
    expect(outline.code).toBe(0);
    expect(outline.out.join('\n')).toMatch(/^1\.\tL’Inde|^1\.\t\S/m);
    expect(outline.out.join('\n')).toContain(' a)\t');
    expect((await cli('title', 'seed002.json')).out[0]).toMatch(/^Lettre datée du 26 juillet 2021, adressée au Secrétaire général/);
    const check = await cli('check', 'seed002.json');
    expect(check.out.at(-1)).toMatch(/^\d+ erreurs?, \d+ avertissements?, \d+ remarques?$/);
  });

  it('is what the library shows: its title and, in db show, its outline', async () => {
    const library = join(dir, 'library');
    mkdirSync(library);
    const id = (await cli('db', '--data-dir', library, 'import', 'seed002.json')).out[0]!;
    const shown = (await cli('db', '--data-dir', library, 'show', id)).out;
    expect(shown).toContain('languages\tfr (original: en)');
    expect(shown.some((l) => /^title\t(Lettre|Note de cadrage)/.test(l))).toBe(true);
    expect(shown.some((l) => / a\)\t/.test(l))).toBe(true);
  });

  it('is what export writes: seed 002 comes out in French, not as an empty English document', async () => {
    const r = await cli('export', 'seed002.json', '--format', 'docx', '-o', 'seed002.docx');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['seed002.docx: docx, issued, fr, paper Letter (' + r.err.length + ` warning${r.err.length > 1 ? 's' : ''})`]);
    const xml = documentXml('seed002.docx');
    expect(/Original[\s\u00a0\u202f]:[\s\u00a0\u202f]anglais/u.test(xml), 'the French masthead').toBe(true);
    expect(xml.includes('Lettre datée du 26 juillet 2021'), 'the French title').toBe(true);
    expect(xml.includes(MISSING_TEXT_MARKER.en), 'no missing-text marker').toBe(false);
    expect(r.err.some((l) => /no English text/.test(l))).toBe(false);
  });
});

describe('a version that lacks text', () => {
  it('is refused by default, in one line that says why and what to type', async () => {
    const r = await cli('export', 'begun.json', '--format', 'docx', '-o', 'begun.docx');
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^rapporteur export: the English version lacks the text of \d+ part titles? or blocks? that have French text: give --lang en to export it with each gap marked, or --lang fr for the French version$/);
  });

  it('is written when asked for, every missing block marked in the DOCX text', async () => {
    const missing = missingText(begun, 'en');
    expect(missing.size).toBeGreaterThan(20);
    const r = await cli('export', 'begun.json', '--format', 'docx', '--lang', 'en', '-o', 'begun.docx');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`warning: ${missing.size} part titles or blocks with no English text yet.`);
    const xml = documentXml('begun.docx');
    expect(count(xml, MISSING_TEXT_MARKER.en)).toBe(missing.size);
    expect(count(xml, 'English text of this paragraph.')).toBe(2);
  });

  it('is written as HTML with the same markers, and the layout puts them where the text would be', async () => {
    const missing = missingText(begun, 'en');
    const r = await cli('export', 'begun.json', '--format', 'html', '--lang', 'en', '-o', 'begun.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'begun.html'), 'utf8');
    expect(count(html, `<span class="missing-text">${MISSING_TEXT_MARKER.en}</span>`)).toBe(missing.size);
    const layout = layoutDocument(begun, 'en');
    const marked = layout.parts.flatMap((p) => p.blocks).filter((b) => 'spans' in b && spansText(b.spans) === MISSING_TEXT_MARKER.en);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((b) => missing.has(b.id))).toBe(true);
    // In the French version of a document whose French text is missing, the marker is French.
    const englishOnly: RDocument = { ...structuredClone(begun), text: { en: structuredClone(seed002.text.fr!) } };
    const frenchLayout = layoutDocument(englishOnly, 'fr');
    const flagged = frenchLayout.parts.filter((p) => p.untranslated).length + frenchLayout.parts.flatMap((p) => p.blocks).filter((b) => 'untranslated' in b && b.untranslated).length;
    expect(flagged).toBe(missingText(englishOnly, 'fr').size);
    expect(spansText(frenchLayout.parts[1]!.blocks.flatMap((b) => ('spans' in b ? b.spans : [])))).toContain(MISSING_TEXT_MARKER.fr);
  });
});
