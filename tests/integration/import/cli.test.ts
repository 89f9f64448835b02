/** The `import` and `check` commands, run through the CLI entry point on real files. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { parseDocumentJson } from '../../../src/core/model/validate';
import { createFromTemplate } from '../../../src/core/templates';
import { sequentialIds } from '../../../src/core/model/builder';
import { SEEDS_DIR } from '../../fixtures/seeds';
import { buildLetterDocx } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd: dir });
  return { code, out, err };
}

describe('rapporteur import', () => {
  it('imports a seed to a valid document file and prints a one-line summary', async () => {
    const r = await run('import', join(SEEDS_DIR, '000_364a0ca6f4d75822.txt'), '-o', 'seed0.json');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/000_364a0ca6f4d75822\.txt: 174 blocks, 110 numbered paragraphs, 8 headings, 1 annexes, 1 unsure \(text, fr, annual-report\)$/);
    expect(r.err[0]).toMatch(/unsure \(line 900\): table of 5 rows/);
    expect(parseDocumentJson(readFileSync(join(dir, 'seed0.json'), 'utf8')).ok).toBe(true);
  });
  it('imports a DOCX; bad input is one line on stderr and exit 1', async () => {
    writeFileSync(join(dir, 'letter.docx'), await buildLetterDocx('word'));
    const ok = await run('import', 'letter.docx', '-o', 'letter.json');
    expect(ok.out[0]).toBe('letter.docx: 21 blocks, 5 numbered paragraphs, 4 headings, 1 annexes, 0 unsure (docx, fr, debate-summary)');
    writeFileSync(join(dir, 'fake.docx'), 'not a zip at all');
    const bad = await run('import', 'fake.docx', '-o', 'x.json');
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual(['rapporteur import: fake.docx is not a .docx file (a .docx is a zip archive; this file is not one). It may be damaged or have the wrong extension.']);
    expect((await run('import', 'letter.docx', '--lang', 'de')).code).toBe(1);
  });
});

describe('rapporteur check', () => {
  it('exits 1 on a template (placeholders are errors), in English or French', async () => {
    writeFileSync(join(dir, 'tpl.json'), JSON.stringify(createFromTemplate('debate-summary', 'fr', sequentialIds())));
    const en = await run('check', 'tpl.json', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.out.some((l) => /^error\tplaceholder-left\t.*Template text left in place: "\[/.test(l))).toBe(true);
    expect(en.out.at(-1)).toMatch(/^\d+ errors?, \d+ warnings?, \d+ notes?$/);
    expect(en.out.at(-1)).not.toMatch(/^1 errors|, 1 warnings|, 1 notes/);
    // Without --lang, the document's own version: this French template is checked in French.
    const fr = await run('check', 'tpl.json');
    expect(fr.out.at(-1)).toMatch(/^\d+ erreurs?, \d+ avertissements?, \d+ remarques?$/);
    expect(fr.out.some((l) => /^erreur\tplaceholder-left\t.*Texte du modèle laissé en place\u00a0: «\u00a0\[/.test(l))).toBe(true);
    const json = await run('check', 'tpl.json', '--json', '--lang', 'en');
    const findings = JSON.parse(json.out.join('\n')) as { code: string; severity: string; message: string }[];
    expect(findings.filter((f) => f.code === 'placeholder-left').every((f) => f.severity === 'error' && f.message.startsWith('Template text left in place'))).toBe(true);
  });
  it('exits 0 on an imported real letter (warnings only) and checks a DOCX directly', async () => {
    const r = await run('check', 'letter.json', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe('0 errors, 1 warning, 1 note'); // the note: no English (original) text
    expect(r.out[0]).toMatch(/^warning\tsymbol-missing\tdocument\t/);
    const d = await run('check', 'letter.docx', '--lang', 'en');
    expect(d.out).toEqual(r.out);
  });
});
