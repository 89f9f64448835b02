/**
 * Opening the library when the app starts, and what to do when it cannot be opened. The
 * decisions live here, without Electron, so they are tested on real files; the main process
 * only shows the question as a native dialog and passes back the button chosen:
 *
 *   let step = await openLibrary(dir, { create });
 *   while (step.kind === 'problem') {
 *     const d = startupDialog(step.problem, lang);            // title, message, buttons…
 *     step = await resolveProblem(step.problem, d.choices[await ask(d)], { create });
 *   }
 *   if (step.kind === 'ready') use(step.store); else quit();
 *
 * What is offered:
 * - damaged library ('corrupt': the store has already set the file aside): restore the newest
 *   backup, start with an empty library (the damaged file is kept), or quit;
 * - library from a newer version ('future-version'): the same three; restoring or starting empty
 *   first sets the newer file aside, untouched (`rapporteur-newer-….db`), nothing is deleted;
 * - read-only or missing folder, or anything else the store reports: try again, or quit.
 * A choice that fails (no backup could be restored) comes back as the same question, with the
 * reason, without that choice.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import enMain from '../../../locales/en/main.json';
import frMain from '../../../locales/fr/main.json';
import type { InterfaceLanguage } from '../../shared/ipc-contract';
import { DB_FILE, listBackups, openStore, restoreBackup, startEmpty, StoreError, type Store, type StoreErrorCode, type StoreOptions } from '../store/index';
import { fileStamp, freshPath, moveDatabaseFiles } from '../store/files';

export type StartupChoice = 'restore-backup' | 'start-empty' | 'retry' | 'quit';

export type StartupProblem = {
  code: StoreErrorCode;
  /** The store's own message (English), for logs and for problems without a wording of their own. */
  message: string;
  dataDir: string;
  /** What the user may choose, in the order the buttons show them; 'quit' is always last. */
  choices: StartupChoice[];
  /** Where a damaged library was set aside. */
  damagedFile?: string;
  newestBackup?: { file: string; takenAt: number };
  /** Why the previous choice did not work. */
  failure?: string;
};

export type StartupStep = { kind: 'ready'; store: Store } | { kind: 'problem'; problem: StartupProblem } | { kind: 'quit' };

export type StartupOptions = {
  /** Create the data folder if missing (the per-user default), as `libraryLocation` says. */
  create: boolean;
  storeOptions?: StoreOptions;
  now?: () => number;
};

/** The question to put for a StoreError met while opening the library in `dataDir`. */
export function problemFromError(e: StoreError, dataDir: string): StartupProblem {
  const backups = listBackups(dataDir);
  const newest = backups[0];
  const recoverable = e.code === 'corrupt' || e.code === 'future-version';
  const choices: StartupChoice[] = recoverable ? [...(newest ? (['restore-backup'] as const) : []), 'start-empty', 'quit'] : ['retry', 'quit'];
  const damaged = e.details.damagedFile;
  return {
    code: e.code,
    message: e.message,
    dataDir,
    choices,
    ...(e.code === 'corrupt' && typeof damaged === 'string' ? { damagedFile: damaged } : {}),
    ...(newest ? { newestBackup: { file: newest.file, takenAt: newest.takenAt } } : {}),
  };
}

/** Opens the library in `dataDir`: ready, or a problem to put to the user. Only StoreErrors become problems. */
export async function openLibrary(dataDir: string, options: StartupOptions): Promise<StartupStep> {
  try {
    return { kind: 'ready', store: await openStore(dataDir, { ...options.storeOptions, create: options.create }) };
  } catch (e) {
    if (e instanceof StoreError) return { kind: 'problem', problem: problemFromError(e, dataDir) };
    throw e;
  }
}

/** Sets a library written by a newer version aside, untouched, so an older one can start beside it. */
function setNewerAside(dataDir: string, now: number): void {
  const file = join(dataDir, DB_FILE);
  if (existsSync(file)) moveDatabaseFiles(file, freshPath(join(dataDir, `rapporteur-newer-${fileStamp(now)}`), '.db'));
}

/** Does what the user chose, and opens the library again. */
export async function resolveProblem(problem: StartupProblem, choice: StartupChoice | undefined, options: StartupOptions): Promise<StartupStep> {
  if (choice === undefined || choice === 'quit' || !problem.choices.includes(choice)) return { kind: 'quit' };
  const now = (options.now ?? Date.now)();
  try {
    if (choice === 'restore-backup') {
      // restoreBackup sets any current file aside itself (rapporteur-replaced-….db).
      restoreBackup(problem.dataDir, undefined, now);
    } else if (choice === 'start-empty') {
      if (problem.code === 'future-version') setNewerAside(problem.dataDir, now);
      startEmpty(problem.dataDir);
    }
  } catch (e) {
    const reason = e instanceof StoreError ? e.message : e instanceof Error ? e.message : String(e);
    return { kind: 'problem', problem: { ...problem, choices: problem.choices.filter((c) => c !== choice), failure: reason } };
  }
  return openLibrary(problem.dataDir, options);
}

// ---------------------------------------------------------------------------------------------
// The question, worded in the interface language (locales/{en,fr}/main.json)

type MainStrings = typeof enMain;
// `typeof enMain` makes the typecheck fail if the French file lacks a key the English one has.
const STRINGS: Record<InterfaceLanguage, MainStrings> = { en: enMain, fr: frMain };

export type StartupDialog = {
  type: 'error' | 'warning';
  title: string;
  message: string;
  detail: string;
  /** Button labels, one per choice, in the same order. */
  buttons: string[];
  choices: StartupChoice[];
  /** The button Enter presses: the first (safest useful) choice. */
  defaultId: number;
  /** The button Escape or closing the dialog means: quit. */
  cancelId: number;
};

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);

export function formatWhen(ms: number, lang: InterfaceLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(ms);
}

export function startupDialog(problem: StartupProblem, lang: InterfaceLanguage, opts: { timeZone?: string } = {}): StartupDialog {
  const s = STRINGS[lang].startup;
  const vars = { file: problem.damagedFile ?? join(problem.dataDir, DB_FILE), dir: problem.dataDir, reason: problem.message };
  const known = problem.code === 'corrupt' || problem.code === 'future-version' || problem.code === 'read-only' || problem.code === 'missing-dir';
  const text = known ? s[problem.code as 'corrupt' | 'future-version' | 'read-only' | 'missing-dir'] : s.other;
  const detail = [fill(text.detail, vars)];
  if (problem.code === 'corrupt' || problem.code === 'future-version') {
    detail.push(problem.newestBackup ? fill(s.newestBackup, { date: formatWhen(problem.newestBackup.takenAt, lang, opts.timeZone) }) : s.noBackup);
  }
  if (problem.failure) detail.push(fill(s.failure, { reason: problem.failure }));
  return {
    type: problem.code === 'corrupt' ? 'error' : 'warning',
    title: s.title,
    message: text.message,
    detail: detail.join('\n\n'),
    buttons: problem.choices.map((c) => s.buttons[c]),
    choices: problem.choices,
    defaultId: 0,
    cancelId: problem.choices.indexOf('quit'),
  };
}
