/**
 * The five seeds as a user would run them: `rapporteur import SEED.txt -o SEED.json`, then
 * `rapporteur export SEED.json --format docx` with the CLI's defaults (issued profile, Letter,
 * the document's default version), rendered to PDF by LibreOffice and read back with pdftotext.
 * Each must give back every numbered paragraph, in order, and at least 99 % of its words: a word
 * sequence match of the PDF's text against the seed (the longest common subsequence of their
 * words), quotes and apostrophes normalised, the page furniture the importer drops left out.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { normalize, SEEDS_DIR } from '../fixtures/seeds';

const SEEDS = ['000_364a0ca6f4d75822', '001_02f4aa03da441aa1', '002_dfccfc6495a5d77e', '003_d0dffa28260b33da', '004_efe4f574585daaaf'] as const;
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-seeds-lo-'));
/** `pdf`: pdftotext in reading order (columns kept apart); `layout`: -layout, a label on the line of its text. */
const results = new Map<string, { seed: string; pdf: string; layout: string; dropped: Set<number>; exportLine: string }>();

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir, env: {} });
  return { code, out, err };
}

beforeAll(async () => {
  for (const s of SEEDS) {
    copyFileSync(join(SEEDS_DIR, `${s}.txt`), join(dir, `${s}.txt`));
    const imported = await cli('import', `${s}.txt`, '-o', `${s}.json`);
    expect(imported.code, imported.err.join('\n')).toBe(0);
    // Lines the importer left out on purpose (page furniture), by line number: not the document's words.
    const dropped = new Set(imported.err.flatMap((l) => /^\s*dropped \(line (\d+)\)/.exec(l)?.[1] ?? []).map(Number));
    const exported = await cli('export', `${s}.json`, '--format', 'docx', '-o', `${s}.docx`);
    expect(exported.code, exported.err.join('\n')).toBe(0);
    results.set(s, { seed: readFileSync(join(dir, `${s}.txt`), 'utf8'), pdf: '', layout: '', dropped, exportLine: exported.out[0]! });
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...SEEDS.map((s) => join(dir, `${s}.docx`))], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  const text = (file: string, ...opts: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...opts, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const s of SEEDS) {
    results.get(s)!.pdf = text(join(dir, `${s}.pdf`));
    results.get(s)!.layout = text(join(dir, `${s}.pdf`), '-layout');
  }
}, 420_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Words, quotes and apostrophes aside: « l’Organisation » and "l'Organisation" are the same two words. */
function words(text: string): string[] {
  return (normalize(text).normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/** Length of the longest common subsequence of two word lists (two rows of the table at a time). */
function commonWords(a: string[], b: string[]): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** The seed's numbered lines ("12. text"), at the start of a paragraph: number and opening words. */
function numberedParagraphs(seed: string): { n: number; opening: string }[] {
  return seed
    .split('\n')
    .map((l) => /^\s*(?:[-*]\s+)?(\d{1,3})\.\s+(\S.*)$/.exec(l.replace(/^#+\s*|\*\*/g, '')))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), opening: words(m[2]!).slice(0, 6).join(' ') }));
}

describe.each(SEEDS)('seed %s, imported and exported with the CLI’s defaults, through LibreOffice', (s) => {
  it('is exported in the version that holds its text', () => {
    expect(results.get(s)!.exportLine).toMatch(new RegExp(`^${s}\\.docx: docx, issued, fr, paper Letter`));
  });

  it('gives back at least 99 % of the seed’s words, in order', () => {
    const r = results.get(s)!;
    const seedWords = words(r.seed.split('\n').filter((_, i) => !r.dropped.has(i + 1)).join('\n'));
    const pdfWords = words(r.pdf);
    const share = commonWords(seedWords, pdfWords) / seedWords.length;
    console.log(`seed ${s.slice(0, 3)}: ${(share * 100).toFixed(2)} % of ${seedWords.length} words`);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });

  it('gives back every numbered paragraph, with its number and opening words, in order', () => {
    const r = results.get(s)!;
    const pdf = words(r.layout).join(' ');
    let at = 0;
    for (const p of numberedParagraphs(r.seed)) {
      const found = pdf.indexOf(`${p.n} ${p.opening}`, at);
      expect(found, `paragraph ${p.n}: ${p.opening}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
