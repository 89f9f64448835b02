/**
 * The IPC contract and its dispatcher, as every host (Electron main, in-page browser host)
 * uses them: unknown channels, invalid inputs and failing handlers come back as data.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { templateHandlers } from '../../src/shared/core-handlers';
import {
  CHANNELS,
  createDispatcher,
  documentInputSchema,
  ERROR_CODES,
  fail,
  ipcChannelName,
  isChannel,
  MAX_DOCUMENT_BYTES,
  ok,
  type ConflictDetails,
  type DossierSummary,
  type Handlers,
  type Input,
  type IpcError,
  type Output,
  type ParsedInput,
  type Settings,
} from '../../src/shared/ipc-contract';
import { STORE_ERROR_CODES } from '../../src/services/store/errors';
import { createFromTemplate } from '../../src/core/templates';
import { EMPTY_MISSION } from '../../src/core/templates/mission';
import { numberDocument } from '../../src/core/numbering/numbering';
import type { RDocument } from '../../src/core/model/schema';
import type { WireJson } from '../../src/shared/wire';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  let settings: Settings = { interfaceLanguage: 'en', frenchSpacing: 'new-york', backupDir: null, backupDirIsDefault: true, authorName: '', mission: EMPTY_MISSION, images: { emblem: null, signatures: {} } };
  const unavailable = () => fail('unavailable', 'not in this test');
  return {
    ...(Object.fromEntries(CHANNELS.map((c) => [c, unavailable])) as unknown as Handlers),
    'app.info': () => ok({ name: 'Rapporteur', version: '0.0.0', platform: 'test' }),
    ...templateHandlers,
    'settings.get': () => ok(settings),
    'settings.set': (patch) => ok((settings = { ...settings, ...patch } as Settings)),
    ...overrides,
  };
}

describe('the contract', () => {
  it('lists every channel once, namespaced on the wire', () => {
    expect([...CHANNELS].sort()).toEqual([
      'app.commandsAvailable',
      'app.flushed',
      'app.info',
      'dossier.addVersion',
      'dossier.check',
      'dossier.compare',
      'dossier.copy',
      'dossier.create',
      'dossier.finalize',
      'dossier.get',
      'dossier.history',
      'dossier.import',
      'dossier.importRevision',
      'dossier.restore',
      'dossier.save',
      'dossier.snapshot',
      'dossier.trash',
      'dossier.untrash',
      'export.bilingual',
      'export.document',
      'export.print',
      'files.open',
      'files.save',
      'library.emptyTrash',
      'library.list',
      'library.search',
      'settings.chooseBackupFolder',
      'settings.get',
      'settings.image',
      'settings.set',
      'settings.setImage',
      'team.connect',
      'team.disconnect',
      'team.invite',
      'team.offlineAppend',
      'team.offlineLoad',
      'team.share',
      'team.shareVersion',
      'team.socket',
      'team.status',
      'templates.create',
      'templates.list',
      'translation.memory',
    ]);
    expect(ipcChannelName('app.info')).toBe('rapporteur:app.info');
    expect(isChannel('templates.create')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('fs.readFile')).toBe(false);
  });
});

describe('createDispatcher', () => {
  const dispatch = createDispatcher(handlers());

  it('answers a valid call with { ok: true, value }', async () => {
    expect(await dispatch('app.info', undefined)).toEqual({ ok: true, value: { name: 'Rapporteur', version: '0.0.0', platform: 'test' } });
    expect(await dispatch('settings.set', { interfaceLanguage: 'fr' })).toMatchObject({ ok: true, value: { interfaceLanguage: 'fr' } });
    expect(await dispatch('settings.get', undefined)).toMatchObject({ ok: true, value: { interfaceLanguage: 'fr' } });
  });

  it('creates a template document that numbers per language', async () => {
    const r = await dispatch('templates.create', { kind: 'annual-report', lang: 'en' });
    expect(r.ok).toBe(true);
    const doc = (r as { ok: true; value: RDocument }).value;
    const subs = [...numberDocument(doc, 'en').blocks.values()].filter((b) => b.kind === 'subparagraph').map((b) => b.label);
    expect(subs).toEqual(['(a)', '(b)']);
    const list = await dispatch('templates.list', undefined);
    expect(list.ok && (list.value as { kind: string }[]).map((t) => t.kind)).toContain('annual-report');
  });

  it('refuses a channel outside the contract', async () => {
    expect(await dispatch('fs.readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch('__proto__', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('validates inputs with zod before any handler runs', async () => {
    let ran = false;
    const d = createDispatcher(
      handlers({
        'templates.create': () => {
          ran = true;
          return fail('internal', 'should not run');
        },
      }),
    );
    for (const input of [undefined, null, {}, { kind: 'novel', lang: 'fr' }, { kind: 'letter', lang: 'de' }, { kind: 'letter', lang: 'fr', extra: 1 }]) {
      const r = await d('templates.create', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await d('app.info', { unexpected: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await d('settings.set', { interfaceLanguage: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(ran).toBe(false);
  });

  it('turns a throwing handler into an internal error, and passes typed errors through', async () => {
    const errors: string[] = [];
    const d = createDispatcher(
      handlers({
        'app.info': () => {
          throw new Error('boom');
        },
        'templates.list': () => fail('unavailable', 'templates are not there yet'),
      }),
      (channel) => errors.push(channel),
    );
    expect(await d('app.info', undefined)).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(await d('templates.list', undefined)).toEqual({ ok: false, error: { code: 'unavailable', message: 'templates are not there yet' } });
    expect(errors).toEqual(['app.info']);
  });
});

describe('errors and documents across the boundary', () => {
  it('carries every error code of the store unchanged', () => {
    expect(STORE_ERROR_CODES.filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it('accepts a valid document and refuses an invalid or oversized one, with a reason', () => {
    const doc = createFromTemplate('letter', 'fr');
    expect(documentInputSchema.safeParse(doc)).toMatchObject({ success: true, data: doc });
    const broken = documentInputSchema.safeParse({ ...doc, parts: [] });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.message).toMatch(/^parts: /);
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic['self'] = cyclic;
    expect(documentInputSchema.safeParse(cyclic).error?.issues[0]?.message).toBe('the document cannot be written as JSON');
    const big = structuredClone(doc);
    big.meta.symbols = ['x'.repeat(MAX_DOCUMENT_BYTES)];
    expect(documentInputSchema.safeParse(big).error?.issues[0]?.message).toMatch(/^the document is too large \(32\.0 MB of JSON; the limit is 32\.0 MB\)$/);
  });

  it('types what crosses: a document in, a summary out of a save, a conflict with the stored version', () => {
    // Checked by the type checker (npm test runs it on tests/ too); the calls below only run the checks.
    // The model, or its wire JSON (what the editor's autosave writes in slices).
    expectTypeOf<Input<'dossier.save'>['document']>().toEqualTypeOf<RDocument | WireJson<RDocument>>();
    expectTypeOf<ParsedInput<'dossier.save'>['document']>().toEqualTypeOf<RDocument>();
    expectTypeOf<Output<'dossier.save'>>().toMatchTypeOf<DossierSummary>();
    expectTypeOf<Extract<IpcError, { code: 'conflict' }>['details']>().toEqualTypeOf<ConflictDetails>();
    // @ts-expect-error a conflict cannot be made without the versions it is between
    fail('conflict', 'changed elsewhere');
    const conflict = fail('conflict', 'changed elsewhere', { id: 'abcdefabcdef', base: 1, current: 2, updatedAt: 0 });
    if (conflict.error.code === 'conflict') expect(conflict.error.details.current).toBe(2);
    else throw new Error('not a conflict');
  });
});
