/**
 * The ONE IPC contract between the renderer and whatever hosts it (the Electron main process
 * through the preload, or the in-page host used in a plain browser).
 *
 * Every channel is declared here once: its name, the zod schema of its input and the type of
 * its output. From this object are derived:
 * - the preload's allow-list (`CHANNELS`): any other channel name throws;
 * - the main process's handler types (`Handlers`) and input validation (`createDispatcher`);
 * - the renderer's typed `RapporteurApi`;
 * - any other host of the same API (src/renderer/host/).
 *
 * Pure TypeScript + zod: no electron, Node or DOM import, so every process can import it.
 * Errors cross the boundary as data (`Result`), never as thrown exceptions.
 */
import { z } from 'zod';
import type { Finding } from '../core/checker/index';
import { documentKindSchema, idSchema, langSchema, type DocumentKind, type Lang, type RDocument } from '../core/model/schema';
import { parseDocument } from '../core/model/validate';
import { EXPORT_FORMATS, EXPORT_PROFILES, PAPERS, type ExportWarning } from '../core/render/options';
import {
  listQuerySchema,
  searchQuerySchema,
  STORE_ERROR_CODES,
  type ConflictDetails,
  type Dossier,
  type DossierSummary,
  type MemoryMatch,
  type RevisionInfo,
  type SaveResult,
  type SearchHit,
} from './library';
import { commandsAvailableSchema, flushedSchema, type HostEventName, type HostEventPayload } from './host-events';
import type { CompareResult } from '../core/compare/types';
import { MAX_IMPORT_BYTES, type EmptiedTrash, type ImportedDossier, type ReturnedVersion } from './drafting';
import { isWireJson, readWireJson, WIRE_JSON, type WireJson } from './wire';
import { MAX_SETTINGS_IMAGE_BYTES, settingsImageSlotSchema, settingsPatchSchema, type Settings, type SettingsImageInfo } from './settings';
import { MAX_YDOC_UPDATE_BYTES, teamRoleSchema, teamServerSchema, type TeamShare, type TeamSocket, type TeamStatus } from './team';

// ---------------------------------------------------------------------------------------------
// Value types carried by the channels

export type AppInfo = {
  name: string;
  version: string;
  /** `process.platform` in Electron ("darwin", "win32", "linux"); "web" in a plain browser. */
  platform: string;
};

export type TemplateInfo = {
  kind: DocumentKind;
  /** Languages the template can be created in. */
  languages: Lang[];
};

// The settings' values: plain data, defined once in ./settings.ts.

export { INTERFACE_LANGUAGES, interfaceLanguageSchema, MAX_SETTINGS_IMAGE_BYTES, settingsImageSlotSchema, settingsPatchSchema } from './settings';
export type { InterfaceLanguage, Settings, SettingsImageInfo, SettingsImageSlot, SettingsPatch } from './settings';

// Library values: plain data, defined once in ./library.ts and returned by the store as they are.

export type { ConflictDetails, Dossier, DossierSummary, ListQuery, MemoryMatch, RevisionInfo, RevisionReason, SaveResult, SearchHit, SearchQuery, SnippetPart, TrashFilter } from './library';
export type { EmptiedTrash, ImportedDossier, ImportFormat, ReturnedVersion, RevisionSide } from './drafting';

export type CheckResult = {
  /** The version of the dossier that was checked. */
  version: number;
  lang: Lang;
  findings: Finding[];
};

export type ExportedFile = {
  bytes: Uint8Array;
  mime: string;
  /** A file name to offer when saving (title, id and extension). */
  fileName: string;
  warnings: ExportWarning[];
};

// ---------------------------------------------------------------------------------------------
// Input limits

/** The largest document accepted over IPC, as JSON text (UTF-8). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
/** The longest search query, snapshot name and folder path accepted. */
export const MAX_QUERY_LENGTH = 1000;
/** The kinds of file the open dialog offers (by extension). */
export const FILE_EXTENSIONS = ['.docx', '.txt', '.rapporteur', '.json'] as const;
/** The largest file the host writes through its save dialog (a DOCX or PDF with images). */
export const MAX_SAVED_FILE_BYTES = 128 * 1024 * 1024;
/** The longest text of one row whose translation-memory matches are asked for. */
export const MAX_SEGMENT_LENGTH = 20_000;

// ---------------------------------------------------------------------------------------------
// Results: errors are data

