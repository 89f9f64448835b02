/**
 * Every channel of the IPC contract, implemented once against a `Store`, for every host that has
 * a library: the Electron main process (src/main/ipc.ts registers these through the contract's
 * dispatcher) and the loopback HTTP host (./http.ts, for development and the end-to-end tests).
 *
 * Inputs arrive already validated by the dispatcher (zod; documents with `parseDocument` and a
 * size limit). Store failures come back as data with the store's own error codes
 * (`StoreError` → `{ ok: false, error: { code, message, details } }`); anything else thrown is a
 * bug, which the dispatcher reports as 'internal'.
 *
 * No Electron here: what only a host can do (printing to PDF, telling the menu the language
 * changed) is passed in.
 */
import { writeFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { checkDocument } from '../../core/checker/index';
import { createFromTemplate } from '../../core/templates/index';
import { DEFAULT_FRENCH_SPACING, frenchSpacingSchema } from '../../core/model/schema';
import { templateHandlers } from '../../shared/core-handlers';
import {
  fail,
  interfaceLanguageSchema,
  ok,
  type AppInfo,
  type ExportedFile,
  type Handlers,
  type InterfaceLanguage,
  type Settings,
} from '../../shared/ipc-contract';
import { defaultExportOptions, type ExportOptions } from '../../core/render/options';
import { exportDocument } from '../export/index';
import { asResult, StoreError, type Store } from '../store/index';
import { addLanguageVersion, deskPair, otherLang } from '../../core/translation/versions';
import { defaultBackupDir } from '../store/backup';
import { exportFileName } from '../store/share';
import { draftingHandlers } from './drafting';
import { teamHandlers } from './team';
import type { AppCommand } from '../../shared/host-events';
import type { HostEvents } from './events';
import { readChosenFile, refusedBackupFolder } from './folders';
import { missionExportOptions, missionImage, missionSettings, readMission, setMissionImage, writeMissionSettings } from './mission';
import { applyMissionProfile } from '../../core/templates/mission';

/** Keys of the settings table used by the interface. */
export const SETTING_KEYS = {
  interfaceLanguage: 'ui.interfaceLanguage',
  frenchSpacing: 'documents.frenchSpacing',
} as const;

export type HostHandlerOptions = {
  store: Store;
  appInfo: AppInfo;
  /** The interface language until the user chooses one (e.g. from the system's languages). */
  defaultLanguage: InterfaceLanguage;
  /**
   * Prints the HTML print view to PDF (Electron: a hidden window's printToPDF; the development
   * host: the system's Chromium). Without it, a PDF export answers 'unavailable'.
   */
  printPdf?: (html: string, options: ExportOptions) => Promise<Uint8Array>;
  /** Prints the print view on paper through the system's dialog (Electron); true when printed. */
  printHtml?: (html: string) => Promise<boolean>;
  /** Called after settings changed (the main process rebuilds its menu in the new language). */
  onSettingsChange?: (now: Settings, before: Settings) => void;
  /** The events this host sends its pages; the flush answers (`app.flushed`) go back to it. */
  events?: HostEvents;
  /** Called after the team connection changed (the main process serves its page under the new policy). */
  onTeamChange?: () => void;
  /** Called with the commands the page's screen offers (the main process enables those menu items). */
  onCommandsAvailable?: (commands: AppCommand[]) => void;
  /**
   * A folder chosen by the user in the host's own dialog (Electron), or null when cancelled.
   * A host that has it takes folders only from it: `settings.set` then refuses a backup folder
   * named by the page.
   */
  chooseFolder?: (purpose: 'backup') => Promise<string | null>;
  /** A file to open, chosen in the host's own dialog among `extensions` (Electron); null when cancelled. */
  chooseFile?: (purpose: 'import' | 'returned-version', extensions: readonly string[]) => Promise<string | null>;
  /** Where to save a file, chosen in the host's own dialog, starting from `suggestedName`; null when cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
};

/** Runs a store call; its StoreError becomes data with the store's code. */
const fromStore = asResult;

/** The settings as stored, with defaults for what the user has not chosen (and for damaged values). */
export function readSettings(store: Store, defaultLanguage: InterfaceLanguage): Settings {
  const lang = interfaceLanguageSchema.safeParse(store.getSetting(SETTING_KEYS.interfaceLanguage));
  const spacing = frenchSpacingSchema.safeParse(store.getSetting(SETTING_KEYS.frenchSpacing));
  const backupDir = store.backupDir();
  return {
    interfaceLanguage: lang.success ? lang.data : defaultLanguage,
    frenchSpacing: spacing.success ? spacing.data : DEFAULT_FRENCH_SPACING,
    backupDir,
    backupDirIsDefault: resolve(backupDir) === resolve(defaultBackupDir(store.dataDir)),
    ...missionSettings(store),
  };
}

const EXTENSIONS = { docx: '.docx', html: '.html', pdf: '.pdf' } as const;
const LANG_NAMES = { fr: 'French', en: 'English' } as const;

export function createHostHandlers(opts: HostHandlerOptions): Handlers {
  const { store } = opts;
  const settings = () => readSettings(store, opts.defaultLanguage);

  return {
    'app.info': () => ok(opts.appInfo),
    ...templateHandlers,

    'library.list': (query) => fromStore(() => store.list(query ?? {})),
    'library.search': ({ query, ...filters }) => fromStore(() => store.search(query, filters)),

    'dossier.create': ({ kind, lang }) =>
      fromStore(() => {
        // The mission's people sign it (its profile in the settings).
        const document = applyMissionProfile(createFromTemplate(kind, lang), readMission(store));
        document.settings = { ...document.settings, frenchSpacing: settings().frenchSpacing };
        const created = store.create(document);
        return store.get(created.id);
      }),
    'dossier.get': ({ id }) => fromStore(() => store.get(id)),
    'dossier.save': ({ id, document, baseVersion }) => fromStore(() => store.save(id, document, { base: baseVersion })),
    'dossier.trash': ({ id }) => fromStore(() => store.trash(id)),
    'dossier.untrash': ({ id }) => fromStore(() => store.untrash(id)),
    'dossier.history': ({ id }) => fromStore(() => store.history(id)),
    'dossier.snapshot': ({ id, label }) => fromStore(() => store.snapshot(id, label)),
    'dossier.restore': ({ id, seq, baseVersion }) =>
      fromStore(() => {
        const { revision } = store.restore(id, seq, baseVersion === undefined ? {} : { base: baseVersion });
        return { dossier: store.get(id), revision };
      }),
    'dossier.check': ({ id, lang }) =>
      fromStore(() => {
        const dossier = store.get(id);
        return { version: dossier.version, lang, findings: checkDocument(dossier.document, lang) };
      }),

    'export.document': async ({ id, format, profile, paper, lang }) => {
      const got = await fromStore(() => store.get(id));
      if (!got.ok) return got;
      const dossier = got.value;
      // The settings' letterhead and signatures; the signatures only on a finalised revision's export.
      const finalised = store.history(id)[0]?.locked === true;
      const options: ExportOptions = { ...defaultExportOptions(lang, profile), paper, ...missionExportOptions(store, finalised) };
      const fileName = exportFileName(dossier.title, dossier.id, EXTENSIONS[format]);
      if (format === 'pdf') {
        if (!opts.printPdf) return fail('unavailable', 'PDF export is not available in this host; export the HTML print view or DOCX instead.');
        const { renderHtml } = await import('../export/html/index');
        const html = renderHtml(dossier.document, options);
        const bytes = await opts.printPdf(html.html, options);
        return ok<ExportedFile>({ bytes, mime: 'application/pdf', fileName, warnings: html.warnings });
      }
      const r = await exportDocument(dossier.document, format, options);
      return ok<ExportedFile>({ bytes: r.bytes, mime: r.mime, fileName, warnings: r.warnings });
    },

    'files.open': async ({ purpose, extensions }) => {
      if (!opts.chooseFile) return fail('unavailable', 'This host has no file dialog: the page asks the browser for the file.');
      const path = await opts.chooseFile(purpose, extensions);
      if (path === null) return ok(null);
      const read = await readChosenFile(path);
      return read.ok ? ok({ name: basename(path), bytes: read.value }) : read;
    },
    'files.save': async ({ suggestedName, bytes }) => {
      if (!opts.chooseSavePath) return fail('unavailable', 'This host has no save dialog: the page downloads the file.');
      const path = await opts.chooseSavePath(suggestedName);
      if (path === null) return ok(null);
      try {
        await writeFile(path, bytes);
      } catch (e) {
        return fail('io-error', `${basename(path)} could not be written (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
      }
      return ok({ shownAs: path });
    },
    'export.print': async ({ id, profile, paper, lang }) => {
      if (!opts.printHtml) return fail('unavailable', 'This host has no print dialog: the page prints the print view itself.');
      const got = await fromStore(() => store.get(id));
      if (!got.ok) return got;
      const { renderHtml } = await import('../export/html/index');
      const html = renderHtml(got.value.document, { ...defaultExportOptions(lang, profile), paper });
      return ok(await opts.printHtml(html.html));
    },
    // Issue 13: the translator's desk
    'dossier.addVersion': ({ id, lang, start, baseVersion }) =>
      fromStore(() => {
        const { document } = store.get(id);
        const source = otherLang(lang);
        if (document.text[lang] !== undefined) throw new StoreError('invalid-request', `The ${LANG_NAMES[lang]} version of this dossier exists already.`, { id, lang });
        if (document.text[source] === undefined) throw new StoreError('invalid-request', `There is no ${LANG_NAMES[source]} version to translate from.`, { id, lang });
        store.save(id, addLanguageVersion(document, source, lang, start), { base: baseVersion });
        return store.get(id);
      }),
    'export.bilingual': async ({ id, paper }) => {
      const got = await fromStore(() => store.get(id));
      if (!got.ok) return got;
      const dossier = got.value;
      const pair = deskPair(dossier.document);
      if (!pair) return fail('invalid-request', 'A bilingual export needs the dossier in two languages: create the other version first.');
      const { exportBilingualDocx } = await import('../export/docx/bilingual');
      const r = await exportBilingualDocx(dossier.document, pair.source, pair.target, { ...defaultExportOptions(pair.target), paper });
      const fileName = exportFileName(dossier.title, dossier.id, `.${pair.source}-${pair.target}.docx`);
      return ok<ExportedFile>({ bytes: r.bytes, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName, warnings: r.warnings });
    },
    'translation.memory': ({ text, source, target, exclude, limit }) =>
      fromStore(() => store.translationMemory(text, source, target, { ...(exclude ? { exclude } : {}), ...(limit !== undefined ? { limit } : {}) })),
    ...draftingHandlers(store),
    ...teamHandlers(store, () => opts.onTeamChange?.()),

    'settings.get': () => fromStore(settings),
    'settings.set': async (patch) => {
      if (patch.backupDir !== undefined && patch.backupDir !== null) {
        if (opts.chooseFolder) return fail('forbidden', 'settings.set: the backup folder is chosen in the folder dialog (Settings > Choose…), not named by the page.');
        if (!isAbsolute(patch.backupDir)) return fail('invalid-input', `settings.set: the backup folder must be an absolute path, not "${patch.backupDir}".`);
        const refused = refusedBackupFolder(patch.backupDir);
        if (refused) return fail('invalid-input', `settings.set: ${refused}`);
      }
      const before = await fromStore(settings);
      if (!before.ok) return before;
      const changed = await fromStore(() => {
        // The backup folder first: it is the one change that can be refused (missing, read-only).
        if (patch.backupDir !== undefined) store.setBackupDir(patch.backupDir);
        if (patch.interfaceLanguage !== undefined) store.setSetting(SETTING_KEYS.interfaceLanguage, patch.interfaceLanguage);
        if (patch.frenchSpacing !== undefined) store.setSetting(SETTING_KEYS.frenchSpacing, patch.frenchSpacing);
        writeMissionSettings(store, patch);
        return settings();
      });
      if (changed.ok) opts.onSettingsChange?.(changed.value, before.value);
      return changed;
    },
    'settings.chooseBackupFolder': async () => {
      if (!opts.chooseFolder) return fail('unavailable', 'This host has no folder dialog: give the backup folder as an absolute path.');
      const dir = await opts.chooseFolder('backup');
      if (dir === null) return fromStore(settings);
      const refused = refusedBackupFolder(dir);
      if (refused) return fail('invalid-input', refused.charAt(0).toUpperCase() + refused.slice(1));
      const before = await fromStore(settings);
      if (!before.ok) return before;
      const changed = await fromStore(() => {
        store.setBackupDir(dir);
        return settings();
      });
      if (changed.ok) opts.onSettingsChange?.(changed.value, before.value);
      return changed;
    },

    // Issue 12b: the mission's images
    'settings.setImage': ({ image, bytes }) =>
      fromStore(() => {
        setMissionImage(store, image, bytes);
        return settings();
      }),
    'settings.image': ({ image }) => fromStore(() => missionImage(store, image)),

    'app.commandsAvailable': ({ commands }) => {
      opts.onCommandsAvailable?.(commands);
      return ok(null);
    },
    'app.flushed': ({ requestId, saved }) => {
      opts.events?.acknowledgeFlush(requestId, saved);
      return ok(null);
    },
  };
}
