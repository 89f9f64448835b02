/**
 * Sharing a draft: export a dossier to a `.rapporteur` file and import it back as a new dossier,
 * validated; signature images only when asked; history optional; bad files refused with their
 * path, nothing imported.
 */
import { describe, expect, it } from 'vitest';
import { StoreError, type RapporteurFile } from '../../../src/services/store';
import { editParagraph, makeDocument } from './docs';
import { freshStore, MINUTE, TINY_GIF, TINY_PNG } from './helpers';

function importError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

async function dossierWithHistory() {
  const ctx = await freshStore();
  const { store, clock } = ctx;
  const v1 = makeDocument({ title: { fr: 'Lettre au Président', en: 'Letter to the President' } });
  const d = store.create(v1);
  clock.advance(MINUTE);
  const v2 = editParagraph(v1, 0, 'Version envoyée.');
  store.save(d.id, v2, { base: 1 });
  store.snapshot(d.id, 'Sent to the Secretariat 12 March');
  store.finalize(d.id, { label: 'Signed' });
  clock.advance(MINUTE);
  const v3 = editParagraph(v2, 1, 'Suite des travaux.');
  store.save(d.id, v3, { base: 2 });
  store.putAsset(d.id, { name: 'logo.png', role: 'letterhead', bytes: TINY_PNG });
  store.putAsset(d.id, { name: 'signature.gif', role: 'signature', bytes: TINY_GIF });
  return { ...ctx, id: d.id, v1, v2, v3 };
}

describe('.rapporteur files', () => {
  it('round-trip the document and images as a new dossier; signatures only when asked', async () => {
    const { store, id, v3 } = await dossierWithHistory();
    const plain = JSON.parse(JSON.stringify(store.exportDossier(id))) as RapporteurFile;
    expect(plain).toMatchObject({ format: 'rapporteur', formatVersion: 1, dossier: { title: 'Lettre au Président' } });
    expect(plain.history).toBeUndefined();
    expect(plain.assets.map((a) => a.name)).toEqual(['logo.png']);

    const imported = store.importText(JSON.stringify(plain), 'letter.rapporteur');
    expect(imported.source).toBe('rapporteur');
    expect(imported.id).not.toBe(id);
    expect(store.get(imported.id).document).toEqual(v3);
    expect(store.listAssets(imported.id).map((a) => a.name)).toEqual(['logo.png']);
    expect(store.history(imported.id).map((r) => r.reason)).toEqual(['imported']);
    // The original is untouched.
    expect(store.get(id).document).toEqual(v3);

    const withSig = store.exportDossier(id, { signatures: true });
    expect(withSig.assets.map((a) => `${a.name}:${a.role}`)).toEqual(['logo.png:letterhead', 'signature.gif:signature']);
    const again = store.importText(JSON.stringify(withSig));
    expect(store.getAsset(again.id, 'signature.gif').bytes.equals(TINY_GIF)).toBe(true);
  });

  it('carry the history when asked: same revision numbers, names, locks and texts', async () => {
    const { store, id, v1, v2 } = await dossierWithHistory();
    const file = store.exportDossier(id, { history: true });
    const hist = file.history!;
    expect(hist.revisions.map((r) => `${r.seq}:${r.reason}:${r.label ?? ''}:${r.locked}`)).toEqual([
      '1:created::false',
      '2:named:Sent to the Secretariat 12 March:false',
      '3:final:Signed:true',
    ]);
    // Identical texts are written once.
    expect(Object.keys(hist.documents)).toHaveLength(2);
    const copy = store.importText(JSON.stringify(file));
    const h = store.history(copy.id);
    expect(h.map((r) => `${r.seq}:${r.reason}`)).toEqual(['4:imported', '3:final', '2:named', '1:created']);
    expect(store.revision(copy.id, 1).document).toEqual(v1);
    expect(store.revision(copy.id, 3).document).toEqual(v2);
    expect(store.revision(copy.id, 3).info.locked).toBe(true);
    expect(store.revision(copy.id, 2).info.createdAt).toBe(store.revision(id, 2).info.createdAt);
  });

  it('import a bare document JSON too', async () => {
    const { store } = await freshStore();
    const doc = makeDocument({ title: { fr: 'Document nu' } });
    const d = store.importText(`\ufeff${JSON.stringify(doc, null, 2)}`, 'doc.json');
    expect(d).toMatchObject({ source: 'document', title: 'Document nu' });
    expect(store.get(d.id).document).toEqual(doc);
  });

  it('refuse bad input with a clear message and a path, importing nothing', async () => {
    const { store, id } = await dossierWithHistory();
    const count = () => store.list({ trash: 'include' }).length;
    const before = count();

    expect(importError(() => store.importText('{ not json', 'x.rapporteur')).code).toBe('invalid-file');
    expect(importError(() => store.importText('[1, 2]', 'x.json')).code).toBe('invalid-file');

    const badDoc = makeDocument() as unknown as { parts: { blocks: { kind: string }[] }[] };
    badDoc.parts[0]!.blocks[2]!.kind = 'paragraf';
    const e1 = importError(() => store.importText(JSON.stringify(badDoc), 'bad.json'));
    expect(e1.code).toBe('invalid-document');
    expect(e1.message).toContain('bad.json');
    expect(e1.message).toContain('parts[0].blocks[2]');

    const file = store.exportDossier(id, { history: true, signatures: true }) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a file taken apart on purpose
    const inDoc = structuredClone(file);
    inDoc.document.meta.organs = [];
    const e2 = importError(() => store.importText(JSON.stringify(inDoc), 'f.rapporteur'));
    expect(e2.code).toBe('invalid-document');
    expect(e2.message).toContain('document.meta.organs');

    const inHistory = structuredClone(file);
    const hash = Object.keys(inHistory.history.documents)[0]!;
    inHistory.history.documents[hash].parts = [];
    const e3 = importError(() => store.importText(JSON.stringify(inHistory), 'f.rapporteur'));
    expect(e3.message).toContain(`history.documents.${hash}.parts`);

    const tampered = structuredClone(file);
    tampered.assets[0].data = Buffer.from('not the logo').toString('base64');
    const e4 = importError(() => store.importText(JSON.stringify(tampered), 'f.rapporteur'));
    expect(e4.code).toBe('invalid-file');
    expect(e4.message).toMatch(/assets\[0\].*checksum/);

    const extra = { ...structuredClone(file), surprise: true };
    expect(importError(() => store.importText(JSON.stringify(extra), 'f.rapporteur')).code).toBe('invalid-file');

    const future = { ...structuredClone(file), formatVersion: 9 };
    expect(importError(() => store.importText(JSON.stringify(future), 'f.rapporteur')).message).toContain('newer version');

    const dangling = structuredClone(file);
    dangling.history.revisions[0].document = 'f'.repeat(64);
    expect(importError(() => store.importText(JSON.stringify(dangling), 'f.rapporteur')).message).toContain('history.revisions[0]');

    expect(count()).toBe(before);
  });
});
