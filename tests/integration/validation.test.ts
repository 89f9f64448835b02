/**
 * Two levels of "valid": a draft is stored whatever it holds (a symbol typed with a space, no text
 * yet), while `validate` refuses such a document (exit 1, with the reason) and `check` reports
 * it as an error. Real files, the real CLI and a real store on disk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { createFromTemplate } from '../../src/core/templates';
import { sequentialIds } from '../../src/core/model/builder';
import type { RDocument } from '../../src/core/model/schema';
import { openStore } from '../../src/services/store';

let dir = '';
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir, env: {} });
  return { code, out, err };
}

function spaced(): RDocument {
  const doc = createFromTemplate('debate-summary', 'fr', sequentialIds());
  doc.meta.symbols = ['S/ 2026/1012'];
  return doc;
}
function empty(): RDocument {
  const doc = createFromTemplate('debate-summary', 'fr', sequentialIds());
  doc.text = {};
  return doc;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-validation-'));
  writeFileSync(join(dir, 'spaced.json'), JSON.stringify(spaced()));
  writeFileSync(join(dir, 'empty.json'), JSON.stringify(empty()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a symbol with a space', () => {
  it('makes validate exit 1 with the reason, and check report an error', async () => {
    const v = await cli('validate', 'spaced.json');
    expect(v.code).toBe(1);
    expect(v.out).toEqual([]);
    expect(v.err).toEqual([expect.stringMatching(/^spaced\.json: invalid document: meta\.symbols\[0\]: The symbol "S\/ 2026\/1012" is not a valid UN document symbol \(it contains a space; .*\)\.$/)]);
    const c = await cli('check', 'spaced.json', '--lang', 'en');
    expect(c.code).toBe(1);
    expect(c.out.filter((l) => l.startsWith('error\tsymbol-malformed\t'))).toHaveLength(1);
  });
});

describe('a document with no text in any language', () => {
  it('makes validate exit 1 and check report an error', async () => {
    const v = await cli('validate', 'empty.json');
    expect(v).toEqual({ code: 1, out: [], err: ['empty.json: invalid document: text: The document has no text in any language: there is nothing to submit.'] });
    const c = await cli('check', 'empty.json', '--lang', 'en');
    expect(c.code).toBe(1);
    expect(c.out).toContain('error\tdocument-empty\tdocument\tThe document has no text in any language: there is nothing to submit.');
  });
});

describe('the store', () => {
  it('keeps accepting such drafts: saving is never blocked by what the text holds', async () => {
    const data = mkdtempSync(join(tmpdir(), 'rapporteur-validation-store-'));
    const store = await openStore(data);
    try {
      const a = store.create(spaced());
      expect(store.get(a.id).document.meta.symbols).toEqual(['S/ 2026/1012']);
      const b = store.create(empty());
      const saved = store.save(b.id, spaced(), { base: b.version });
      expect(saved.version).toBeGreaterThan(b.version);
      expect(store.save(b.id, empty(), { base: saved.version }).version).toBeGreaterThan(saved.version);
    } finally {
      store.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
