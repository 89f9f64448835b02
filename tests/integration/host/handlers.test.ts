/**
 * The host handlers (src/services/host/handlers.ts) behind the contract's dispatcher, on a REAL
 * store in a temporary folder: every channel answers, bad inputs are refused as 'invalid-input'
 * before reaching the store, store failures come back as data with the store's codes (a stale
 * save is a 'conflict'), and settings persist in the store.
 */
import { EMPTY_MISSION } from '../../../src/core/templates/mission';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, RDocument } from '../../../src/core/model/schema';
import { createHostHandlers, type HostHandlerOptions } from '../../../src/services/host/handlers';
import { createHostEvents } from '../../../src/services/host/events';
import { refusedBackupFolder } from '../../../src/services/host/folders';
import { openStore, type Store } from '../../../src/services/store';
import { CHANNELS, createDispatcher, MAX_DOCUMENT_BYTES, type ChannelName, type Dossier, type Result } from '../../../src/shared/ipc-contract';
import { freshStore, tempDir, track } from '../store/helpers';

/** Channels the tests below have called, checked against the contract at the end. */
const called = new Set<string>();

function host(store: Store, extra: Partial<HostHandlerOptions> = {}) {
  const handlers = createHostHandlers({ store, appInfo: { name: 'Rapporteur', version: '9.9.9', platform: 'test' }, defaultLanguage: 'fr', ...extra });
  const dispatch = createDispatcher(handlers, (channel, error) => {
    throw new Error(`${channel} threw: ${String(error)}`);
  });
  return async <T = unknown>(channel: ChannelName | string, input?: unknown): Promise<Result<T>> => {
    called.add(channel);
    return (await dispatch(channel, input)) as Result<T>;
  };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A copy of `doc` with the first paragraph that has text in `lang` rewritten. */
function withText(doc: RDocument, lang: 'fr' | 'en', text: string): RDocument {
  const copy = structuredClone(doc);
  const layer = copy.text[lang]!;
  const visit = (blocks: Block[]): string | undefined => {
    for (const b of blocks) if (b.kind === 'paragraph' && layer[b.id]) return b.id;
    return undefined;
  };
  const id = copy.parts.map((p) => visit(p.blocks)).find((x) => x !== undefined);
  if (!id) throw new Error('no paragraph with text');
  layer[id] = { content: [{ type: 'text', text }] };
  return copy;
}

describe('library and dossier channels', () => {
  it('creates dossiers from templates, lists, sorts, filters and searches them', async () => {
    const { store, clock } = await freshStore();
    const call = host(store);
    const note = value(await call<Dossier>('dossier.create', { kind: 'concept-note', lang: 'fr' }));
    expect(note).toMatchObject({ kind: 'concept-note', originalLanguage: 'fr', languages: ['fr'], version: 1, trashedAt: null });
    expect(note.document.meta.kind).toBe('concept-note');
    expect(note.id).toMatch(/^[0-9a-z]{12}$/);
    clock.advance(60_000);
    const letter = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'en' }));

    const list = value(await call<{ id: string }[]>('library.list'));
    expect(list.map((d) => d.id)).toEqual([letter.id, note.id]); // newest first
    expect(value(await call<{ id: string }[]>('library.list', { sort: 'created', direction: 'asc' })).map((d) => d.id)).toEqual([note.id, letter.id]);
    expect(value(await call<{ id: string }[]>('library.list', { kind: 'letter' })).map((d) => d.id)).toEqual([letter.id]);
    expect(value(await call<{ id: string }[]>('library.list', { language: 'fr' })).map((d) => d.id)).toEqual([note.id]);
    expect(value(await call<{ id: string }[]>('library.list', { limit: 1 }))).toHaveLength(1);

    // Accents and case ignored: "securite" finds « Conseil de sécurité » in the French template's
    // text; the English letter matches too, through its organ's names in both languages (metadata).
    const hits = value(await call<{ id: string; snippet: { text: string; hit: boolean }[] }[]>('library.search', { query: 'securite' }));
    expect(hits.map((h) => h.id).sort()).toEqual([note.id, letter.id].sort());
    const noteHit = hits.find((h) => h.id === note.id)!;
    expect(noteHit.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toContain('sécurité');
    expect(value(await call<{ id: string }[]>('library.search', { query: 'securite', kind: 'letter' })).map((h) => h.id)).toEqual([letter.id]);
    expect(value(await call('library.search', { query: 'introuvable' }))).toEqual([]);
    expect(value(await call('library.search', { query: '' }))).toEqual([]);
    // FTS syntax in the user's text is never an error.
    expect(value(await call('library.search', { query: 'NEAR( "sécu* OR' }))).toBeInstanceOf(Array);
  });

  it('gets and saves; a save on a stale base is a conflict and overwrites nothing', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    expect(value(await call<Dossier>('dossier.get', { id: d.id }))).toEqual(d);

    const v2 = withText(d.document, 'fr', 'Première version du texte.');
    expect(value(await call('dossier.save', { id: d.id, document: v2, baseVersion: 1 }))).toMatchObject({ version: 2, changed: true });
    // The same text again: nothing written.
    expect(value(await call('dossier.save', { id: d.id, document: v2, baseVersion: 2 }))).toMatchObject({ version: 2, changed: false });

    // Another window still holds version 1.
    const stale = withText(d.document, 'fr', 'Texte d’une autre fenêtre.');
    const conflict = await call('dossier.save', { id: d.id, document: stale, baseVersion: 1 });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict', details: { id: d.id, base: 1, current: 2 } } });
    expect(store.get(d.id).document).toEqual(v2);

    expect(await call('dossier.get', { id: 'zzzzzzzzzzzz' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('dossier.save', { id: 'zzzzzzzzzzzz', document: v2, baseVersion: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses invalid and oversized documents before they reach the store', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));

    const broken = structuredClone(d.document) as unknown as { parts: { blocks: { id: string }[] }[] };
    broken.parts[0]!.blocks[0]!.id = broken.parts[0]!.blocks[1]!.id; // duplicate ids: only parseDocument sees it
    const r1 = await call('dossier.save', { id: d.id, document: broken, baseVersion: 1 });
    expect(r1).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!r1.ok && r1.error.message).toMatch(/dossier\.save/);

    const r2 = await call('dossier.save', { id: d.id, document: { schemaVersion: 1 }, baseVersion: 1 });
    expect(r2).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const huge = withText(d.document, 'fr', 'x'.repeat(MAX_DOCUMENT_BYTES));
    const r3 = await call('dossier.save', { id: d.id, document: huge, baseVersion: 1 });
    expect(r3).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!r3.ok && r3.error.message).toMatch(/too large \(32\.0 MB of JSON; the limit is 32\.0 MB\)/);

    // Multi-byte text: under the limit in characters, over it in UTF-8 bytes.
    const wide = withText(d.document, 'fr', 'é'.repeat(MAX_DOCUMENT_BYTES / 2 + 10));
    expect(await call('dossier.save', { id: d.id, document: wide, baseVersion: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    expect(store.get(d.id).version).toBe(1);
    expect(store.history(d.id)).toHaveLength(1);
  });

  it('trashes and untrashes, keeps history, takes snapshots and restores', async () => {
    const { store, clock } = await freshStore({ revisionIntervalMs: 0 });
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'annual-report', lang: 'en' }));
    clock.advance(1000);
    const edited = withText(d.document, 'en', 'A second text.');
    value(await call('dossier.save', { id: d.id, document: edited, baseVersion: 1 }));
    const snap = value(await call<{ seq: number; label: string; reason: string }>('dossier.snapshot', { id: d.id, label: '  Sent to the Secretariat  ' }));
    expect(snap).toMatchObject({ reason: 'named', label: 'Sent to the Secretariat' });
    const history = value(await call<{ seq: number; reason: string }[]>('dossier.history', { id: d.id }));
    expect(history.map((h) => h.reason)).toEqual(['named', 'auto', 'created']);

    const restored = value(await call<{ dossier: Dossier; revision: { restoredFrom: number } }>('dossier.restore', { id: d.id, seq: 1, baseVersion: 2 }));
    expect(restored.dossier.document).toEqual(d.document);
    expect(restored.dossier.version).toBe(3);
    expect(restored.revision.restoredFrom).toBe(1);
    expect(await call('dossier.restore', { id: d.id, seq: 2, baseVersion: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('dossier.restore', { id: d.id, seq: 99 })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    expect(value(await call('dossier.trash', { id: d.id }))).toMatchObject({ id: d.id, trashedAt: clock.now() });
    expect(value(await call('library.list'))).toEqual([]);
    expect(value(await call<{ id: string }[]>('library.list', { trash: 'only' })).map((x) => x.id)).toEqual([d.id]);
    expect(value(await call('dossier.untrash', { id: d.id }))).toMatchObject({ id: d.id, trashedAt: null });
    expect(value(await call<{ id: string }[]>('library.list')).map((x) => x.id)).toEqual([d.id]);
  });

  it('runs the checker on the stored text: template placeholders are errors', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'concept-note', lang: 'fr' }));
    const check = value(await call<{ version: number; lang: string; findings: { code: string; severity: string; blockId?: string }[] }>('dossier.check', { id: d.id, lang: 'fr' }));
    expect(check.version).toBe(1);
    expect(check.lang).toBe('fr');
    const placeholders = check.findings.filter((f) => f.code === 'placeholder-left');
    expect(placeholders.length).toBeGreaterThan(0);
    expect(placeholders.every((f) => f.severity === 'error')).toBe(true);
    // Each points at something the interface can scroll to.
    expect(placeholders.every((f) => typeof f.blockId === 'string' || typeof (f as { partId?: string }).partId === 'string')).toBe(true);
  });
});

