/**
 * Document JSON that the campaign found to pass one command and break the next (findings 3, 4, 5):
 * a byte-order mark, ids that are JavaScript's own names, a "__proto__" key, nesting 1,000 deep,
 * a 20 MB key, and syntax errors. Each goes through validate, check, export and db import and
 * gets the same answer everywhere: accepted, or one line that quotes at most a few dozen characters.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../import/refusals';
import { createFromTemplate } from '../../../src/core/templates';
import { sequentialIds } from '../../../src/core/model/builder';
import { parseDocument } from '../../../src/core/model/validate';
import { MAX_BLOCK_NESTING, MAX_JSON_DEPTH } from '../../../src/core/model/limits';
import type { RDocument } from '../../../src/core/model/schema';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCliIn(dir, ...argv);

function report(): RDocument {
  return createFromTemplate('annual-report', 'fr', sequentialIds());
}

let n = 0;
function file(text: string | Buffer): string {
  const name = `doc-${++n}.json`;
  writeFileSync(join(dir, name), text);
  return name;
}

const COMMANDS = (f: string): string[][] => {
  const lib = join(dir, `lib-${n}`);
  mkdirSync(lib, { recursive: true });
  return [['validate', f], ['check', f], ['export', '-f', 'html', '-o', `${f}.html`, f], ['db', '--data-dir', lib, 'import', f]];
};

/** Every command refuses `f` with exit 1 and one line matching `said` (and no JavaScript message). */
async function refusedEverywhere(f: string, said: RegExp): Promise<void> {
  for (const argv of COMMANDS(f)) {
    const r = await run(...argv);
    expect(r.code, `${argv[0]}: ${r.err}`).toBe(1);
    const first = r.err.split('\n')[0]!;
    expect(first, argv[0]).toMatch(said);
    expect(first.length, argv[0]).toBeLessThan(400);
    expect(r.err).not.toMatch(/is not iterable|Maximum call stack|Unexpected token|is not valid JSON:|TypeError|RangeError/);
  }
}

describe('a UTF-8 byte-order mark on JSON is accepted everywhere', () => {
  it('validate, check, export and db import all read the file', async () => {
    const f = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(report()))]));
    for (const argv of COMMANDS(f)) {
      const r = await run(...argv);
      expect(r.err, argv[0]).not.toMatch(/JSON/);
      // check exits 1 on the template's placeholders (errors it finds), never on reading the file
      if (argv[0] !== 'check') expect(r.code, `${argv[0]}: ${r.err}`).toBe(0);
    }
  });
});

describe('ids and keys that are JavaScript names', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('a block with id "%s" is refused by every command', async (id) => {
    const doc = report();
    const block = doc.parts[1]!.blocks[1]!;
    const text = doc.text.fr![block.id];
    delete doc.text.fr![block.id];
    block.id = id;
    if (text) doc.text.fr![id] = text;
    await refusedEverywhere(file(JSON.stringify(doc)), /parts\[1\]\.blocks\[1\]\.id: this name is reserved/);
  });
  it('a part with id "constructor" is refused', () => {
    const doc = report();
    doc.parts[0]!.id = 'constructor';
    const r = parseDocument(doc);
    expect(r.ok).toBe(false);
  });
  it('a "__proto__" key in text.fr is refused, not silently dropped', async () => {
    const json = JSON.stringify(report()).replace('"fr":{', '"fr":{"__proto__":{"content":[{"type":"text","text":"x"}]},');
    expect(json).toContain('__proto__');
    await refusedEverywhere(file(json), /text\.fr: a key named "__proto__" is not allowed/);
  });
});

describe('depth chosen by the input', () => {
  function nestedQuotes(depth: number): string {
    let inner = '{"id":"q0","kind":"paragraph","numbered":false}';
    for (let i = 1; i <= depth; i++) inner = `{"id":"q${i}","kind":"quote","blocks":[${inner}]}`;
    return JSON.stringify(report()).replace('"blocks":[', `"blocks":[${inner},`);
  }
  it('quotes nested 1,000 deep: refused in a sentence, no stack overflow', async () => {
    await refusedEverywhere(file(nestedQuotes(1000)), new RegExp(`nested more than ${MAX_JSON_DEPTH} levels deep`));
  });
  it('quotes nested 100,000 deep: refused as quickly', () => {
    const r = parseDocument(JSON.parse(nestedQuotes(100_000)));
    expect(r.ok).toBe(false);
  });
  it(`quotes nested ${MAX_BLOCK_NESTING + 1} deep: refused with the block limit; ${MAX_BLOCK_NESTING} accepted`, () => {
    const over = parseDocument(JSON.parse(nestedQuotes(MAX_BLOCK_NESTING + 1)));
    expect(over.ok ? [] : over.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(new RegExp(`nested more than ${MAX_BLOCK_NESTING} deep; the limit is ${MAX_BLOCK_NESTING}`)));
    expect(parseDocument(JSON.parse(nestedQuotes(MAX_BLOCK_NESTING))).ok).toBe(true);
  });
});

describe('a 20 MB text run', () => {
  // check of it once took far longer than validate and export (1.6 s): each must finish
  it('validate, check and export read it whole and answer in one line or a result', async () => {
    const doc = report();
    const body = doc.parts.find((p) => p.kind === 'body')!;
    const block = body.blocks.find((b) => b.kind === 'paragraph')!;
    const long = 'Le Groupe de travail a examiné la question et en a débattu longuement. '.repeat(Math.ceil((20 * 1024 * 1024) / 72)).trim();
    doc.text.fr![block.id] = { content: [{ type: 'text', text: long }] };
    const f = file(JSON.stringify(doc));
    for (const argv of [['validate', f], ['check', f], ['export', '-f', 'html', '-o', `${f}.html`, f]]) {
      const r = await run(...argv);
      // check exits 1 on the template's placeholders (errors it finds), never on the run
      if (argv[0] !== 'check') expect(r.code, `${argv[0]}: ${r.err}`).toBe(0);
      expect(r.err).not.toMatch(/is not iterable|Maximum call stack|TypeError|RangeError|heap/);
    }
    expect(readFileSync(join(dir, `${f}.html`), 'utf8')).toContain(long.slice(0, 1000));
  }, 180_000);
});

describe('messages quote at most a few dozen characters of the input', () => {
  it('a 20 MB key', async () => {
    const key = 'k'.repeat(20 * 1024 * 1024);
    const json = JSON.stringify(report()).replace('"fr":{', `"fr":{"${key}":{"content":[]},`);
    await refusedEverywhere(file(json), /doc-\d+\.json.*text\.fr\.k{40}…: this key is not a valid id \(an id is a letter followed by up to 63/);
  });
  it('syntax errors say where, not what the parser thinks', async () => {
    await refusedEverywhere(file('{"schemaVersion": 2,\n  "meta" 3}'), /not valid JSON \(line 2, column 10\)/);
    await refusedEverywhere(file('{"schemaVersion": 2,\n  "meta": x}'), /not valid JSON \(unexpected "x"\)/);
    await refusedEverywhere(file('{"schemaVersion": 2, "meta": {'), /not valid JSON: it ends too early/);
  });
});