export const ERROR_CODES = [
  /** The input did not match the channel's schema. */
  'invalid-input',
  /** The channel name is not in the contract (only reachable by bypassing the preload). */
  'unknown-channel',
  /** The message did not come from the app's own window. */
  'forbidden',
  /** The service behind the channel is not available (yet) in this host. */
  'unavailable',
  /** The handler failed unexpectedly; the message says how. */
  'internal',
  // The store's error codes ('not-found', 'conflict'…), carried through unchanged.
  ...STORE_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error as data. `details`: facts the interface needs to act; a conflict always carries the
 * version the copy was based on and the one stored (to reload, or save as a copy).
 */
export type IpcError =
  | { code: 'conflict'; message: string; details: ConflictDetails }
  | { code: Exclude<ErrorCode, 'conflict'>; message: string; details?: Record<string, unknown> };

/** The one result type of every channel, and of the store's calls made through `asResult`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(code: 'conflict', message: string, details: ConflictDetails): { ok: false; error: IpcError };
export function fail(code: Exclude<ErrorCode, 'conflict'>, message: string, details?: Record<string, unknown>): { ok: false; error: IpcError };
export function fail(code: ErrorCode, message: string, details?: Record<string, unknown> | ConflictDetails): { ok: false; error: IpcError } {
  // The overloads above are what callers see: a conflict cannot be made without its details.
  const error = (details === undefined ? { code, message } : { code, message, details }) as IpcError;
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Channels

/** Output type carried at the type level only (nothing is validated on the way back). */
declare const outputBrand: unique symbol;
export type OutputOf<T> = { readonly [outputBrand]?: T };

type ChannelSpec<I extends z.ZodType, O> = { readonly input: I; readonly output: OutputOf<O> };

/** `channel<Output>()(inputSchema)`: declares a channel whose handler returns `Output`. */
function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: {} });
}

/** Channels that take no argument. */
const none = z.undefined();

const dossierId = z.string().regex(/^[0-9a-z]{12}$/, 'a dossier id is 12 lower-case letters and digits');
const version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Size of a JSON text in UTF-8 bytes. Each UTF-16 unit is 1 to 3 bytes: only count exactly when it matters. */
function textBytes(json: string): number {
  if (json.length > MAX_DOCUMENT_BYTES) return json.length;
  return json.length * 3 <= MAX_DOCUMENT_BYTES ? json.length : new TextEncoder().encode(json).byteLength;
}

/** Size of a value as JSON text in UTF-8 bytes (undefined when it cannot be serialised). */
function jsonBytes(value: unknown): number | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return undefined;
  }
  return json === undefined ? undefined : textBytes(json);
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * A document sent by the renderer: the model itself, or (what the editor's autosave sends, written
 * in slices) its wire JSON, `{ $json }`. Typed as a document for the caller, and checked as
 * untrusted input on arrival: at most MAX_DOCUMENT_BYTES of JSON, JSON that reads, and valid by
 * `parseDocument` (shape and the rules a schema cannot express) before any handler sees it.
 */
export const documentInputSchema = z.custom<RDocument | WireJson<RDocument>>(() => true).transform((value, ctx): RDocument => {
  const tooLarge = (size: number) => ctx.addIssue({ code: 'custom', message: `the document is too large (${megabytes(size)} of JSON; the limit is ${megabytes(MAX_DOCUMENT_BYTES)})` });
  let doc: unknown = value;
  if (isWireJson(value)) {
    const size = textBytes(value[WIRE_JSON]);
    if (size > MAX_DOCUMENT_BYTES) {
      tooLarge(size);
      return z.NEVER;
    }
    try {
      doc = readWireJson(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'the document sent as JSON cannot be read (it is not JSON)' });
      return z.NEVER;
    }
  } else {
    const size = jsonBytes(value);
    if (size === undefined) {
      ctx.addIssue({ code: 'custom', message: 'the document cannot be written as JSON' });
      return z.NEVER;
    }
    if (size > MAX_DOCUMENT_BYTES) {
      tooLarge(size);
      return z.NEVER;
    }
  }
  const parsed = parseDocument(doc);
  if (!parsed.ok) {
    for (const issue of parsed.issues.slice(0, 20)) ctx.addIssue({ code: 'custom', message: `${issue.path}: ${issue.message}` });
    return z.NEVER;
  }
  return parsed.value;
});

// Issue 12a: revisions, file names and file bytes.
const revisionSide = z.union([z.number().int().min(1), z.literal('current')]);
const revisionLabel = z.string().trim().min(1).max(200);
const fileName = z.string().min(1).max(255);
const fileBytes = z
  .instanceof(Uint8Array, { message: 'the file is sent as bytes' })
  .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, `the file is too large to import (the limit is ${megabytes(MAX_IMPORT_BYTES)})`);

