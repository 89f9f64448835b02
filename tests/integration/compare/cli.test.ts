/**
 * `rapporteur compare OLD NEW` through `main()` on real files (document JSON, UN text, DOCX
 * written by the exporter) and on dossiers of a real library; `db import-revision --show`; bad
 * input, one line each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { importText } from '../../../src/core/import';
import { openStore } from '../../../src/services/store';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { readSeed } from '../../fixtures/seeds';
import { edited000, firstText, withoutParagraph } from './edits';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir, env: {} });
  return { code, out, err };
}

const a = importText(readSeed('000')).doc;
const b = edited000(a);
writeFileSync(join(dir, 'rapport-2016.json'), JSON.stringify(a));
writeFileSync(join(dir, 'rapport-2017.json'), JSON.stringify(b));
writeFileSync(join(dir, 'rapport-2016.txt'), readSeed('000'));
writeFileSync(join(dir, 'rapport-2016-moins-30.txt'), withoutParagraph(readSeed('000'), 30));

describe('rapporteur compare', () => {
  it('two document files: one line per changed block, labels old → new, then the summary', async () => {
    const r = await run('compare', 'rapport-2016.json', 'rapport-2017.json');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out[0]).toBe("12\u00a0: modification\t… de la paix a [-invité-]{+encouragé+} l'Organisation des Nations Unies …");
    expect(r.out).toContain('21\u00a0: ajout\tLe Groupe de travail a également examiné la question des …');
    expect(r.out).toContain('46 → 27\u00a0: déplacement\tLe 24 juin, le Groupe de travail a organisé un …');
    expect(r.out.at(-1)).toBe('2 modifications, 1 ajout, 1 suppression, 19 déplacements, 24 changements de numéro seulement');
    // renumbered-only blocks are counted, not listed
    expect(r.out).toHaveLength(2 + 1 + 1 + 19 + 1);
  });

  it('--json gives the whole comparison; --lang picks the language version', async () => {
    const r = await run('compare', 'rapport-2016.json', 'rapport-2017.json', '--json');
    const json = JSON.parse(r.out.join('\n'));
    expect(json.lang).toBe('fr');
    expect(json.summary).toMatchObject({ changed: 2, inserted: 1, deleted: 1, moved: 19, renumbered: 24 });
    expect(json.blocks[0]).toMatchObject({ op: 'changed', old: { label: { ref: '12' } }, new: { label: { ref: '12' } } });
    // no English text in either: nothing to compare but the structure
    const english = await run('compare', 'rapport-2016.json', 'rapport-2017.json', '--lang', 'en');
    expect(english.out.at(-1)).toBe('1 inserted, 1 deleted, 19 moved, 25 renumbered only'); // paragraph 40 changed only in French
  });

  it('UN text files, imported on the fly: aligned by their words, not by the ids the importer gave them', async () => {
    const r = await run('compare', 'rapport-2016.txt', 'rapport-2016-moins-30.txt');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(["30\u00a0: suppression\tLe Président a déploré le fait que l'Union africaine se …", '1 suppression, 80 changements de numéro seulement']);
  });

  it('a .docx against a document file', async () => {
    const { bytes } = await exportDocx(b, defaultExportOptions('fr', 'issued'));
    writeFileSync(join(dir, 'rapport-2017.docx'), bytes);
    const r = await run('compare', 'rapport-2016.json', 'rapport-2017.docx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('21\u00a0: ajout\tLe Groupe de travail a également examiné la question des …');
    expect(r.out).toContain("30\u00a0: suppression\tLe Président a déploré le fait que l'Union africaine se …");
  });

  it('dossiers of the library: ID@REV against ID, and a dossier against a file', async () => {
    const lib = join(dir, 'library');
    mkdirSync(lib);
    const store = await openStore(lib, { create: true });
    let id: string;
    try {
      const created = store.create(a);
      id = created.id;
      store.save(id, b, { base: store.get(id).version });
      store.snapshot(id, 'edited');
    } finally {
      store.close();
    }
    const r = await run('compare', `${id}@1`, id, '--data-dir', lib);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out.at(-1)).toBe('2 modifications, 1 ajout, 1 suppression, 19 déplacements, 24 changements de numéro seulement');
    const mixed = await run('compare', 'rapport-2016.json', id.slice(0, 6), '--data-dir', lib);
    expect(mixed.out.at(-1)).toBe(r.out.at(-1));
    expect(await run('compare', `${id}@99`, id, '--data-dir', lib)).toMatchObject({ code: 1, err: [expect.stringMatching(/^rapporteur compare: [0-9a-z]+@99: no such file, nor a dossier \(.*revision 99.*\)$/)] });
  });

  it('says what is wrong in one line, exit 1; --help prints the usage', async () => {
    const bad = async (...argv: string[]) => {
      const r = await run('compare', ...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.out).toEqual([]);
      return r.err;
    };
    expect(await bad('rapport-2016.json')).toEqual(['rapporteur compare: rapport-2016.json: give OLD and NEW, or a dossier that has a baseline (a new edition)']);
    expect(await bad()).toEqual(['rapporteur compare: give two versions, OLD and NEW, or a dossier (none given; see: rapporteur compare --help)']);
    expect(await bad('rapport-2016.json', 'missing.json')).toEqual(['rapporteur compare: missing.json: no such file']);
    expect(await bad('rapport-2016.json', 'rapport-2017.json', '--lang', 'de')).toEqual(['rapporteur compare: --lang must be fr or en, not "de"']);
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1}');
    expect((await bad('broken.json', 'rapport-2017.json'))[0]).toMatch(/^broken\.json: invalid document: /);
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(await bad('empty.txt', 'rapport-2016.txt')).toEqual(['rapporteur compare: empty.txt is empty: there is nothing to import.']);
    expect(await bad('abc123', 'rapport-2017.json', '--data-dir', join(dir, 'nowhere'))).toEqual([expect.stringMatching(/^rapporteur compare: abc123: no such file, nor a dossier \(The data folder .*nowhere does not exist/)]);
    const help = await run('compare', '--help');
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^usage: rapporteur compare \[OLD\] NEW \[--lang fr\|en\] \[--json\]/);
    expect((await run('--help')).out.join('\n')).toContain('compare [OLD] NEW');
  });
});

describe('db import-revision --show', () => {
  it('prints the revision line, then what the returned version changed, as compare does', async () => {
    const lib = join(dir, 'library-revision');
    mkdirSync(lib);
    const draft = importText(readSeed('004')).doc;
    writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
    const imported = await run('db', '--data-dir', lib, 'import', 'draft.json');
    const id = imported.out[0]!;
    const returned = structuredClone(draft);
    const annex = returned.parts[0]!.parts[0]!;
    const paras = annex.blocks.filter((x) => x.kind === 'paragraph');
    firstText(returned, paras[2]!.id).text = firstText(returned, paras[2]!.id).text.replace('Au cours du débat,', 'Pendant le débat,');
    annex.blocks.splice(annex.blocks.indexOf(paras[7]!), 1);
    delete returned.text.fr![paras[7]!.id];
    const { bytes } = await exportDocx(returned, defaultExportOptions('fr', 'issued'));
    writeFileSync(join(dir, 'returned.docx'), bytes);
    const r = await run('db', '--data-dir', lib, 'import-revision', id, 'returned.docx', '--show');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^revision \d+: \d+ blocks matched, 0 added, 1 removed \(draft kept as revision \d+\)$/);
    expect(r.out.slice(1)).toEqual([
      'annexe par. 3\u00a0: modification\t[-Au cours du-]{+Pendant le+} débat, les pays participants …',
      'annexe par. 8\u00a0: suppression\tLes possibilités de renforcer la collaboration avec les organisations régionales …',
      '1 modification, 1 suppression, 1 changement de numéro seulement',
    ]);
  });
});
