/**
 * Bad input: every case gives a clear ImportError (a stable code and a sentence) or a clear
 * partial result with a warning — never a crash, never text lost without a word.
 */
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importBytes, importFile, MAX_TEXT_BYTES } from '../../../src/services/import';
import { documentLines } from '../../../src/core/render/text';
import { createFromTemplate } from '../../../src/core/templates';
import { sequentialIds } from '../../../src/core/model/builder';
import { buildLetterDocx, buildLongDocx } from './fixtures';
import { failure, failureAsync } from './refusals';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));



const FRENCH = 'Lettre datée du 3 mars 2022\n\nLe Groupe s’est réuni à Genève ; il a examiné « l’état de préparation » des opérations.\n\n1. Premier paragraphe élaboré.\n\n2. Deuxième paragraphe, déjà prêt.\n';

describe('empty and blank files', () => {
  it('an empty .docx and an empty .txt are refused as empty', () => {
    expect(failure(() => importBytes(new Uint8Array(), { name: 'vide.docx' }))).toMatchObject({ code: 'empty', message: 'vide.docx is empty: there is nothing to import.' });
    expect(failure(() => importBytes(new Uint8Array(), { name: 'vide.txt' })).code).toBe('empty');
  });
  it('a file of blank lines is refused as empty, from disk too', async () => {
    const path = join(dir, 'blank.txt');
    writeFileSync(path, '\n\n   \n\t\n');
    expect((await failureAsync(() => importFile(path))).code).toBe('empty');
  });
  it('a missing file is a clear error', async () => {
    expect(await failureAsync(() => importFile(join(dir, 'nowhere.docx')))).toMatchObject({ code: 'not-found', message: 'nowhere.docx: no such file.' });
  });
});

describe('files that are not what their name says', () => {
  it('random binary renamed .docx: not a .docx (not a zip)', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const e = failure(() => importBytes(bytes, { name: 'rapport.docx' }));
    expect(e.code).toBe('not-docx');
    expect(e.message).toMatch(/^rapport\.docx is not a \.docx file/);
  });
  it('a Word 97–2003 file renamed .docx says so', () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(failure(() => importBytes(bytes, { name: 'ancien.docx' })).message).toMatch(/Word 97–2003 \(\.doc\).*save it as \.docx/);
  });
  it('a zip that is no Word document (a workbook) says what it is', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(failure(() => importBytes(xlsx, { name: 'tableau.docx' }))).toMatchObject({ code: 'not-docx', message: 'tableau.docx is an Excel workbook, not a Word document.' });
  });
  it('binary data named .txt is refused, not turned into mojibake', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0 : 200 + (i % 50)));
    expect(failure(() => importBytes(bytes, { name: 'notes.txt' })).code).toBe('binary');
    const controls = new Uint8Array(1000).map((_, i) => 1 + (i % 8));
    expect(failure(() => importBytes(controls, { name: 'notes.txt' })).code).toBe('binary');
  });
  it('a PDF or .doc by name is refused with what to do instead', () => {
    expect(failure(() => importBytes(new TextEncoder().encode('%PDF-1.7 …'), { name: 'lettre.pdf' })).message).toMatch(/Save it as \.docx/);
  });
});

describe('damaged DOCX', () => {
  it('cut short after the document text: a partial result that says what is missing', async () => {
    const bytes = await buildLetterDocx('word');
    // The docx writer stores word/document.xml second; cut the archive before numbering.xml.
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.75));
    const r = importBytes(cut, { name: 'coupé.docx' });
    expect(r.report.warnings.join(' ')).toMatch(/coupé\.docx is a damaged \.docx .*the text was read, but not .*numbering\.xml/);
    const lines = documentLines(r.doc, 'fr').join('\n');
    expect(lines).toContain('Le Secrétaire général adjoint a présenté un exposé.');
    expect(lines).toContain('Jean-Pierre Lacroix');
  });
  it('cut inside the document text: a clear error', async () => {
    const bytes = await buildLongDocx(400);
    const e = failure(() => importBytes(bytes.subarray(0, 1500), { name: 'tronqué.docx' }));
    expect(e.code).toBe('damaged-docx');
    expect(e.message).toMatch(/^tronqué\.docx is a damaged \.docx: the archive is cut short or corrupt/);
  });
  it('a zip whose document.xml is not XML: a clear error', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const bad = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
    expect(failure(() => importBytes(bad, { name: 'x.docx' }))).toMatchObject({ code: 'damaged-docx' });
  });
});

