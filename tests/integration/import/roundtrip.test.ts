/**
 * The round trip the issue asks for: each seed, imported, exported to DOCX (src/services/export)
 * and rendered by LibreOffice, gives back the seed's text — every numbered paragraph with its
 * number and its words, in order — and its title. LibreOffice's plain-text rendering prints
 * Word's automatic numbers, so the numbers checked here are the ones Word numbering produces.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import { letterTitle } from '../../../src/core/wording/letters';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { normalize, readSeed } from '../../fixtures/seeds';

const SEEDS = ['000', '001', '002', '003', '004'] as const;
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-roundtrip-'));
const rendered = new Map<string, string>();
const titles = new Map<string, string>();

beforeAll(async () => {
  for (const s of SEEDS) {
    const { doc } = importText(readSeed(s));
    titles.set(s, doc.parts[0]!.kind === 'letter' ? letterTitle(doc, 'fr') : '');
    const { bytes } = await exportDocx(doc, defaultExportOptions('fr', 'issued'));
    writeFileSync(join(dir, `seed${s}.docx`), bytes);
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...SEEDS.map((s) => join(dir, `seed${s}.docx`))], {
    stdio: 'pipe',
    timeout: 240_000,
  });
  for (const s of SEEDS) rendered.set(s, readFileSync(join(dir, `seed${s}.txt`), 'utf8'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text compared "typography aside": apostrophes, spaces, Markdown marks, words cut at a hyphen. */
const flat = (s: string) => normalize(s).replace(/- /g, '-').replace(/ '/g, "'");

/** "N. text" lines: the numbered paragraphs (and numbered subsection headings) in order. */
function numberedLines(text: string): { n: number; words: string }[] {
  return text
    .split('\n')
    .map((l) => /^\s*(?:[-*]\s+)?(\d{1,3})\.\s+(\S.*)$/.exec(l.replace(/^#+\s*|\*\*/g, '')))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), words: flat(m[2]!) }));
}

describe.each(SEEDS)('seed %s through Export and LibreOffice', (s) => {
  it('gives back every numbered paragraph, with its number and its words, in order', () => {
    const seed = readSeed(s);
    const out = numberedLines(rendered.get(s)!);
    // the numbers, in order, are the seed's
    expect(out.map((x) => x.n)).toEqual(numberedLines(seed).map((x) => x.n));
    // and each paragraph's words are the seed's, found one after the other in the seed's text
    const source = flat(seed);
    let at = 0;
    for (const p of out) {
      const found = source.indexOf(p.words, at);
      expect(found, `paragraph ${p.n}: ${p.words.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
      at = found + p.words.length;
    }
  });

  it('gives back the title', () => {
    const text = flat(rendered.get(s)!);
    if (s === '001') expect(text).toContain('Déclaration du Président du Conseil de sécurité');
    else {
      expect(flat(readSeed(s))).toContain(flat(titles.get(s)!));
      expect(text).toContain(flat(titles.get(s)!));
    }
  });
});

it('seed 001: the statement’s paragraphs come back in order', () => {
  const seed = flat(readSeed('001'));
  const out = rendered.get('001')!.split('\n').map(flat).filter((l) => l.startsWith('Le Conseil') || l.startsWith('« Le Conseil'));
  expect(out.length).toBe(14);
  let at = 0;
  for (const l of out) {
    const words = l.replace(/^« /, '').replace(/ »\.?$/, '').slice(0, 80);
    const found = seed.indexOf(words, at);
    expect(found, words).toBeGreaterThanOrEqual(0);
    at = found;
  }
});
