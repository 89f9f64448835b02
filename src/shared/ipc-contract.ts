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
import { documentKindSchema, langSchema, type DocumentKind, type Lang, type RDocument } from '../core/model/schema';

// ---------------------------------------------------------------------------------------------
// Value types carried by the channels

export const INTERFACE_LANGUAGES = ['fr', 'en'] as const;
export const interfaceLanguageSchema = z.enum(INTERFACE_LANGUAGES);
export type InterfaceLanguage = z.infer<typeof interfaceLanguageSchema>;

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

export type Settings = {
  /** Language of menus, buttons and messages; independent of any document's language. */
  interfaceLanguage: InterfaceLanguage;
};

export const settingsPatchSchema = z.object({ interfaceLanguage: interfaceLanguageSchema.optional() }).strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

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
  /** The thing asked for does not exist. */
  'not-found',
  /** The handler failed unexpectedly; the message says how. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type IpcError = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: IpcError } => ({ ok: false, error: { code, message } });

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

export const ipcContract = {
  /** Name, version and platform of the running app. */
  'app.info': channel<AppInfo>()(none),
  /** The document kinds a new document can be created from. */
  'templates.list': channel<TemplateInfo[]>()(none),
  /** A new document of `kind`, written in `lang`, from its template. */
  'templates.create': channel<RDocument>()(z.object({ kind: documentKindSchema, lang: langSchema }).strict()),
  /** The user's settings. */
  'settings.get': channel<Settings>()(none),
  /** Changes some settings; returns all of them as they now are. */
  'settings.set': channel<Settings>()(settingsPatchSchema),
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
