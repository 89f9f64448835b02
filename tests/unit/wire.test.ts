/**
 * The wire JSON written in slices (what the editor's autosave sends): the very text
 * `JSON.stringify(toWire(value))` gives, on every template, the seeds, a 1,000-paragraph report
 * and the awkward values (byte arrays, undefined, functions, NaN, "__proto__", quotes and
 * surrogates); each slice stops once its time is up; and the contract's `dossier.save` input reads
 * it back to the same document, refusing text that is not JSON, too large, or not a document.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, LANGS } from '../../src/core/model/schema';
import { sequentialIds } from '../../src/core/model/builder';
import { createFromTemplate } from '../../src/core/templates';
import { importText } from '../../src/core/import';
import { ipcContract, MAX_DOCUMENT_BYTES } from '../../src/shared/ipc-contract';
import { fromWire, isWireJson, toWire, WIRE_JSON, wireJson, wireJsonInSlices, wireJsonSteps } from '../../src/shared/wire';
import { readSeed } from '../fixtures/seeds';
import { makeDocument } from '../integration/store/docs';
import { everyFeature } from './editor/fixtures';

function written(value: object): string {
  const steps = wireJsonSteps(value);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const saveInput = ipcContract['dossier.save'].input;

describe('wire JSON in slices', () => {
  it('is the text JSON.stringify(toWire(…)) gives, on every template, the seeds and a long report', () => {
    const values: object[] = [everyFeature(), makeDocument({ paragraphs: 1000, words: 60 })];
    for (const kind of DOCUMENT_KINDS) for (const lang of LANGS) values.push(createFromTemplate(kind, lang, sequentialIds()));
    for (const seed of ['000', '001', '002', '003', '004']) values.push(importText(readSeed(seed)).doc);
    for (const v of values) expect(written(v)).toBe(JSON.stringify(toWire(v)));
    expect(values.length).toBe(2 + DOCUMENT_KINDS.length * LANGS.length + 5);
  });

  it('writes the awkward values as the one-piece encoding does', () => {
    const proto = JSON.parse('{"__proto__": {"p": 1}, "x": 1}') as object;
    const value = {
      bytes: new Uint8Array([0, 1, 255]),
      list: [undefined, () => 1, Symbol('s'), NaN, -0, Infinity, null, 'a"b\\c\n\u2028', '\ud83d\ude00', [], {}, [[[1]]]],
      gone: undefined,
      fn: () => 2,
      nested: { a: { b: { c: [1, { d: true }] } } },
      proto,
      date: new Date(0),
      empty: '',
    };
    expect(written(value)).toBe(JSON.stringify(toWire(value)));
    expect(written([])).toBe('[]');
    expect(written({})).toBe('{}');
    const back = fromWire(JSON.parse(written(value))) as { bytes: Uint8Array };
    expect(back.bytes).toEqual(new Uint8Array([0, 1, 255]));
  });

  it('stops each slice once its time is up, and gives the same text', async () => {
    const doc = makeDocument({ paragraphs: 300, words: 30 });
    let clock = 0;
    let pauses = 0;
    const at: number[] = [0];
    // A clock that moves one millisecond each time it is read: one read per 256 values written.
    const json = await wireJsonInSlices(doc, {
      sliceMs: 3,
      now: () => clock++,
      pause: async () => {
        pauses++;
        at.push(clock);
      },
    });
    expect(pauses).toBeGreaterThan(10);
    expect(Math.max(...at.slice(1).map((t, i) => t - at[i]!))).toBeLessThanOrEqual(3 + 2);
    expect(json).toEqual({ [WIRE_JSON]: JSON.stringify(toWire(doc)) });
    expect(isWireJson(json)).toBe(true);
  });
});

describe("dossier.save's document as wire JSON", () => {
  const id = 'aaaaaaaaaaaa';
  it('reads back to the same document as the model sent itself', () => {
    const doc = everyFeature();
    const asJson = saveInput.safeParse({ id, document: wireJson(doc), baseVersion: 1 });
    const asModel = saveInput.safeParse({ id, document: doc, baseVersion: 1 });
    expect(asJson.success && asModel.success).toBe(true);
    expect(asJson.data).toEqual(asModel.data);
  });

  it('refuses text that is not JSON, a document that is not valid, and one too large, each in a sentence', () => {
    const notJson = saveInput.safeParse({ id, document: { [WIRE_JSON]: '{"schemaVersion": 1,' }, baseVersion: 1 });
    expect(notJson.success).toBe(false);
    expect(notJson.error?.issues.map((i) => i.message)).toEqual(['the document sent as JSON cannot be read (it is not JSON)']);
    const invalid = saveInput.safeParse({ id, document: { [WIRE_JSON]: '{"schemaVersion": 1}' }, baseVersion: 1 });
    expect(invalid.success).toBe(false);
    const huge = saveInput.safeParse({ id, document: { [WIRE_JSON]: `"${'x'.repeat(MAX_DOCUMENT_BYTES)}"` }, baseVersion: 1 });
    expect(huge.success).toBe(false);
    expect(huge.error?.issues[0]?.message).toMatch(/^the document is too large \(32\.0 MB of JSON; the limit is 32\.0 MB\)$/);
    // Not exactly { $json: string }: read as a document (and refused as one).
    expect(saveInput.safeParse({ id, document: { [WIRE_JSON]: '{}', other: 1 }, baseVersion: 1 }).success).toBe(false);
    expect(saveInput.safeParse({ id, document: { [WIRE_JSON]: 12 }, baseVersion: 1 }).success).toBe(false);
  });
});
