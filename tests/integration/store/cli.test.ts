/** `rapporteur db …` through `main()` with captured output, on a real library in a temporary folder. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { defaultDataDir } from '../../../src/cli/commands/db';
import { openStore, StoreError } from '../../../src/services/store';
import { editParagraph, makeDocument } from './docs';
import { damageMiddle, tempDir, track } from './helpers';

async function run(cwd: string, argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function setup() {
  const cwd = tempDir('rapporteur-cli-');
  const lib = join(cwd, 'library');
  const doc = makeDocument({ title: { fr: 'Rapport sur la sécurité', en: 'Report on security' }, plant: { fr: 'La « sécurité » des civils.' } });
  writeFileSync(join(cwd, 'doc.json'), JSON.stringify(doc, null, 2));
  const db = (...args: string[]) => run(cwd, ['db', '--data-dir', lib, ...args]);
  return { cwd, lib, doc, db };
}

describe('rapporteur db', () => {
  it('imports, lists, searches, shows, and prints one line per dossier or hit', async () => {
    const { cwd, lib, doc, db } = setup();
    await run(cwd, ['db', '--data-dir', lib, 'list']).then((r) => expect(r.code).toBe(1)); // the folder does not exist yet
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lib);
    const imported = await db('import', 'doc.json');
    expect(imported).toMatchObject({ code: 0, err: '' });
    const id = imported.out.trim();
    expect(id).toMatch(/^[0-9a-z]{12}$/);

    const list = await db('list');
    expect(list.code).toBe(0);
    expect(list.out.split('\n')).toHaveLength(1);
    expect(list.out).toMatch(new RegExp(`^${id}\\t\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\tannual-report\\tfr,en\\tRapport sur la sécurité$`));
    const json = JSON.parse((await db('list', '--json')).out);
    expect(json[0]).toMatchObject({ id, title: 'Rapport sur la sécurité' });

    const search = await db('search', 'securite', 'civils');
    expect(search.code).toBe(0);
    expect(search.out.split('\n')).toHaveLength(1);
    expect(search.out.startsWith(`${id}\tRapport sur la sécurité\t`)).toBe(true);
    expect(search.out).toContain('**sécurité**');
    expect((await db('search', 'introuvable')).out).toBe('');

    const show = await db('show', id.slice(0, 6));
    expect(show.code).toBe(0);
    expect(show.out).toContain(`id\t${id}`);
    expect(show.out).toContain('languages\tfr, en (original: fr)');
    expect(show.out).toMatch(/\n1\.\tParagraphe 1\./);
    expect(JSON.parse((await db('show', id, '--json')).out)).toEqual(doc);
  });

  it('exports and imports .rapporteur files, never overwriting', async () => {
    const { lib, cwd, db } = setup();
    const id = (await run(cwd, ['db', '--data-dir', lib, 'import', 'doc.json'], {})).out.trim() || undefined;
    // The explicit folder did not exist: nothing was created.
    expect(id).toBeUndefined();
    expect(existsSync(lib)).toBe(false);

    const env = { RAPPORTEUR_DATA_DIR: lib };
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lib);
    const first = (await run(cwd, ['db', 'import', 'doc.json'], env)).out.trim();
    expect((await run(cwd, ['db', 'export', first, '-o', 'out.rapporteur', '--history'], env)).code).toBe(0);
    const file = JSON.parse(readFileSync(join(cwd, 'out.rapporteur'), 'utf8'));
    expect(file).toMatchObject({ format: 'rapporteur', formatVersion: 1 });
    expect(file.history.revisions).toHaveLength(1);

    const again = await run(cwd, ['db', 'export', first, '-o', 'out.rapporteur'], env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    expect((await run(cwd, ['db', 'export', first, '-o', 'out.rapporteur', '--force'], env)).code).toBe(0);

    const second = (await db('import', 'out.rapporteur')).out.trim();
    expect(second).toMatch(/^[0-9a-z]{12}$/);
    expect(second).not.toBe(first);
    expect((await db('list')).out.split('\n')).toHaveLength(2);
  });

  it('history, restore, trash and untrash', async () => {
    const { lib, doc, db } = setup();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lib);
    const id = (await db('import', 'doc.json')).out.trim();
    // The app edits the dossier meanwhile.
    const app = track(await openStore(lib));
    const opened = app.get(id);
    app.save(id, editParagraph(doc, 0, 'Texte modifié dans l’application.'), { base: opened.version });
    app.snapshot(id, 'Sent to the Secretariat 12 March');

    const history = await db('history', id);
    expect(history.out.split('\n').map((l) => l.split('\t').filter((_, i) => i !== 1))).toEqual([
      ['2', 'named', 'Sent to the Secretariat 12 March'],
      ['1', 'imported'],
    ]);

    const restored = await db('restore', id, '1');
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toMatch(new RegExp(`^${id}: revision 1 restored as revision 3 \\(version \\d+\\)$`));
    expect((await db('history', id)).out.split('\n')[0]).toMatch(/^3\t.*\trestore of 1$/);
    expect(JSON.parse((await db('show', id, '--json')).out)).toEqual(doc);

    // The app's next autosave, based on the version it had, is refused as a conflict.
    let conflict: StoreError | undefined;
    try {
      app.save(id, editParagraph(doc, 0, 'Encore une modification.'), { base: opened.version + 1 });
    } catch (e) {
      conflict = e as StoreError;
    }
    expect(conflict?.code).toBe('conflict');

    expect((await db('trash', id)).out).toBe(`${id}: in the trash`);
    expect((await db('list')).out).toBe('');
    expect((await db('search', 'securite')).out).toBe('');
    expect((await db('list', '--trash')).out).toContain(`${id}\t`);
    expect((await db('search', 'securite', '--all')).out).toContain('[trash]');
    expect((await db('untrash', id)).out).toBe(`${id}: out of the trash`);
    expect((await db('list')).out).toContain(id);
  });

  it('backup, and recover after damage', async () => {
    const { lib, db } = setup();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lib);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const store = await openStore(lib);
      ids.push(store.create(makeDocument({ seed: i, paragraphs: 12 })).id);
      store.close();
    }
    const b = await db('backup');
    expect(b.code).toBe(0);
    expect(existsSync(b.out.trim())).toBe(true);
    expect((await db('backup', '--list')).out).toContain(b.out.trim());

    damageMiddle(join(lib, 'rapporteur.db'));
    const broken = await db('list');
    expect(broken.code).toBe(1);
    expect(broken.err.split('\n')).toHaveLength(1);
    expect(broken.err).toMatch(/^rapporteur db: The library file is damaged and cannot be opened safely\. It has been set aside/);
    expect(broken.err).not.toMatch(/\n\s+at /);

    const rec = await db('recover');
    expect(rec.code).toBe(0);
    expect(rec.out).toContain(b.out.trim());
    expect((await db('list')).out.split('\n').map((l) => l.split('\t')[0]).sort()).toEqual([...ids].sort());
  });

  it('one clear line and exit 1 on bad input, never a stack trace', async () => {
    const { lib, cwd, db } = setup();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(lib);
    const bad = JSON.parse(readFileSync(join(cwd, 'doc.json'), 'utf8'));
    bad.parts[0].blocks[1].numbered = 'yes';
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify(bad));
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown db command "frobnicate"/],
      [['import', 'bad.json'], /bad\.json is not a valid document: parts\[0\]\.blocks\[1\]\.numbered/],
      [['import', 'missing.json'], /missing\.json: no such file/],
      [['import', 'doc.json', 'extra'], /one file only/],
      [['show', 'zzzzzzzzzzzz'], /no dossier zzzzzzzzzzzz/],
      [['show', 'ab!'], /not a dossier id/],
      [['restore', 'zzzzzzzzzzzz', 'x'], /REV must be a revision number/],
      [['list', '--sort', 'size'], /--sort must be updated, created or title/],
      [['list', '--kind', 'memo'], /--kind must be one of/],
      [['list', '--bogus'], /unknown option --bogus/],
      [['search'], /search for what/],
      [['export', 'abc'], /where to\?/],
    ];
    for (const [args, message] of cases) {
      const r = await db(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.out, args.join(' ')).toBe('');
    }
    const missing = await run(cwd, ['db', '--data-dir', join(cwd, 'nowhere'), 'list']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^rapporteur db: The data folder .*nowhere does not exist/);
    expect((await run(cwd, ['db'])).code).toBe(1);
  });

  it('knows the per-user default folder on each system', () => {
    expect(defaultDataDir({}, 'linux', '/home/amina')).toBe('/home/amina/.local/share/rapporteur');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/amina')).toBe('/data/rapporteur');
    expect(defaultDataDir({}, 'darwin', '/Users/amina')).toBe('/Users/amina/Library/Application Support/Rapporteur');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\amina\\AppData\\Roaming' }, 'win32', 'C:\\Users\\amina')).toBe('C:\\Users\\amina\\AppData\\Roaming\\Rapporteur');
  });
});
