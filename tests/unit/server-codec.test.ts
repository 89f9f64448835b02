/**
 * The team server's model ⇄ Yjs mapping (src/server/lexical-codec.ts) through Lexical's own Yjs
 * binding: the identity on every template and on the five seeds as imported, and an edit made
 * in one editor bound to the shared document read back as the model by the server.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_KINDS, LANGS, type Lang, type RDocument } from '../../src/core/model/schema';
import { sequentialIds } from '../../src/core/model/builder';
import { createFromTemplate } from '../../src/core/templates';
import { importText } from '../../src/core/import';
import { lexicalCodec } from '../../src/server/lexical-codec';
import { readSeed } from '../fixtures/seeds';

const stored = (doc: RDocument): RDocument => JSON.parse(JSON.stringify(doc)) as RDocument;
const ydocOf = (update: Uint8Array) => {
  const y = new Y.Doc();
  Y.applyUpdate(y, update);
  return y;
};

const cases: { name: string; doc: RDocument; lang: Lang }[] = [
  ...DOCUMENT_KINDS.flatMap((kind) => LANGS.map((lang) => ({ name: `template ${kind} (${lang})`, doc: stored(createFromTemplate(kind, lang, sequentialIds())), lang }))),
  ...['000', '001', '002', '003', '004'].map((seed) => {
    const { doc, report } = importText(readSeed(seed));
    return { name: `seed ${seed} as imported`, doc: stored(doc), lang: report.language };
  }),
];

describe('the server’s Yjs mapping', () => {
  it.each(cases)('gives back $name unchanged after a trip through Yjs', ({ doc, lang }) => {
    const update = lexicalCodec.encode(doc, lang);
    // A Yjs document written by the server, as a client receives it, read back as the model.
    expect(stored(lexicalCodec.decode(ydocOf(update), lang, doc))).toEqual(doc);
  });

  it('refuses a document bootstrapped twice (which is why only the server bootstraps): the blocks would be there twice', () => {
    const doc = stored(createFromTemplate('annual-report', 'fr', sequentialIds()));
    const a = ydocOf(lexicalCodec.encode(doc, 'fr'));
    Y.applyUpdate(a, lexicalCodec.encode(doc, 'fr'));
    expect(() => lexicalCodec.decode(a, 'fr', doc)).toThrow(/holds the id "\w+" twice/);
  });
});

describe('the team server under Node', () => {
  // Vitest loads stylesheets; Node does not. The server imports the editor's nodes (and the
  // components they draw), so none of them may import a stylesheet (DossierEditor does, for them).
  it('loads the codec, and so every editor module it imports, without a bundler', () => {
    const root = join(import.meta.dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/server/lexical-codec.ts').then((m) => console.log(Object.keys(m).sort().join(',')))"], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('boundHeadlessEditor,lexicalCodec');
  });
});
