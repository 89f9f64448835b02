/**
 * Mutations of real DOCX files (fast-check, fixed seed): seeds 000 and 004 written by our exporter
 * and the same files saved again by LibreOffice, then truncated, with bytes flipped, parts removed
 * or corrupted, hostile XML put in (entities, an external entity, deep nesting, huge attributes),
 * and a zip bomb. Every outcome is a refusal in one short sentence or a valid document, and no
 * case runs past its time bound. (Peak memory is measured per process in fuzz-process.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importBytes } from '../../../src/services/import';
import { exportDocx } from '../../../src/services/export/docx';
import { defaultExportOptions } from '../../../src/core/render/options';
import { parseDocument } from '../../../src/core/model/validate';
import { seed000, seed004 } from '../../fixtures/seeds';
import { MAX_MESSAGE, NOT_A_SENTENCE, SEED, runs } from './fuzz-config';
import { deflateBomb } from './zip-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-fuzz-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus: { name: string; bytes: Uint8Array }[] = [];
let bomb: Uint8Array;

beforeAll(async () => {
  const ours = { seed000: (await exportDocx(seed000().doc, defaultExportOptions('fr'))).bytes, seed004: (await exportDocx(seed004().doc, defaultExportOptions('fr'))).bytes };
  for (const [name, bytes] of Object.entries(ours)) {
    corpus.push({ name: `${name}-rapporteur`, bytes });
    writeFileSync(join(dir, `${name}.docx`), bytes);
  }
  // The same files as LibreOffice writes them (another program's zip and XML).
  const out = join(dir, 'lo');
  const profile = join(tmpdir(), `lo-fuzz-${process.pid}`);
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, join(dir, 'seed000.docx'), join(dir, 'seed004.docx')], { timeout: 180_000, stdio: 'ignore' });
  rmSync(profile, { recursive: true, force: true });
  for (const name of ['seed000', 'seed004']) corpus.push({ name: `${name}-libreoffice`, bytes: new Uint8Array(readFileSync(join(out, `${name}.docx`))) });
  bomb = await deflateBomb(140);
}, 240_000);

const HOSTILE_XML: ((xml: string) => string)[] = [
  // "billion laughs": nested entity definitions
  (xml) => xml.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE w:document [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`).replace('<w:t>', '<w:t>&d;'),
  // an external entity that would read a file
  (xml) => xml.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('<w:t>', '<w:t>&x;'),
  // deep nesting inside the body
  (xml) => xml.replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(5000)}${'</w:sdtContent></w:sdt>'.repeat(5000)}`),
  // a huge attribute and many attributes
  (xml) => xml.replace('<w:body>', `<w:body><w:p w:rsidR="${'A'.repeat(5_000_000)}"/>`),
  (xml) => xml.replace('<w:body>', `<w:body><w:p ${Array.from({ length: 20_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`),
  // a namespace prefix that is never declared, and an unclosed tag
  (xml) => xml.replace('<w:body>', '<w:body><x:p/>'),
  (xml) => xml.slice(0, Math.floor(xml.length / 2)),
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; xor: number }
  | { kind: 'remove'; part: number }
  | { kind: 'junk'; part: number; junk: string }
  | { kind: 'hostile'; which: number }
  | { kind: 'bomb'; part: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('remove' as const), part: fc.nat() }),
  fc.record({ kind: fc.constant('junk' as const), part: fc.nat(), junk: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant('hostile' as const), which: fc.nat({ max: HOSTILE_XML.length - 1 }) }),
  fc.record({ kind: fc.constant('bomb' as const), part: fc.nat() }),
);

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 1 });
}

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, m.at % bytes.length);
    case 'flip': {
      const out = bytes.slice();
      for (const at of m.at) out[at % out.length]! ^= m.xor;
      return out;
    }
    case 'remove':
    case 'junk':
    case 'bomb': {
      const files = unzipSync(bytes);
      const names = Object.keys(files).sort();
      const name = names[m.part % names.length]!;
      if (m.kind === 'remove') delete files[name];
      else if (m.kind === 'junk') files[name] = strToU8(m.junk);
      else return bombed(files, name);
      return rezip(files);
    }
    case 'hostile': {
      const files = unzipSync(bytes);
      files['word/document.xml'] = strToU8(HOSTILE_XML[m.which]!(strFromU8(files['word/document.xml']!)));
      return rezip(files);
    }
  }
}

/** The archive with `name` replaced by a 140 MB bomb (its stored data, already deflated). */
function bombed(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const { [name]: _dropped, ...rest } = files;
  const base = unzipSync(rezip(rest));
  // fflate cannot take pre-deflated data, so write the bomb as the raw entry by hand
  const zipped = zipSync({ ...base, [name]: new Uint8Array(0) }, { level: 0 });
  return spliceEntry(zipped, name, bomb, 140 * 1024 * 1024);
}

/** Rewrites entry `name` (stored, empty) of a zip as deflated `data` of `size` bytes once inflated. */
function spliceEntry(zip: Uint8Array, name: string, data: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const n = view.getUint16(at + 26, true);
    const e = view.getUint16(at + 28, true);
    const c = view.getUint32(at + 18, true);
    const here = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + n));
    if (here === name && c === 0) {
      const head = zip.slice(0, at + 30 + n + e);
      const hv = new DataView(head.buffer);
      hv.setUint16(at + 8, 8, true);
      hv.setUint32(at + 18, data.length, true);
      hv.setUint32(at + 22, size, true);
      // without its central directory: the reader's repair path takes it, with the same limits
      const tail = zip.slice(at + 30 + n + e);
      const out = new Uint8Array(head.length + data.length + tail.length);
      out.set(head, 0);
      out.set(data, head.length);
      out.set(tail, head.length + data.length);
      return out;
    }
    at += 30 + n + e + c;
  }
  return zip;
}

const BOUND_MS = 20_000;

describe('fuzz: mutated DOCX files', () => {
  it('each case is refused in one sentence or gives a valid document, within its time bound', () => {
    expect(corpus).toHaveLength(4);
    const outcomes = { refused: 0, read: 0 };
    let slowest = 0;
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), mutation, (which, m) => {
        const source = corpus[which]!;
        const bytes = mutate(source.bytes, m);
        const started = performance.now();
        try {
          const r = importBytes(bytes, { name: `${source.name}.docx` });
          outcomes.read++;
          expect(parseDocument(r.doc).ok).toBe(true);
          for (const w of r.report.warnings) expect(w).not.toMatch(NOT_A_SENTENCE);
          expect(JSON.stringify(r.doc)).not.toMatch(/root:x:0:0/);
        } catch (e) {
          if (!(e instanceof ImportError)) throw new Error(`${m.kind} of ${source.name}: not an ImportError: ${String(e)}`, { cause: e });
          outcomes.refused++;
          expect(e.message.length).toBeLessThan(MAX_MESSAGE);
          expect(e.message).not.toMatch(NOT_A_SENTENCE);
        }
        const took = performance.now() - started;
        slowest = Math.max(slowest, took);
        expect(took, `${m.kind} of ${source.name}`).toBeLessThan(BOUND_MS);
      }),
      { numRuns: runs(100), seed: SEED },
    );
    // both outcomes occur, so the suite exercises both paths
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.read).toBeGreaterThan(0);
  }, 600_000);
});