export const ipcContract = {
  /** Name, version and platform of the running app. */
  'app.info': channel<AppInfo>()(none),
  /** The document kinds a new document can be created from. */
  'templates.list': channel<TemplateInfo[]>()(none),
  /** A new document of `kind`, written in `lang`, from its template (not stored: a preview). */
  'templates.create': channel<RDocument>()(z.object({ kind: documentKindSchema, lang: langSchema }).strict()),

  /** The library's dossiers: newest first by default, the trash left out unless asked. */
  'library.list': channel<DossierSummary[]>()(listQuerySchema.optional()),
  /** Full-text search (case and accents ignored), best first, each hit with a snippet. */
  'library.search': channel<SearchHit[]>()(searchQuerySchema.extend({ query: z.string().max(MAX_QUERY_LENGTH) }).strict()),

  /** A new dossier from the template of `kind` in `lang` (French spacing from the settings). */
  'dossier.create': channel<Dossier>()(z.object({ kind: documentKindSchema, lang: langSchema }).strict()),
  /** A dossier and its current document. */
  'dossier.get': channel<Dossier>()(z.object({ id: dossierId }).strict()),
  /**
   * Saves the document and answers with the dossier's new summary (for the library's list);
   * refused as 'conflict' (with the stored version) when it is no longer `baseVersion`.
   */
  'dossier.save': channel<SaveResult>()(z.object({ id: dossierId, document: documentInputSchema, baseVersion: version }).strict()),
  'dossier.trash': channel<DossierSummary>()(z.object({ id: dossierId }).strict()),
  'dossier.untrash': channel<DossierSummary>()(z.object({ id: dossierId }).strict()),
  /** The dossier's revisions, newest first. */
  'dossier.history': channel<RevisionInfo[]>()(z.object({ id: dossierId }).strict()),
  /** A named snapshot of the current text, kept forever. */
  'dossier.snapshot': channel<RevisionInfo>()(z.object({ id: dossierId, label: z.string().trim().min(1).max(200) }).strict()),
  /** Makes revision `seq` current again (as a new revision; nothing is overwritten). */
  'dossier.restore': channel<{ dossier: Dossier; revision: RevisionInfo }>()(
    z.object({ id: dossierId, seq: z.number().int().min(1), baseVersion: version.optional() }).strict(),
  ),
  /** The pre-submission checker's findings (codes and parameters; the interface words them). */
  'dossier.check': channel<CheckResult>()(z.object({ id: dossierId, lang: langSchema }).strict()),

  /** The dossier as DOCX, the HTML print view, or PDF (where the host can print). */
  'export.document': channel<ExportedFile>()(
    z
      .object({
        id: dossierId,
        format: z.enum(EXPORT_FORMATS),
        profile: z.enum(EXPORT_PROFILES),
        paper: z.enum(PAPERS),
        lang: langSchema,
      })
      .strict(),
  ),

  // --- Issue 13: the translator's desk ------------------------------------------------------
  /**
   * Adds the `lang` version to the dossier, translated from its other version: empty, or a copy
   * of the source to overwrite ('copy'); refused as 'conflict' when the stored version is no
   * longer `baseVersion`, as 'invalid-request' when that version exists or there is no source.
   */
  'dossier.addVersion': channel<Dossier>()(
    z.object({ id: dossierId, lang: langSchema, start: z.enum(['empty', 'copy']), baseVersion: version }).strict(),
  ),
  /**
   * The translation memory: exact and near matches of `text` (a row's source words) anywhere in
   * the library's bilingual dossiers, best first, with their translation and where they come from.
   */
  'translation.memory': channel<MemoryMatch[]>()(
    z
      .object({
        text: z.string().max(MAX_SEGMENT_LENGTH),
        source: langSchema,
        target: langSchema,
        /** The row itself, when its dossier is already in the memory. */
        exclude: z.object({ dossierId, blockId: idSchema }).strict().optional(),
        limit: z.number().int().min(1).max(20).optional(),
      })
      .strict()
      .refine((q) => q.source !== q.target, { message: 'the source and target languages differ', path: ['target'] }),
  ),
  /**
   * The bilingual review DOCX of a dossier with two versions: its source and translation side by
   * side, one table row per block; 'invalid-request' when the dossier holds one version.
   */
  'export.bilingual': channel<ExportedFile>()(z.object({ id: dossierId, paper: z.enum(PAPERS) }).strict()),
  // --- end of issue 13 -----------------------------------------------------------------------
  // --- Issue 12a (a day's work in the window: history, finalise, import, library) -------------
  /** What changed between two revisions (or a revision and the current text), in `lang`. */
  'dossier.compare': channel<CompareResult>()(z.object({ id: dossierId, from: revisionSide, to: revisionSide, lang: langSchema }).strict()),
  /** Finalises (locks) the current text as a named revision; refused as 'conflict' when it is no longer `baseVersion`. */
  'dossier.finalize': channel<RevisionInfo>()(z.object({ id: dossierId, label: revisionLabel, baseVersion: version }).strict()),
  /** A new dossier holding a copy of this one's current text (a duplicate). */
  'dossier.copy': channel<Dossier>()(z.object({ id: dossierId }).strict()),
  /** A `.docx`, UN text (`.txt`) or `.rapporteur` file as a new dossier. */
  'dossier.import': channel<ImportedDossier>()(z.object({ name: fileName, bytes: fileBytes, lang: langSchema.optional() }).strict()),
  /** A returned version (a DOCX edited elsewhere) as a new revision of dossier `id`; the draft is kept as `beforeLabel`. */
  'dossier.importRevision': channel<ReturnedVersion>()(
    z.object({ id: dossierId, name: fileName, bytes: fileBytes, baseVersion: version, label: revisionLabel, beforeLabel: revisionLabel }).strict(),
  ),
  /** Deletes every dossier in the trash for good, except those holding a finalised revision. */
  'library.emptyTrash': channel<EmptiedTrash>()(none),
  // --- end of issue 12a -------------------------------------------------------------------
  // --- Issue 12b (the signed letter, the export dialog, settings) -----------------------------
  /**
   * Sets (PNG or JPEG, at most 2 MB) or removes (`bytes: null`) the letterhead's emblem or a
   * signatory's scanned signature; the settings as they now are.
   */
  'settings.setImage': channel<Settings>()(
    z
      .object({
        image: settingsImageSlotSchema,
        bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_SETTINGS_IMAGE_BYTES, 'the image is larger than 2 MB').nullable(),
      })
      .strict(),
  ),
  /** The bytes of an image kept in the settings (to show it); null when none is set. */
  'settings.image': channel<{ mime: SettingsImageInfo['mime']; bytes: Uint8Array } | null>()(z.object({ image: settingsImageSlotSchema }).strict()),
  // --- end of issue 12b -------------------------------------------------------------------

  /** The user's settings. */
  'settings.get': channel<Settings>()(none),
  /** Changes some settings; returns all of them as they now are. */
  'settings.set': channel<Settings>()(settingsPatchSchema),

  // Desktop shell (issue 14): menus, the flush before quit, native dialogs.
  /** The commands the screen now offers (the host enables those menu items, disables the rest). */
  'app.commandsAvailable': channel<null>()(commandsAvailableSchema),
  /** The page's answer to an `app.flush` event (./host-events.ts): its unsaved work is saved, or could not be. */
  'app.flushed': channel<null>()(flushedSchema),
  /**
   * The backup folder, chosen by the user in the host's own folder dialog (the page never names
   * a place on disk); the settings as they now are, unchanged when the dialog is cancelled.
   * 'unavailable' where the host has no dialogs.
   */
  'settings.chooseBackupFolder': channel<Settings>()(none),
  /**
   * File > Print: the print view through the host's print dialog; true when printed, false when
   * the user cancelled. 'unavailable' where the host cannot print (the page prints it itself).
   */
  /**
   * A file to import, chosen by the user in the host's own open dialog: its name and bytes (the
   * page never names a path); null when cancelled. 'unavailable' where the host has no dialogs
   * (the page uses the browser's file input).
   */
  'files.open': channel<{ name: string; bytes: Uint8Array } | null>()(
    z.object({ purpose: z.enum(['import', 'returned-version']), extensions: z.array(z.enum(FILE_EXTENSIONS)).min(1).max(FILE_EXTENSIONS.length) }).strict(),
  ),
  /**
   * Writes an exported file where the user chooses in the host's own save dialog; the place, to
   * display it, or null when cancelled. 'unavailable' without dialogs (the page downloads it).
   */
  'files.save': channel<{ shownAs: string } | null>()(
    z.object({ suggestedName: z.string().min(1).max(255).regex(/^[^/\\\0]+$/), bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_SAVED_FILE_BYTES, 'the file is too large') }).strict(),
  ),
  'export.print': channel<boolean>()(z.object({ id: dossierId, profile: z.enum(EXPORT_PROFILES), paper: z.enum(PAPERS), lang: langSchema }).strict()),

  // --- Issue 15: the team (./team.ts). The token stays in the host, except for `team.socket`.
  /** The team server this library is connected to, and as whom; null when none. */
  'team.status': channel<TeamStatus | null>()(none),
  /**
   * Redeems an invitation (a code or a link) at `server` and keeps the token in the library; an
   * invitation to a dossier also brings that dossier into the library (`joined`, its local id).
   */
  'team.connect': channel<{ status: TeamStatus; joined: { id: string; title: string } | null }>()(
    z.object({ server: teamServerSchema, code: z.string().trim().min(1).max(2000), name: z.string().trim().max(200).optional() }).strict(),
  ),
  /** Forgets the token (the dossiers already shared stay in the library, unconnected). */
  'team.disconnect': channel<null>()(none),
  /** Shares the dossier with the team server (which writes its first shared state); answers how it is recorded. */
  'team.share': channel<TeamShare>()(z.object({ id: dossierId }).strict()),
  /** A one-time invitation to this shared dossier, with a role (editors only, the server decides). */
  'team.invite': channel<{ code: string }>()(z.object({ id: dossierId, role: teamRoleSchema }).strict()),
  /** What the editor needs to open the live connection of the dossier's `lang` version (the token included). */
  'team.socket': channel<TeamSocket>()(z.object({ id: dossierId, lang: langSchema }).strict()),
  /** The Yjs updates the library keeps for this version (the offline copy), merged into one; null when none. */
  'team.offlineLoad': channel<Uint8Array | null>()(z.object({ id: dossierId, lang: langSchema }).strict()),
  /** Appends Yjs updates (encoded) to the offline copy of this version. */
  'team.offlineAppend': channel<null>()(
    z.object({ id: dossierId, lang: langSchema, update: z.instanceof(Uint8Array).refine((b) => b.length > 0 && b.length <= MAX_YDOC_UPDATE_BYTES, 'an update is 1 byte to 16 MB') }).strict(),
  ),
} as const satisfies Record<string, ChannelSpec<z.ZodType, unknown>>;