describe('export.document', () => {
  it('exports DOCX and the HTML print view as bytes; PDF through the host’s printer, or unavailable', async () => {
    const { store } = await freshStore();
    const printed: { html: string; paper: string }[] = [];
    const withPrinter = host(store, {
      printPdf: async (html, options) => {
        printed.push({ html, paper: options.paper });
        return new TextEncoder().encode('%PDF-1.7 stub');
      },
    });
    const d = value(await withPrinter<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    const base = { id: d.id, profile: 'issued', paper: 'a4', lang: 'fr' };

    const docx = value(await withPrinter<{ bytes: Uint8Array; mime: string; fileName: string }>('export.document', { ...base, format: 'docx' }));
    expect(docx.bytes).toBeInstanceOf(Uint8Array);
    expect([...docx.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    expect(docx.mime).toMatch(/wordprocessingml/);
    expect(docx.fileName).toMatch(new RegExp(`-${d.id}\\.docx$`));

    const html = value(await withPrinter<{ bytes: Uint8Array; mime: string }>('export.document', { ...base, format: 'html' }));
    const text = new TextDecoder().decode(html.bytes);
    expect(text).toMatch(/^<!DOCTYPE html>/i);
    expect(text).toContain('size: A4');

    const pdf = value(await withPrinter<{ bytes: Uint8Array; mime: string; fileName: string }>('export.document', { ...base, format: 'pdf' }));
    expect(new TextDecoder().decode(pdf.bytes)).toBe('%PDF-1.7 stub');
    expect(pdf.mime).toBe('application/pdf');
    expect(pdf.fileName.endsWith('.pdf')).toBe(true);
    expect(printed).toHaveLength(1);
    expect(printed[0]!.paper).toBe('a4');
    expect(printed[0]!.html).toMatch(/^<!DOCTYPE html>/i);

    const noPrinter = host(store);
    expect(await noPrinter('export.document', { ...base, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await noPrinter('export.document', { ...base, id: 'zzzzzzzzzzzz', format: 'docx' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('PDF through the system’s Chromium', () => {
  it('is what the development host prints with (scripts/serve-app.ts passes htmlToPdf)', async () => {
    const { htmlToPdf } = await import('../../../src/services/export/pdf');
    const { store } = await freshStore();
    const call = host(store, { printPdf: (html, options) => htmlToPdf(html, options) });
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'en' }));
    const pdf = value(await call<{ bytes: Uint8Array; mime: string }>('export.document', { id: d.id, format: 'pdf', profile: 'issued', paper: 'letter', lang: 'en' }));
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(1000);
  });
});

/** The settings of issue 12b before any is set. */
const NO_MISSION = { authorName: '', mission: EMPTY_MISSION, images: { emblem: null, signatures: {} } };

describe('settings', () => {
  it('are kept in the store’s settings table, and survive reopening', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const changes: [string, string][] = [];
    const call = host(store, { onSettingsChange: (now, before) => changes.push([before.interfaceLanguage, now.interfaceLanguage]) });
    expect(value(await call('settings.get'))).toEqual({ interfaceLanguage: 'fr', frenchSpacing: 'new-york', backupDir: join(dir, 'backups'), backupDirIsDefault: true, ...NO_MISSION });

    const backups = join(tempDir(), 'usb-key');
    mkdirSync(backups);
    expect(value(await call('settings.set', { interfaceLanguage: 'en', frenchSpacing: 'nbsp', backupDir: backups }))).toEqual({
      interfaceLanguage: 'en',
      frenchSpacing: 'nbsp',
      backupDir: backups,
      backupDirIsDefault: false,
      ...NO_MISSION,
    });
    expect(changes).toEqual([['fr', 'en']]);
    // New documents take the French spacing setting.
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    expect(d.document.settings.frenchSpacing).toBe('nbsp');

    // A missing folder is the store's error, as data; nothing else in the patch is applied.
    expect(await call('settings.set', { interfaceLanguage: 'fr', backupDir: join(backups, 'not-there') })).toMatchObject({ ok: false, error: { code: 'missing-dir' } });
    expect(await call('settings.set', { backupDir: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    store.close();

    const reopened = track(await openStore(dir));
    const again = host(reopened, { defaultLanguage: 'fr' });
    expect(value(await again('settings.get'))).toEqual({ interfaceLanguage: 'en', frenchSpacing: 'nbsp', backupDir: backups, backupDirIsDefault: false, ...NO_MISSION });
    expect(value(await again('settings.set', { backupDir: null }))).toMatchObject({ backupDir: join(dir, 'backups'), backupDirIsDefault: true, ...NO_MISSION });
  });
});

describe('issue 12b: the mission’s profile, images and the signed letter', () => {
  const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(n).fill(7)]);
  const mission = {
    name: 'Mission permanente du Pérou auprès de l’Organisation des Nations Unies',
    addressLines: ['820 Second Avenue', 'New York, NY 10017'],
    place: 'New York',
    state: 'PER',
    people: [
      { id: 'pr', name: 'Gustavo Meza-Cuadra', gender: 'm', role: 'permanent-representative' },
      { id: 'cda', name: 'Ana Peña', gender: 'f', role: 'charge-d-affaires' },
    ],
    sender: 'cda',
    signatories: ['cda'],
  };

  it('are kept and validated; new letters take the mission’s sender and signatories', async () => {
    const { store, dir } = await freshStore();
    const call = host(store);
    const set = value(await call<{ authorName: string; mission: unknown }>('settings.set', { authorName: '  Ana Peña ', mission }));
    expect(set.authorName).toBe('Ana Peña');
    expect(set.mission).toEqual(mission);
    // Refused in one line, nothing changed: a sender who is not among the people, a State that is no code.
    expect(await call('settings.set', { mission: { ...mission, sender: 'nobody' } })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('the sender is not one of the mission’s people') } });
    expect(await call('settings.set', { mission: { ...mission, state: 'Peru' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(value(await call<{ mission: unknown }>('settings.get')).mission).toEqual(mission);

    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    expect(d.document.meta.sender).toBe('cda');
    expect(d.document.meta.people.find((p) => p.id === 'cda')).toMatchObject({ name: 'Ana Peña', gender: 'f', role: { kind: 'charge-d-affaires', country: 'PER' } });
    const signature = d.document.parts[0]!.blocks.find((b) => b.kind === 'signature');
    expect(signature).toMatchObject({ signatories: ['cda'] });
    // A kind that names nobody stays as its template made it.
    expect(value(await call<Dossier>('dossier.create', { kind: 'presidential-statement', lang: 'fr' })).document.meta.people).toEqual([]);

    // Images: PNG or JPEG, a signature only for one of the mission's people.
    expect(await call('settings.setImage', { image: { slot: 'emblem' }, bytes: new TextEncoder().encode('not an image') })).toMatchObject({ ok: false, error: { code: 'invalid-asset' } });
    expect(await call('settings.setImage', { image: { slot: 'signature', person: 'ghost' }, bytes: png(10) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('settings.setImage', { image: { slot: 'emblem' }, bytes: png(2 * 1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('larger than 2 MB') } });
    expect(value(await call<{ images: unknown }>('settings.setImage', { image: { slot: 'signature', person: 'cda' }, bytes: png(100) })).images).toEqual({ emblem: null, signatures: { cda: { mime: 'image/png', size: 108 } } });
    expect(value(await call<{ bytes: Uint8Array }>('settings.image', { image: { slot: 'signature', person: 'cda' } })).bytes).toEqual(png(100));
    expect(value(await call('settings.image', { image: { slot: 'emblem' } }))).toBeNull();

    // The letterhead export: the settings' letterhead; the signature image only once finalised.
    const media = async () => {
      const r = value(await call<{ bytes: Uint8Array }>('export.document', { id: d.id, format: 'docx', profile: 'letterhead', paper: 'letter', lang: 'fr' }));
      const file = join(dir, 'letter.docx');
      writeFileSync(file, r.bytes);
      const list = execFileSync('unzip', ['-l', file]).toString();
      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString();
      return { images: (list.match(/word\/media\//g) ?? []).length, xml };
    };
    const draft = await media();
    expect(draft.images).toBe(0);
    expect(draft.xml).toContain('820 Second Avenue');
    expect(draft.xml).toContain('Son Excellence Monsieur');
    value(await call('dossier.finalize', { id: d.id, label: 'Signée', baseVersion: d.version }));
    expect((await media()).images).toBe(1);

    // Removing the image: the finalised export has none.
    expect(value(await call<{ images: unknown }>('settings.setImage', { image: { slot: 'signature', person: 'cda' }, bytes: null })).images).toEqual({ emblem: null, signatures: {} });
    expect((await media()).images).toBe(0);

    // A person removed from the mission takes their signature with them: not kept in the library, not back if the id returns.
    value(await call('settings.setImage', { image: { slot: 'signature', person: 'cda' }, bytes: png(100) }));
    expect(store.getSetting('mission.image.signature.cda')).toBeDefined();
    const { sender: _sender, ...unsent } = mission;
    value(await call('settings.set', { mission: { ...unsent, people: [], signatories: [] } }));
    expect(store.getSetting('mission.image.signature.cda')).toBeUndefined();
    expect(value(await call<{ images: unknown }>('settings.set', { mission })).images).toEqual({ emblem: null, signatures: {} });
  });
});

describe('issue 13: the translator’s desk', () => {
  it('adds a language version (empty or a copy), refuses a second one and a stale base; memory; bilingual export', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const fr = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    const one = await call('export.bilingual', { id: fr.id, paper: 'letter' });
    expect(one).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'A bilingual export needs the dossier in two languages: create the other version first.' } });
    expect(await call('dossier.addVersion', { id: fr.id, lang: 'en', start: 'copy', baseVersion: fr.version + 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const both = value(await call<Dossier>('dossier.addVersion', { id: fr.id, lang: 'en', start: 'copy', baseVersion: fr.version }));
    expect(both.version).toBe(fr.version + 1);
    expect(both.document.translation).toEqual({ source: 'fr', glossary: [] });
    expect(Object.keys(both.document.text.en!).sort()).toEqual(Object.keys(fr.document.text.fr!).sort());
    const again = await call('dossier.addVersion', { id: fr.id, lang: 'en', start: 'empty', baseVersion: both.version });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'The English version of this dossier exists already.' } });
    const memory = value(await call<unknown[]>('translation.memory', { text: 'Monsieur le Président', source: 'fr', target: 'en' }));
    expect(Array.isArray(memory)).toBe(true);
    const file = value(await call<{ bytes: Uint8Array; fileName: string; mime: string }>('export.bilingual', { id: fr.id, paper: 'a4' }));
    expect(file.fileName).toMatch(new RegExp(`-${fr.id}\\.fr-en\\.docx$`));
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString()).toBe('PK');
  });
});

describe('bad inputs', () => {
  it('are refused as invalid-input on every channel that takes input, and never reach the store', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    const id = d.id;
    const bad: [ChannelName, unknown][] = [
      ['app.info', { x: 1 }],
      ['templates.list', 1],
      ['templates.create', { kind: 'novel', lang: 'fr' }],
      ['library.list', { sort: 'size' }],
      ['library.list', { trash: 'maybe' }],
      ['library.list', { limit: -1 }],
      ['library.list', { kind: 'letter', extra: true }],
      ['library.search', {}],
      ['library.search', { query: 42 }],
      ['library.search', { query: 'x'.repeat(1001) }],
      ['dossier.create', { kind: 'letter' }],
      ['dossier.create', { kind: 'letter', lang: 'de' }],
      ['dossier.get', { id: 'short' }],
      ['dossier.get', { id: '../../etc/passwd' }],
      ['dossier.get', { id: id.toUpperCase() }],
      ['dossier.get', id],
      ['dossier.save', { id, document: d.document }],
      ['dossier.save', { id, document: d.document, baseVersion: 1.5 }],
      ['dossier.save', { id, document: 'not a document', baseVersion: 1 }],
      ['dossier.save', { id, document: null, baseVersion: 1 }],
      ['dossier.trash', { id: 12 }],
      ['dossier.untrash', {}],
      ['dossier.history', { id, more: 1 }],
      ['dossier.snapshot', { id, label: '   ' }],
      ['dossier.snapshot', { id, label: 'x'.repeat(201) }],
      ['dossier.restore', { id, seq: 0 }],
      ['dossier.restore', { id, seq: '1' }],
      ['dossier.check', { id }],
      ['dossier.check', { id, lang: 'es' }],
      ['export.document', { id, format: 'odt', profile: 'issued', paper: 'a4', lang: 'fr' }],
      ['export.document', { id, format: 'docx', profile: 'issued', paper: 'legal', lang: 'fr' }],
      ['export.document', { id, format: 'docx', profile: 'draft', paper: 'a4', lang: 'fr' }],
      ['export.document', { id, format: 'docx' }],
      ['dossier.addVersion', { id, lang: 'en', start: 'blank', baseVersion: 1 }],
      ['dossier.addVersion', { id, lang: 'en', start: 'copy' }],
      ['translation.memory', { text: 'x', source: 'fr', target: 'fr' }],
      ['translation.memory', { text: 'x'.repeat(20_001), source: 'fr', target: 'en' }],
      ['translation.memory', { text: 'x', source: 'fr', target: 'en', exclude: { dossierId: id, blockId: '../x' } }],
      ['export.bilingual', { id, paper: 'legal' }],
      // Issue 12a's channels (their behaviour: tests/integration/host/drafting.test.ts)
      ['dossier.compare', { id, from: 0, to: 'current', lang: 'fr' }],
      ['dossier.compare', { id, from: 'latest', to: 1, lang: 'fr' }],
      ['dossier.finalize', { id, label: '', baseVersion: 1 }],
      ['dossier.finalize', { id, label: 'Signed' }],
      ['dossier.copy', { id, seq: 1 }],
      ['dossier.import', { name: 'a.txt', bytes: [65, 66] }],
      ['dossier.import', { name: 'x'.repeat(256), bytes: new Uint8Array([65]) }],
      ['dossier.importRevision', { id, name: 'a.docx', bytes: new Uint8Array([65]), baseVersion: 1, label: 'Returned' }],
      ['library.emptyTrash', { confirm: true }],
      ['settings.get', { all: true }],
      ['settings.set', { interfaceLanguage: 'de' }],
      ['settings.set', { frenchSpacing: 'thin' }],
      ['settings.set', { theme: 'dark' }],
      ['settings.set', { backupDir: '' }],
    ];
    for (const [channel, input] of bad) {
      const r = await call(channel, input);
      expect(r, `${channel} ${JSON.stringify(input)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await call('fs.readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    // Nothing changed.
    expect(store.list().map((x) => ({ id: x.id, version: x.version }))).toEqual([{ id, version: 1 }]);
    expect(store.history(id)).toHaveLength(1);
  });
});

describe('desktop shell channels (issue 14)', () => {
  it('refuses the roots and system folders as the backup folder, whoever names them', async () => {
    const { store } = await freshStore();
    const call = host(store);
    for (const dir of ['/', '/etc', '/usr/lib', '/System/Library']) {
      const r = await call('settings.set', { backupDir: dir });
      expect(r, dir).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!r.ok) expect(r.error.message).toMatch(/root of a disk|system folder/);
    }
    expect(refusedBackupFolder('C:\\Windows\\Temp', 'win32')).toMatch(/system folder/);
    expect(refusedBackupFolder('D:\\', 'win32')).toMatch(/root/);
    expect(refusedBackupFolder('C:\\Users\\ana\\Backups', 'win32')).toBeUndefined();
    expect(refusedBackupFolder('/var/folders/xy/T/backups', 'darwin')).toBeUndefined();
    // Nothing was changed by the refusals.
    expect(value(await call<{ backupDirIsDefault: boolean }>('settings.get')).backupDirIsDefault).toBe(true);
  });

  it('in a host with folder dialogs, takes the backup folder only from the dialog', async () => {
    const { store, dir } = await freshStore();
    const chosen = join(dir, 'chosen');
    mkdirSync(chosen);
    const answers: (string | null)[] = [null, chosen, '/etc'];
    const changes: string[] = [];
    const call = host(store, { chooseFolder: () => Promise.resolve(answers.shift() ?? null), onSettingsChange: (now) => void changes.push(now.backupDir ?? '') });
    const named = await call('settings.set', { backupDir: chosen });
    expect(named).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Cancelled: nothing changes.
    expect(value(await call<{ backupDirIsDefault: boolean }>('settings.chooseBackupFolder')).backupDirIsDefault).toBe(true);
    expect(value(await call('settings.chooseBackupFolder'))).toMatchObject({ backupDir: chosen, backupDirIsDefault: false });
    expect(changes).toEqual([chosen]);
    // A system folder picked in the dialog is refused too.
    expect(await call('settings.chooseBackupFolder')).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^The backup folder cannot be inside a system folder/) } });
    // Back to the default is not a place on disk: still allowed.
    expect(value(await call('settings.set', { backupDir: null }))).toMatchObject({ backupDirIsDefault: true });
    // Without dialogs (the browser host) the channel says so.
    expect(await host(store)('settings.chooseBackupFolder')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('opens and saves files only through the host’s own dialogs: the page gets bytes and a name, never a path to give', async () => {
    const { store, dir } = await freshStore();
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, 'Le Groupe de travail a tenu sa session.');
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const opened: (string | null)[] = [txt, null, fifo, join(dir, 'absent.docx')];
    const saved: (string | null)[] = [join(dir, 'out.docx'), null, join(dir, 'no-such-folder', 'out.docx')];
    const asked: string[][] = [];
    const call = host(store, {
      chooseFile: (_purpose, extensions) => (asked.push([...extensions]), Promise.resolve(opened.shift() ?? null)),
      chooseSavePath: () => Promise.resolve(saved.shift() ?? null),
    });
    const got = value(await call<{ name: string; bytes: Uint8Array }>('files.open', { purpose: 'import', extensions: ['.docx', '.txt'] }));
    expect(got.name).toBe('note.txt');
    expect(new TextDecoder().decode(got.bytes)).toBe('Le Groupe de travail a tenu sa session.');
    expect(asked[0]).toEqual(['.docx', '.txt']);
    expect(value(await call('files.open', { purpose: 'import', extensions: ['.txt'] }))).toBeNull();
    expect(await call('files.open', { purpose: 'import', extensions: ['.txt'] })).toMatchObject({ ok: false, error: { code: 'invalid-file', message: 'pipe.txt is a named pipe, not a file: save what it carries to a file and give that.' } });
    expect(await call('files.open', { purpose: 'returned-version', extensions: ['.docx'] })).toMatchObject({ ok: false, error: { code: 'io-error', message: 'absent.docx: no such file.' } });
    expect(await call('files.open', { purpose: 'import', extensions: ['.exe'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    expect(value(await call('files.save', { suggestedName: 'out.docx', bytes: new Uint8Array([0x50, 0x4b]) }))).toEqual({ shownAs: join(dir, 'out.docx') });
    expect([...readFileSync(join(dir, 'out.docx'))]).toEqual([0x50, 0x4b]);
    expect(value(await call('files.save', { suggestedName: 'out.docx', bytes: new Uint8Array([1]) }))).toBeNull();
    expect(await call('files.save', { suggestedName: 'out.docx', bytes: new Uint8Array([1]) })).toMatchObject({ ok: false, error: { code: 'io-error', message: 'out.docx could not be written (ENOENT).' } });
    expect(await call('files.save', { suggestedName: '../../etc/passwd', bytes: new Uint8Array([1]) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Without dialogs (the browser host) both say so, and the page uses the browser's own.
    const plain = host(store);
    expect(await plain('files.open', { purpose: 'import', extensions: ['.txt'] })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await plain('files.save', { suggestedName: 'a.docx', bytes: new Uint8Array([1]) })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('prints the print view through the host’s print dialog, or says the host has none', async () => {
    const { store } = await freshStore();
    const printed: string[] = [];
    const call = host(store, { printHtml: (html) => (printed.push(html), Promise.resolve(true)) });
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    expect(value(await call('export.print', { id: d.id, profile: 'issued', paper: 'a4', lang: 'fr' }))).toBe(true);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!doctype html>/i);
    expect(printed[0]).toContain('Conseil de sécurité');
    expect(await call('export.print', { id: 'zzzzzzzzzzzz', profile: 'issued', paper: 'a4', lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await host(store)('export.print', { id: d.id, profile: 'issued', paper: 'a4', lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('passes the available commands to the host and the flush answers to its pending request', async () => {
    const { store } = await freshStore();
    const events = createHostEvents();
    const seen: string[][] = [];
    const call = host(store, { events, onCommandsAvailable: (c) => void seen.push(c) });
    expect(value(await call('app.commandsAvailable', { commands: ['file.print', 'insert.footnote'] }))).toBeNull();
    expect(seen).toEqual([['file.print', 'insert.footnote']]);
    expect(await call('app.commandsAvailable', { commands: ['file.format-disk'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const requests: string[] = [];
    events.subscribe((name, payload) => {
      if (name === 'app.flush') requests.push((payload as { requestId: string }).requestId);
    });
    const outcome = events.requestFlush(10_000);
    expect(requests).toHaveLength(1);
    // An answer to no pending request changes nothing; the real one ends the wait.
    expect(value(await call('app.flushed', { requestId: 'forged', saved: true }))).toBeNull();
    await call('app.flushed', { requestId: requests[0], saved: false });
    expect(await outcome).toEqual({ kind: 'answered', saved: false });
  });
});

describe('the team channels with no team server (issue 15; with a real one: tests/integration/server/app-side.test.ts)', () => {
  it('say, in one sentence each, that the library is not connected, and keep the offline copy of a version', async () => {
    const { store } = await freshStore();
    const call = host(store);
    expect(value(await call('team.status'))).toBeNull();
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    expect(d.team).toBeUndefined();
    expect('team' in value(await call<Dossier>('dossier.get', { id: d.id }))).toBe(false);
    const notConnected = { ok: false, error: { code: 'invalid-request', message: 'This library is not connected to a team server: enter the server and an invitation in Settings, Team.' } };
    expect(await call('team.share', { id: d.id })).toEqual(notConnected);
    expect(await call('team.invite', { id: d.id, role: 'reader' })).toEqual(notConnected);
    expect(await call('team.socket', { id: d.id, lang: 'fr' })).toEqual(notConnected);
    expect(await call('team.shareVersion', { id: d.id, lang: 'en' })).toEqual(notConnected);
    expect(value(await call('team.disconnect'))).toBeNull();
    // Nothing answers there (a port just freed): the sentence names the server.
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const silent = await call('team.connect', { server: `http://127.0.0.1:${port}`, code: `rpi_${'a'.repeat(43)}` });
    expect(silent).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!silent.ok && silent.error.message).toBe(`The team server at http://127.0.0.1:${port} does not answer (ECONNREFUSED): check its address, or work offline and try again later.`);
    expect(await call('team.connect', { server: `http://127.0.0.1:${port}`, code: 'hello' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'This is not an invitation code or link (a code starts with “rpi_”).' } });
    expect(value(await call('team.status'))).toBeNull();

    // The offline copy: pieces appended in order, read back as one.
    expect(value(await call('team.offlineLoad', { id: d.id, lang: 'fr' }))).toBeNull();
    expect(value(await call('team.offlineAppend', { id: d.id, lang: 'fr', update: new Uint8Array([0, 0]) }))).toBeNull();
    expect(value(await call<Uint8Array>('team.offlineLoad', { id: d.id, lang: 'fr' }))).toEqual(new Uint8Array([0, 0]));
    expect(value(await call('team.offlineLoad', { id: d.id, lang: 'en' }))).toBeNull();
    expect(await call('team.offlineAppend', { id: 'zzzzzzzzzzzz', lang: 'fr', update: new Uint8Array([0, 0]) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

afterAll(() => {
  // Every channel of the contract was exercised above.
  expect([...CHANNELS].filter((c) => !called.has(c))).toEqual([]);
});
