/**
 * `rapporteur export NEW --changes-from OLD --format docx`: Word tracked changes by --author, else
 * the library's author name, else "Rapporteur"; `--changes-style strike-bold` marks them with
 * strike-out and bold instead; wrong combinations are one-line errors and write nothing.
 * (What LibreOffice makes of the tracked changes: docx-changes.test.ts.)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importText } from '../../../src/core/import';
import type { RDocument } from '../../../src/core/model/schema';
import { openStore } from '../../../src/services/store';
import { readSeed } from '../../fixtures/seeds';
import { runCliIn } from '../import/refusals';

let dir = '';
let dossier = '';
const cli = (...argv: string[]) => runCliIn(dir, ...argv);
const documentXml = async (name: string) => strFromU8(unzipSync(new Uint8Array(await readFile(join(dir, name))))['word/document.xml']!);

const old = importText(readSeed('004')).doc;
const edited: RDocument = structuredClone(old);
const annex = edited.parts.flatMap((p) => [p, ...p.parts]).find((p) => p.kind === 'annex')!;
const [first, second] = annex.blocks.filter((b) => b.kind === 'paragraph');
const textOf = (id: string) => edited.text.fr![id]!.content.map((c) => ('text' in c ? c.text : '')).join('');
const firstWords = textOf(first!.id).split(' ').slice(0, 3).join(' ');
edited.text.fr![first!.id] = { content: [{ type: 'text', text: textOf(first!.id).replace(firstWords, 'Pour commencer,') }] };
annex.blocks.splice(annex.blocks.indexOf(second!), 1);
delete edited.text.fr![second!.id];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapporteur-cli-changes-'));
  await writeFile(join(dir, 'old.json'), JSON.stringify(old));
  await writeFile(join(dir, 'new.json'), JSON.stringify(edited));
  const store = await openStore(join(dir, 'data'), { create: true });
  try {
    dossier = store.create(old).id;
    store.setSetting('authorName', 'Awa Diop');
  } finally {
    store.close();
  }
  await openStore(join(dir, 'empty'), { create: true }).then((s) => s.close());
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('export --changes-from', () => {
  test('tracked changes by --author: the changed words, the deleted paragraph with its mark', async () => {
    const r = await cli('export', 'new.json', '--changes-from', 'old.json', '--format', 'docx', '--author', 'Jean Dupont', '-o', 'a.docx');
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^a\.docx: docx, issued, fr, paper Letter, changes from old\.json \(tracked\)/);
    const xml = await documentXml('a.docx');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Jean Dupont" w:date="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Jean Dupont"/);
    expect(xml).toContain('Pour commencer,');
    expect(xml).toContain(`<w:delText xml:space="preserve">${firstWords}`);
    expect(xml).toMatch(/<w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(xml).not.toContain('w:author="Rapporteur"');
  });

  test('without --author: the library’s author name; a library without one, or none: "Rapporteur"', async () => {
    expect((await cli('export', 'new.json', '--changes-from', dossier, '--data-dir', 'data', '--format', 'docx', '-o', 'b.docx')).code).toBe(0);
    expect(await documentXml('b.docx')).toMatch(/<w:ins [^>]*w:author="Awa Diop"/);
    expect((await cli('export', 'new.json', '--changes-from', 'old.json', '--data-dir', 'empty', '--format', 'docx', '-o', 'c.docx')).code).toBe(0);
    const xml = await documentXml('c.docx');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Rapporteur"/);
    expect(xml).not.toMatch(/w:author="(?!Rapporteur")/);
  });

  test('--changes-style strike-bold: deleted text struck out, new text in bold, no revision marks', async () => {
    const r = await cli('export', 'new.json', '--changes-from', 'old.json', '--format', 'docx', '--changes-style', 'strike-bold', '-o', 'd.docx');
    expect(r.code).toBe(0);
    const xml = await documentXml('d.docx');
    expect(xml).not.toMatch(/<w:(ins|del|moveFrom|moveTo)[ >]/);
    expect(xml).not.toContain('w:delText');
    expect(xml).toMatch(new RegExp(`<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">${firstWords}`));
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Pour commencer,/);
    // the deleted paragraph: its old number typed and struck out, outside Word's numbering
    expect(xml).toMatch(/<w:p><w:pPr><w:pStyle w:val="SingleTxt"\/><w:tabs>(?:(?!<\/w:p>).)*<w:strike\/><\/w:rPr><w:t xml:space="preserve">2\.<\/w:t>/);
  });

  test('wrong combinations: one line each, nothing written', async () => {
    const cases: [string[], RegExp][] = [
      [['--changes-from', 'old.json', '--format', 'pdf'], /--changes-from writes a DOCX \(not --format pdf\)/],
      [['--author', 'X', '--format', 'docx'], /--author goes with --changes-from OLD/],
      [['--changes-style', 'strike-bold', '--format', 'docx'], /--changes-style goes with --changes-from OLD/],
      [['--changes-from', 'old.json', '--changes-style', 'red', '--format', 'docx'], /--changes-style must be tracked, strike-bold \(not "red"\)/],
      [['--changes-from', 'nowhere.json', '--format', 'docx'], /nowhere\.json: no such file/],
      [['--changes-from', 'old.json', '--author', ' ', '--format', 'docx'], /--author must name someone/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('export', 'new.json', ...args, '-o', 'bad.docx');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(existsSync(join(dir, 'bad.docx'))).toBe(false);
    }
  });
});