export type Contract = typeof ipcContract;
export type ChannelName = keyof Contract;
/** What the caller passes (before validation). */
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What the handler receives (after validation). */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = Contract[C]['output'] extends OutputOf<infer O> ? O : never;

/** The allow-list: every channel of the contract, and nothing else. */
export const CHANNELS = Object.freeze(Object.keys(ipcContract) as ChannelName[]);

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, name);
}

/** Electron IPC channel name of a contract channel (namespaced so nothing else collides). */
export function ipcChannelName(channel: ChannelName): string {
  return `rapporteur:${channel}`;
}

/** Arguments after the channel name: none for channels without input. */
export type InputArgs<C extends ChannelName> = undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>];

/**
 * The API the renderer sees (`window.rapporteur` under Electron). `invoke` throws only for a
 * channel outside the contract (a programming error); every other failure is a `Result`.
 */
export interface RapporteurApi {
  invoke<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<Result<Output<C>>>;
  /**
   * Listens to the host's events (./host-events.ts), each validated before `listener` sees it;
   * returns the function that stops listening. Hosts without events never call `listener`.
   */
  onEvent<E extends HostEventName>(event: E, listener: (payload: HostEventPayload<E>) => void): () => void;
}

/** Name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'rapporteur';

// ---------------------------------------------------------------------------------------------
// Hosts

/**
 * One function per channel, receiving the validated input and answering with a `Result`
 * (`ok(value)` or `fail(code, message)`). A handler that throws is reported as `internal`.
 */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => Result<Output<C>> | Promise<Result<Output<C>>>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The one place where a host turns (channel, untrusted input) into a `Result`: unknown channel →
 * `unknown-channel`; input not matching the schema → `invalid-input`; handler throws →
 * `internal`. Both the main process and the in-page host dispatch through here.
 */
export function createDispatcher(handlers: Handlers, onError?: (channel: string, error: unknown) => void): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('unknown-channel', `No IPC channel named "${String(channel)}".`);
    const parsed = ipcContract[channel].input.safeParse(input);
    if (!parsed.success) return fail('invalid-input', `${channel}: ${z.prettifyError(parsed.error)}`);
    try {
      const handler = handlers[channel] as (input: unknown) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      onError?.(channel, error);
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}
