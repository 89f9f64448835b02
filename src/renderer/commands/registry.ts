/**
 * The page's half of the menus and of the flush before quit.
 *
 * Screens register the commands they offer (`useAppCommands`); the host is told which commands
 * are available (so it enables those menu items and disables the others), and an `app.command`
 * event runs the most recently registered runner of that command. Screens with unsaved work
 * register a flush (`useFlushBeforeQuit`); an `app.flush` event runs them all and answers the host.
 * Host-agnostic: the same code runs under Electron (preload events) and in the browser host (SSE),
 * so it is tested in Chromium.
 */
import { useEffect, useRef } from 'react';
import type { RapporteurApi } from '../../shared/ipc-contract';
import { APP_COMMANDS, type AppCommand } from '../../shared/host-events';

type Runners = Partial<Record<AppCommand, () => void>>;

// Registration order: a later screen (the editor over the library) wins for a command both offer.
const layers: { runners: Runners; enabled: () => boolean }[] = [];
const flushers = new Set<() => Promise<boolean>>();
let host: RapporteurApi | undefined;
let told: string | undefined;
let scheduled = false;

/** The commands some registered screen offers now, in the menu's order. */
export function availableCommands(): AppCommand[] {
  return APP_COMMANDS.filter((c) => layers.some((l) => l.runners[c] && l.enabled()));
}

/** Tells the host which commands are available, once per change, after the current task. */
export function announceCommands(): void {
  if (scheduled || !host) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    const commands = availableCommands();
    const key = commands.join(',');
    if (key === told || !host) return;
    told = key;
    void host.invoke('app.commandsAvailable', { commands });
  });
}

/** Runs `command` if a screen offers it; false when none does (the menu item was stale). */
export function runCommand(command: AppCommand): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    const run = l.runners[command];
    if (run && l.enabled()) {
      run();
      return true;
    }
  }
  return false;
}

export function registerCommands(runners: Runners, enabled: () => boolean = () => true): () => void {
  const layer = { runners, enabled };
  layers.push(layer);
  announceCommands();
  return () => {
    const i = layers.indexOf(layer);
    if (i >= 0) layers.splice(i, 1);
    announceCommands();
  };
}

export function registerFlush(flush: () => Promise<boolean>): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Runs every registered flush; true when all saved. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((f) => f().catch(() => false)));
  return results.every(Boolean);
}

/** Listens to the host's events; call once at start. Returns the function that stops listening. */
export function connectToHost(api: RapporteurApi): () => void {
  host = api;
  told = undefined;
  announceCommands();
  const offCommand = api.onEvent('app.command', ({ command }) => {
    if (!runCommand(command)) console.warn(`[commands] "${command}" is not available on this screen`);
  });
  const offFlush = api.onEvent('app.flush', ({ requestId }) => {
    void flushAll().then((saved) => api.invoke('app.flushed', { requestId, saved }));
  });
  return () => {
    offCommand();
    offFlush();
    host = undefined;
  };
}

/**
 * Offers `runners` while the component is mounted. The runners may change on every render (the
 * latest are called); the set of commands offered is re-announced when `enabled` changes.
 */
export function useAppCommands(runners: Runners, enabled = true): void {
  const latest = useRef(runners);
  latest.current = runners;
  const names = Object.keys(runners).sort().join(',');
  useEffect(() => {
    if (!enabled) return;
    const proxies: Runners = {};
    for (const c of names.split(',').filter(Boolean) as AppCommand[]) proxies[c] = () => latest.current[c]?.();
    return registerCommands(proxies);
  }, [names, enabled]);
}

/** Saves what `flush` saves before the host quits (true when saved). */
export function useFlushBeforeQuit(flush: () => Promise<boolean>): void {
  const latest = useRef(flush);
  latest.current = flush;
  useEffect(() => registerFlush(() => latest.current()), []);
}
