/** The CLI: every template in both languages, validation errors, exit codes, no stack traces. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';
import { DOCUMENT_KINDS, LANGS } from '../../src/core/model/schema';
import { createFromTemplate } from '../../src/core/templates';
import { sequentialIds } from '../../src/core/model/builder';

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

  it('answers --help on every command with its usage, and runs nothing', async () => {
    for (const command of ['new', 'validate', 'outline', 'title', 'import', 'check', 'export', 'db']) {
      for (const flag of ['--help', '-h']) {
        const r = await run(command, flag);
        expect(r, `${command} ${flag}`).toMatchObject({ code: 0, err: '' });
        expect(r.out).toMatch(new RegExp(`^usage: rapporteur ${command}\\b`));
      }
    }
    expect((await run('export', 'missing.json', '--format', 'docx', '--help')).code).toBe(0);
    expect((await run('db', 'list', '--help')).out).toMatch(/^usage: rapporteur db/);
    expect((await run('--help')).out).toContain('rapporteur <command> --help');
  });

  it('new -o refuses to replace an existing file unless --force', async () => {
    await run('new', '--kind', 'letter', '--lang', 'fr', '-o', 'kept.json');
    const filled = JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8'));
    filled.meta.symbols = ['S/2026/1012'];
    writeFileSync(join(dir, 'kept.json'), JSON.stringify(filled));
    const refused = await run('new', '--kind', 'annual-report', '-o', 'kept.json');
    expect(refused).toEqual({ code: 1, out: '', err: 'rapporteur new: kept.json already exists; choose another name or add --force to replace it' });
    expect(JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8')).meta.symbols).toEqual(['S/2026/1012']);
    expect((await run('new', '--kind', 'annual-report', '-o', 'kept.json', '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8')).meta.kind).toBe('annual-report');
  });

  it('exits quietly when the reader of its output goes away (outline FILE | head)', () => {
    // An outline far longer than a pipe's buffer, read by `head -n 1`, which then closes the pipe.
    const report = createFromTemplate('annual-report', 'fr', sequentialIds());
    const body = report.parts.find((p) => p.kind === 'body')!;
    for (let i = 0; i < 6000; i++) {
      body.blocks.push({ id: `long${i}`, kind: 'paragraph', numbered: true });
      report.text.fr![`long${i}`] = { content: [{ type: 'text', text: `Paragraphe numéro ${i}, assez long pour remplir le tuyau plus vite.` }] };
    }
    writeFileSync(join(dir, 'long.json'), JSON.stringify(report));
    const bin = join(__dirname, '..', '..', 'bin', 'rapporteur.mjs');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" outline "${join(dir, 'long.json')}" | head -n 1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n')[0]).toMatch(/^\[part\]\t/);
    expect(r.stderr).toBe('');
  });
});
