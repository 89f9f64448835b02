/** Counted strings are real plurals in both interface languages (French: 0 and 1 are singular), never « (s) ». */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/cli/messages';
import { checkerMessages } from '../../src/cli/findings';
import { counted } from '../../src/core/locale/counted';
import enCompare from '../../locales/en/compare.json' with { type: 'json' };
import frCompare from '../../locales/fr/compare.json' with { type: 'json' };
import enWorkspace from '../../locales/en/workspace.json' with { type: 'json' };
import frWorkspace from '../../locales/fr/workspace.json' with { type: 'json' };

const LOCALES = join(__dirname, '../../locales');
const SRC = join(__dirname, '../../src');

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every string leaf of a resource file, with its path. */
function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('plurals', () => {
  it('no interface string counts with « (s) » / "(es)"', () => {
    const found: string[] = [];
    for (const lang of ['en', 'fr']) {
      for (const file of readdirSync(join(LOCALES, lang))) {
        const json: unknown = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'));
        for (const [path, text] of leaves(json)) if (/\w\((s|es)\)/.test(text)) found.push(`${lang}/${file} ${path}: ${text}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('French reads 0 and 1 as singular, 2 as plural; English 1 singular, 0 and 2 plural', async () => {
    const fr = await translator('fr', { compare: { en: enCompare, fr: frCompare }, workspace: { en: enWorkspace, fr: frWorkspace } });
    const en = await translator('en', { compare: { en: enCompare, fr: frCompare }, workspace: { en: enWorkspace, fr: frWorkspace } });
    expect([0, 1, 2].map((count) => fr('compare:part.blocks', { count }))).toEqual(['0 bloc', '1 bloc', '2 blocs']);
    expect([0, 1, 2].map((count) => en('compare:part.blocks', { count }))).toEqual(['0 blocks', '1 block', '2 blocks']);
    expect(fr('workspace:library.emptied', { count: 1 })).toBe('1 dossier supprimé définitivement.');
    expect(fr('workspace:library.emptied', { count: 3 })).toBe('3 dossiers supprimés définitivement.');
    expect(en('workspace:finalise.errors', { count: 1 })).toBe('The checker still finds 1 error in this text.');
  });

  it('the checker counts annexes and numbered paragraphs in both languages', async () => {
    const fr = await checkerMessages('fr');
    const en = await checkerMessages('en');
    expect(fr('annex-count-mismatch', { mention: 'les annexes', count: 1 })).toBe('Le texte dit «\u00a0les annexes\u00a0» mais le document compte 1 annexe.');
    expect(en('numbered-paragraph-in-letter', { count: 2 })).toBe('This letter has 2 numbered paragraphs: letters from Member States are not numbered.');
  });

  it('no English line of the core, services, server or CLI counts a number with « (s) »', () => {
    // A count interpolated in a template string, then words, then "(s)": "${n} comment(s)".
    const found = sources(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /\$\{[^}]+\}[^`]*\w\((s|es)\)/.test(line))
        .map((line) => `${file.slice(SRC.length + 1)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('the CLI counts its own English lines', () => {
    expect([counted(1, 'comment', 'comments'), counted(0, 'comment', 'comments')]).toEqual(['1 comment', '0 comments']);
  });
});
