/** The CLI: every template in both languages, validation errors, exit codes, no stack traces. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';
import { DOCUMENT_KINDS, LANGS } from '../../src/core/model/schema';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rapporteur CLI', () => {
  for (const kind of DOCUMENT_KINDS) {
    for (const lang of LANGS) {
      it(`new + validate: ${kind} in ${lang}`, async () => {
        const file = `${kind}-${lang}.json`;
        expect(await run('new', '--kind', kind, '--lang', lang, '-o', file)).toMatchObject({ code: 0 });
        const v = await run('validate', file);
        expect(v).toMatchObject({ code: 0, err: '' });
        expect(v.out).toMatch(new RegExp(`valid \\(${kind}, \\d+ blocks, languages: ${lang}\\)`));
        const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        expect(doc.meta.originalLanguage).toBe(lang);
      });
    }
  }

  it('outline prints label, tab, opening words', async () => {
    await run('new', '--kind', 'annual-report', '--lang', 'en', '-o', 'r.json');
    const { code, out } = await run('outline', 'r.json');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toContain('I.\tIntroduction');
    expect(lines).toContain('  (a)\t[Theme of the meeting]');
    expect(lines.filter((l) => /^\d+\.\t/.test(l)).map((l) => l.split('\t')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
  });

  it('title prints the generated title in the document language or the one asked for', async () => {
    await run('new', '--kind', 'debate-summary', '--lang', 'fr', '-o', 'd.json');
    expect((await run('title', 'd.json')).out.split('\n')[0]).toBe(
      "Lettre datée du …, adressée au Président du Conseil de sécurité par le Représentant permanent de … auprès de l'Organisation des Nations Unies",
    );
    expect((await run('title', 'd.json', '--lang', 'en')).out.split('\n')[0]).toMatch(/^Letter dated … from the Permanent Representative/);
  });

  it('refuses a malformed file with its path and reason, exit 1', async () => {
    await run('new', '--kind', 'letter', '--lang', 'fr', '-o', 'bad.json');
    const doc = JSON.parse(readFileSync(join(dir, 'bad.json'), 'utf8'));
    doc.parts[0].blocks[0].numbered = 'yes';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
    const r = await run('validate', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bad\.json: invalid document: parts\[0\]\.blocks\[0\]\.numbered: /);
  });

  it('gives one-line reasons for bad usage and missing files', async () => {
    expect(await run('validate', 'nope.json')).toMatchObject({ code: 1, err: 'rapporteur validate: nope.json: no such file' });
    expect(await run('new', '--kind', 'memo')).toMatchObject({ code: 1 });
    expect((await run('new', '--kind', 'memo')).err).toMatch(/--kind must be one of letter, annual-report/);
    expect(await run('frobnicate')).toMatchObject({ code: 1, err: 'rapporteur: unknown command "frobnicate" (try: rapporteur --help)' });
    expect((await run('outline', 'x.json', '--bogus')).err).toBe('rapporteur outline: unknown option --bogus');
    writeFileSync(join(dir, 'junk.json'), '{"schemaVersion": 1,');
    const junk = await run('validate', 'junk.json');
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/^junk\.json: invalid document: \(file\): not valid JSON/);
  });

  it('works as a real process through bin/rapporteur.mjs, without a stack trace', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'rapporteur.mjs');
    const ok = spawnSync(process.execPath, [bin, 'new', '--kind', 'letter', '--lang', 'en'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).meta.kind).toBe('letter');
    const bad = spawnSync(process.execPath, [bin, 'validate', join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
