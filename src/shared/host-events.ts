/**
 * The host → renderer half of the contract: the events a host (the Electron main process, or
 * the loopback HTTP host through Server-Sent Events) sends to the page. Each is declared once,
 * with the zod schema of its payload; the page validates every event before acting on it, and a
 * name outside this list is dropped.
 *
 * - `app.command`: a menu item (or its accelerator) was chosen; the page runs the command if the
 *   screen it shows offers it (src/renderer/commands/registry.ts).
 * - `app.flush`: the host is about to close the library (quit, stop); the page saves what is
 *   unsaved and answers through the `app.flushed` channel with the same `requestId`.
 * - `dossier.opened`: the host imported a file it was asked to open (file association, a second
 *   launch with a path); the page opens that dossier.
 *
 * Pure TypeScript + zod, like ./ipc-contract.ts.
 */
import { z } from 'zod';

/** Every command a menu can send. The page tells the host which ones its screen offers. */
export const APP_COMMANDS = [
  'app.settings',
  'file.new',
  'file.open',
  'file.import',
  'file.importRevision',
  'file.export',
  'file.print',
  'file.close',
  'edit.find',
  'insert.footnote',
  'insert.xref',
  'insert.table',
  'insert.annex',
  'insert.enclosure',
  'insert.pageBreak',
  'document.check',
  'document.compare',
  'document.snapshot',
  'document.finalise',
  'help.shortcuts',
] as const;
export const appCommandSchema = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof appCommandSchema>;

const requestId = z.string().min(1).max(64);

export const hostEventSchemas = {
  'app.command': z.object({ command: appCommandSchema }).strict(),
  'app.flush': z.object({ requestId }).strict(),
  'dossier.opened': z.object({ id: z.string().regex(/^[0-9a-z]{12}$/) }).strict(),
} as const;

export type HostEventName = keyof typeof hostEventSchemas;
export type HostEventPayload<E extends HostEventName> = z.infer<(typeof hostEventSchemas)[E]>;
export type HostEvent = { [E in HostEventName]: { name: E; payload: HostEventPayload<E> } }[HostEventName];

export const HOST_EVENTS = Object.freeze(Object.keys(hostEventSchemas) as HostEventName[]);

/** The event, validated; undefined for a name outside the list or a payload that does not match. */
export function parseHostEvent(name: unknown, payload: unknown): HostEvent | undefined {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(hostEventSchemas, name)) return undefined;
  const parsed = hostEventSchemas[name as HostEventName].safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as HostEvent) : undefined;
}

/** Electron IPC channel the main process sends every event on (the name travels as the first argument). */
export const HOST_EVENT_IPC = 'rapporteur:event';

/** Schema of the `app.flushed` answer. */
export const flushedSchema = z.object({ requestId, saved: z.boolean() }).strict();
export const commandsAvailableSchema = z.object({ commands: z.array(appCommandSchema).max(APP_COMMANDS.length) }).strict();
