/**
 * A version-1 document (the Council's year stored as its own count, 65) through every entry
 * point: the CLI's validate, outline and export, the importer of document JSON and of
 * `.rapporteur` files, the IPC contract, and the store reading a stored current text and a stored
 * revision — which it migrates on read and never rewrites (revisions are checksummed).
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { RDocument } from '../../src/core/model/schema';
import { documentInputSchema } from '../../src/shared/ipc-contract';
import { importBytes } from '../../src/services/import';
import { openStore } from '../../src/services/store';
import { sha256 } from '../../src/services/store/assets';
import { readSeed } from '../fixtures/seeds';
import { importText } from '../../src/core/import';
import { asVersion1 } from '../fixtures/version1';

let dir = '';
/** Seed 003 imported: a joint GA/SC letter, « Soixante-cinquième année » (2010). */
const seed003 = importText(readSeed('003')).doc;
const v2 = () => structuredClone(seed003);
const v1 = () => asVersion1(v2());
const councilYear = (doc: RDocument) => (doc.meta.sessions.find((s) => s.organ === 'SC') as { year: number }).year;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir, env: {} });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-format-'));
  writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a version 1 document', () => {
  it('passes validate, and outline and export read it (the masthead prints the Council’s year right)', async () => {
    expect((await cli('validate', 'v1.json')).code).toBe(0);
    expect((await cli('outline', 'v1.json')).code).toBe(0);
    const r = await cli('export', 'v1.json', '--format', 'html', '-o', 'v1.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'v1.html'), 'utf8');
    // 65 in version 1 is 2010 in version 2, printed as the Council's 65th year (not refused as a year before 1946).
    expect(html).toContain('Soixante-cinquième année');
  });

  it('is imported as version 2, as a document JSON and inside a .rapporteur file with its history', async () => {
    const asJson = importBytes(new TextEncoder().encode(JSON.stringify(v1())), { name: 'v1.json' });
    expect(asJson.doc.schemaVersion).toBe(2);
    expect(councilYear(asJson.doc)).toBe(2010);

    const file = {
      format: 'rapporteur',
      formatVersion: 1,
      exportedAt: '2025-06-01T10:00:00.000Z',
      generator: 'Rapporteur 0.1.0',
      dossier: { title: 'Séminaire', createdAt: '2025-05-01T10:00:00.000Z', updatedAt: '2025-06-01T10:00:00.000Z' },
      document: v1(),
      assets: [],
      history: {
        revisions: [{ seq: 1, createdAt: '2025-05-01T10:00:00.000Z', reason: 'created', label: null, locked: false, restoredFrom: null, document: 'a'.repeat(64) }],
        documents: { ['a'.repeat(64)]: v1() },
      },
    };
    writeFileSync(join(dir, 'v1.rapporteur'), JSON.stringify(file));
    const library = join(dir, 'library');
    mkdirSync(library);
    const added = await cli('db', '--data-dir', library, 'import', 'v1.rapporteur');
    expect(added.code, added.err.join('\n')).toBe(0);
    const id = added.out[0]!;
    const shown = await cli('db', '--data-dir', library, 'show', id, '--json');
    expect(councilYear(JSON.parse(shown.out.join('\n')) as RDocument)).toBe(2010);
    const store = await openStore(library);
    try {
      expect(councilYear(store.revision(id, 1).document)).toBe(2010);
    } finally {
      store.close();
    }
  });

  it('is accepted from the renderer by the IPC contract, as version 2', () => {
    const r = documentInputSchema.safeParse(v1());
    expect(r.success).toBe(true);
    expect(r.data?.schemaVersion).toBe(2);
    expect(councilYear(r.data!)).toBe(2010);
  });
});

describe('the store', () => {
  it('reads a stored version 1 text and revision as version 2, and leaves the stored bytes as they were', async () => {
    const data = mkdtempSync(join(tmpdir(), 'rapporteur-format-store-'));
    try {
      const setup = await openStore(data);
      const { id } = setup.create(v2());
      setup.close();

      // What a library written by the previous version holds: the same dossier in format 1.
      const oldJson = JSON.stringify(v1());
      const oldHash = sha256(oldJson);
      const raw = new Database(join(data, 'rapporteur.db'));
      const num = raw.prepare('SELECT num FROM dossiers WHERE id = ?').pluck().get(id) as number;
      raw.prepare('UPDATE documents SET json = ?, checksum = ? WHERE dossier_num = ?').run(oldJson, crc32(oldJson), num);
      raw.prepare(`INSERT INTO blobs (hash, encoding, size, data) VALUES (?, 'deflate', ?, ?)`).run(oldHash, Buffer.byteLength(oldJson), deflateSync(oldJson));
      raw.prepare('UPDATE revisions SET blob_hash = ? WHERE dossier_num = ? AND seq = 1').run(oldHash, num);
      const storedBlob = () => raw.prepare('SELECT data FROM blobs WHERE hash = ?').pluck().get(oldHash) as Buffer;
      const before = { current: oldJson, blob: Buffer.from(storedBlob()) };
      raw.close();

      const store = await openStore(data);
      try {
        const current = store.get(id);
        expect(current.document.schemaVersion).toBe(2);
        expect(councilYear(current.document)).toBe(2010);
        const revision = store.revision(id, 1);
        expect(revision.info.hash).toBe(oldHash);
        expect(councilYear(revision.document)).toBe(2010);
        // A restore writes a new revision (version 2); revision 1 keeps its bytes and checksum.
        store.restore(id, 1);
        expect(store.history(id).find((r) => r.seq === 1)?.hash).toBe(oldHash);
      } finally {
        store.close();
      }
      const after = new Database(join(data, 'rapporteur.db'), { readonly: true });
      expect(Buffer.compare(after.prepare('SELECT data FROM blobs WHERE hash = ?').pluck().get(oldHash) as Buffer, before.blob)).toBe(0);
      after.close();
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