describe('size', () => {
  it('a 50 MB text file is refused before it is read, with the documented limit', async () => {
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    const chunk = Buffer.from('1. Le Groupe de travail a examiné la question et en a débattu longuement.\n\n'.repeat(10_000));
    let written = 0;
    while (written < 50 * 1024 * 1024) written += writeSync(fd, chunk);
    closeSync(fd);
    const started = Date.now();
    const e = await failureAsync(() => importFile(path));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^huge\.txt is too large to import as text \(5\d\.\d MB; the limit is 16\.0 MB\)/);
    expect(Date.now() - started).toBeLessThan(2000);
    // the same bytes handed over in memory are refused as well
    expect(failure(() => importBytes(new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61), { name: 'huge.txt' })).code).toBe('too-large');
  });
  it('a text just under the limit imports, in linear time', () => {
    const sentence = 'Le Groupe de travail a examiné la question et en a débattu longuement, sans conclure. ';
    const para = (i: number) => `${i}. ${sentence.repeat(7)}Fin du paragraphe ${i}.\n\n`;
    let text = 'Rapport du Groupe de travail\n\n';
    for (let i = 1; text.length < 6 * 1024 * 1024; i++) text += para(i);
    const started = Date.now();
    const r = importBytes(new TextEncoder().encode(text), { name: 'long.txt' });
    const ms = Date.now() - started;
    expect(r.report.numberedParagraphs).toBeGreaterThan(9_000);
    expect(r.report.numberedParagraphs).toBe(text.split('\n\n').length - 2);
    expect(r.report.unsure.filter((u) => u.reason.startsWith('numbered'))).toEqual([]);
    expect(ms).toBeLessThan(45_000);
  });
});

describe('encodings', () => {
  const expectFrench = (text: string) => {
    expect(text).toContain("Le Groupe s'est réuni à Genève ; il a examiné « l'état de préparation » des opérations.");
    expect(text).toContain('2. Deuxième paragraphe, déjà prêt.');
  };
  it('Windows-1252 (not UTF-8) is read as such, and the report says so', () => {
    // é à « » as Latin-1 bytes, ’ as 0x92 (Windows-1252 only)
    const bytes = Uint8Array.from(Buffer.from(FRENCH.replace(/’/g, '\u0001'), 'latin1').map((b) => (b === 1 ? 0x92 : b)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = importBytes(bytes, { name: 'ancien.txt' });
    expectFrench(documentLines(r.doc, 'fr').join('\n'));
    expect(r.report.warnings[0]).toBe('read as windows-1252');
    expect(r.report.warnings.join(' ')).toMatch(/not valid UTF-8: read as Windows-1252/);
  });
  it('UTF-16 with a byte-order mark (little- and big-endian) and without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const cases: [Uint8Array, string][] = [
      [le, 'read as utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'read as utf-16be'],
      [Buffer.from(FRENCH, 'utf16le'), 'read as utf-16le'],
    ];
    for (const [bytes, warning] of cases) {
      const r = importBytes(bytes, { name: 'unicode.txt' });
      expectFrench(documentLines(r.doc, 'fr').join('\n'));
      expect(r.report.warnings[0]).toBe(warning);
    }
  });
  it('UTF-8 with a byte-order mark reads without a warning', () => {
    const r = importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH, 'utf8')]), { name: 'bom.txt' });
    expectFrench(documentLines(r.doc, 'fr').join('\n'));
    expect(r.report.warnings).toEqual([]);
  });
});

describe('Rapporteur files', () => {
  it('a document JSON (.rapporteur or .json) comes in as it is', () => {
    const doc = createFromTemplate('debate-summary', 'fr', sequentialIds());
    const r = importBytes(new TextEncoder().encode(JSON.stringify(doc)), { name: 'brouillon.rapporteur' });
    expect(r.format).toBe('rapporteur');
    expect(r.doc).toEqual(doc);
    expect(r.report.numberedParagraphs).toBe(3);
  });
  it('a broken one is a clear error', () => {
    expect(failure(() => importBytes(new TextEncoder().encode('{"schemaVersion": 1'), { name: 'cassé.rapporteur' }))).toMatchObject({ code: 'invalid-document' });
    expect(failure(() => importBytes(new TextEncoder().encode('{"schemaVersion": 1}'), { name: 'vide.json' })).message).toMatch(/vide\.json is not a valid document/);
  });
});
