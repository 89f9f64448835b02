/**
 * `rapporteur export`: writes the file, reports what is missing as "warning: …" on stderr and
 * still succeeds; refuses a file that is not a valid document (exit 1).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../../src/cli/main';
import { createFromTemplate } from '../../../src/core/templates';
import { sequentialIds } from '../../../src/core/model/builder';
import { code39Png } from '../../../src/services/export/docx/barcode';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let dir = '';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env: {} });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapporteur-cli-export-'));
  await writeFile(join(dir, 'report.json'), JSON.stringify(createFromTemplate('annual-report', 'fr', sequentialIds())));
  await writeFile(join(dir, 'broken.json'), JSON.stringify({ schemaVersion: 1, meta: { kind: 'letter' } }));
  await writeFile(join(dir, 'logo.png'), code39Png('*1*', 30).png);
  await writeFile(join(dir, 'letterhead.json'), JSON.stringify({ lines: ['Mission permanente du Sénégal', 'New York'], reference: 'Réf. 12', place: 'New York', logo: 'logo.png' }));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('rapporteur export', () => {
  test('DOCX of an incomplete document: written, with warnings on stderr, exit 0', async () => {
    const r = await cli('export', 'report.json', '--format', 'docx', '-o', 'out.docx');
    expect(r.code).toBe(0);
    const bytes = await readFile(join(dir, 'out.docx'));
    expect(strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)).toContain('Nations Unies');
    expect(r.err.length).toBeGreaterThan(0);
    for (const line of r.err) expect(line).toMatch(/^warning: /);
    expect(r.err.some((l) => /no symbol/.test(l))).toBe(true);
    expect(r.out.join('\n')).toContain('out.docx');
  });

  test('profile and paper options reach the export', async () => {
    const r = await cli('export', 'report.json', '--format', 'docx', '--profile', 'manuscript', '--paper', 'a4', '--lang', 'fr', '-o', 'ms.docx');
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(join(dir, 'ms.docx'))))['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).not.toContain('Distr. générale');
    // No symbol warning outside the issued layout.
    expect(r.err.some((l) => /no symbol/.test(l))).toBe(false);
  });

  test('letterhead settings file: its logo and lines are in the letter', async () => {
    const r = await cli('export', 'report.json', '--format', 'docx', '--profile', 'letterhead', '--letterhead', 'letterhead.json', '-o', 'lh.docx');
    expect(r.code).toBe(0);
    const zip = unzipSync(new Uint8Array(await readFile(join(dir, 'lh.docx'))));
    expect(strFromU8(zip['word/document.xml']!)).toContain('Mission permanente du Sénégal');
    expect(Object.keys(zip).some((n) => n.startsWith('word/media/'))).toBe(true);
  });

  test('the summary names the paper as paper, and the checker’s errors are reported as warnings', async () => {
    const doc = createFromTemplate('letter', 'fr', sequentialIds());
    doc.meta.symbols = ['S/ 2026/1012'];
    await writeFile(join(dir, 'spaced.json'), JSON.stringify(doc));
    const r = await cli('export', 'spaced.json', '--format', 'docx', '--paper', 'a4', '-o', 'spaced.docx');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`spaced.docx: docx, issued, fr, paper A4 (${r.err.length} warnings)`]);
    const symbol = r.err.filter((l) => l.includes('symbol-malformed'));
    expect(symbol).toEqual([expect.stringMatching(/^warning: checker error \(symbol-malformed\), document: The symbol "S\/ 2026\/1012" is not a valid UN document symbol \(.*space.*\)\.$/)]);
    // what the export reports itself (placeholders) is not repeated from the checker
    expect(r.err.filter((l) => /template placeholder|placeholder-left/.test(l))).toEqual(['warning: 1 template placeholder still in the text.']);
    expect((await cli('export', 'report.json', '--format', 'docx', '-o', 'letter.docx')).out[0]).toMatch(/^letter\.docx: docx, issued, fr, paper Letter \(/);
  });

  test('HTML print view through the same command', async () => {
    const r = await cli('export', 'report.json', '--format', 'html', '-o', 'out.html');
    expect(r.code).toBe(0);
    expect((await readFile(join(dir, 'out.html'), 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true);
  });

  test('a file that is not a valid document is an error: exit 1, nothing written', async () => {
    const r = await cli('export', 'broken.json', '--format', 'docx', '-o', 'broken.docx');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/invalid document/);
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
  });

  test('bad options are refused with a reason', async () => {
    expect((await cli('export', 'report.json')).err.join('\n')).toMatch(/--format is required/);
    const r = await cli('export', 'report.json', '--format', 'odt');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/--format must be docx, pdf, html/);
    expect((await cli('export', 'report.json', '--format', 'docx', '--paper', 'legal')).code).toBe(1);
  });

  test('the installed command (bin/rapporteur.mjs) as a whole process', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'rapporteur.mjs'), 'export', join(dir, 'report.json'), '--format', 'docx', '-o', join(dir, 'bin.docx')], { cwd: dir });
    expect(stdout).toContain('bin.docx');
    expect(stderr.split('\n').filter(Boolean).every((l) => l.startsWith('warning: '))).toBe(true);
    expect((await readFile(join(dir, 'bin.docx'))).subarray(0, 2).toString()).toBe('PK');
  });
});
