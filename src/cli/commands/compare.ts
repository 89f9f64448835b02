/**
 * `compare OLD NEW [--lang fr|en] [--json] [--data-dir DIR]`: what changed from one version to
 * another, one line per changed block with its labels in the old and the new version, then a
 * summary line (--json: the whole comparison, as src/core/compare/types.ts describes it).
 *
 * OLD and NEW are each a document JSON, a .rapporteur file, a .docx or a UN text file (.txt,
 * imported on the fly), or a dossier of the library (ID, or ID@REV for one of its revisions).
 * Ids are trusted only where they can be: two versions of one dossier share them; an imported
 * file's ids are its own, so its blocks are aligned by text; between other files, an id pair is
 * kept unless its text is plainly another block's.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from '../io';
import { parseArgs, UsageError } from '../io';
import { LANGS, type Lang, type Note, type RDocument } from '../../core/model/schema';
import { compareDocuments, type CompareResult, type IdPolicy } from '../../core/compare';
import { describeChanges, describeNote, describeSummary, type Translate } from '../../core/compare/describe';
import { defaultVersion } from '../../core/model/versions';
import { loadDocument } from './document';
import { translator } from '../messages';
import en from '../../../locales/en/compare.json' with { type: 'json' };
import fr from '../../../locales/fr/compare.json' with { type: 'json' };

export const COMPARE_USAGE = [
  'usage: rapporteur compare [OLD] NEW [--lang fr|en] [--json] [--data-dir DIR]',
  '  OLD, NEW   a document JSON, a .rapporteur, .docx or UN text (.txt) file,',
  '             or a dossier of the library: ID (its current text) or ID@REV (a revision)',
  '  --lang     the language version to compare (default: the new version\'s original language if it has text)',
  '  --json     the whole comparison as JSON',
  '  --data-dir the library folder for dossier ids (else $RAPPORTEUR_DATA_DIR, else the default one)',
  'Without OLD, NEW is a dossier and OLD its baseline (a new edition\'s: last year\'s text).',
  'One line per changed block, with its labels in the old and the new version ("12 → 13 changed"), then a summary line.',
].join('\n');

/** `baseline`: OLD is a dossier's baseline, whose ids are the dossier's own (`trust`) or not (`ignore`). */
export type Source = { doc: RDocument; origin: 'file' | 'imported' | 'dossier'; dossier?: string; baseline?: IdPolicy };

const IMPORTED = /\.(docx|docm|dotx|txt|text|md)$/i;
const DOSSIER = /^([0-9a-z]{1,12})(?:@(\d+))?$/i;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function fromFile(arg: string, io: CliIO): Promise<Source | undefined> {
  const path = resolve(io.cwd, arg);
  if (IMPORTED.test(arg) || /\.rapporteur$/i.test(arg)) {
    const { importFile, ImportError } = await import('../../services/import');
    try {
      return { doc: (await importFile(path)).doc, origin: /\.rapporteur$/i.test(arg) ? 'file' : 'imported' };
    } catch (e) {
      if (e instanceof ImportError) throw new UsageError(e.message);
      throw e;
    }
  }
  const doc = await loadDocument(arg, io);
  return doc ? { doc, origin: 'file' } : undefined;
}

/** Dossier sources, read from one library opened once for both. */
async function fromLibrary(args: string[], io: CliIO, dataDir: string | undefined): Promise<Source[]> {
  const { openStore, StoreError } = await import('../../services/store');
  const { libraryLocation } = await import('../../services/store/location');
  const location = libraryLocation({ explicit: dataDir, env: io.env, cwd: io.cwd });
  let store;
  try {
    store = await openStore(location.dir, { create: false });
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(`${args[0]}: no such file, nor a dossier (${e.message.replace(/\s*\n\s*/g, ' ')})`);
    throw e;
  }
  try {
    return args.map((arg) => {
      const [, prefix, rev] = DOSSIER.exec(arg)!;
      try {
        const id = store.resolveId(prefix!);
        const doc = rev === undefined ? store.get(id).document : store.revision(id, Number(rev)).document;
        return { doc, origin: 'dossier' as const, dossier: id };
      } catch (e) {
        if (e instanceof StoreError) throw new UsageError(`${arg}: no such file, nor a dossier (${e.message.replace(/\s*\n\s*/g, ' ')})`);
        throw e;
      }
    });
  } finally {
    store.close();
  }
}

/** A dossier (NEW, its current text) and its baseline (OLD): a new edition's last-year text. */
export async function withBaseline(arg: string, io: CliIO, dataDir: string | undefined): Promise<Source[]> {
  if (!DOSSIER.test(arg) || (await isFile(resolve(io.cwd, arg)))) throw new UsageError(`${arg}: give OLD and NEW, or a dossier that has a baseline (a new edition)`);
  const [now] = await fromLibrary([arg], io, dataDir);
  const { openStore } = await import('../../services/store');
  const { libraryLocation } = await import('../../services/store/location');
  const store = await openStore(libraryLocation({ explicit: dataDir, env: io.env, cwd: io.cwd }).dir, { create: false });
  try {
    const base = store.baseline(now!.dossier!);
    if (!base) throw new UsageError(`${arg}: this dossier has no baseline (only a new edition has one); give OLD and NEW`);
    return [{ doc: base.document, origin: 'dossier', dossier: now!.dossier!, baseline: base.ids }, now!];
  } finally {
    store.close();
  }
}

/** OLD and NEW, each a file (imported on the fly where it is one to import) or a dossier of the library. */
export async function loadSources(args: [string, string], io: CliIO, dataDir: string | undefined): Promise<Source[] | undefined> {
  const files = await Promise.all(args.map((a) => isFile(resolve(io.cwd, a))));
  const dossiers = args.filter((a, i) => !files[i] && DOSSIER.test(a) && !/\.\w+$/.test(a));
  const fromStore = dossiers.length > 0 ? await fromLibrary(dossiers, io, dataDir) : [];
  const out: Source[] = [];
  for (const [i, arg] of args.entries()) {
    if (files[i]) {
      const s = await fromFile(arg, io);
      if (!s) return undefined;
      out.push(s);
    } else if (dossiers.includes(arg)) out.push(fromStore[dossiers.indexOf(arg)]!);
    else throw new UsageError(`${arg}: no such file`);
  }
  return out;
}

/** How far block ids can be trusted between two versions: see the comment at the top. */
export function idPolicy(a: Source, b: Source): IdPolicy {
  if (a.baseline) return a.baseline;
  if (a.origin === 'imported' || b.origin === 'imported') return 'ignore';
  if (a.dossier !== undefined && a.dossier === b.dossier) return 'trust';
  return 'verify';
}

export async function printComparison(result: CompareResult, io: CliIO): Promise<void> {
  const i18n = await translator(result.lang, { compare: { en, fr } });
  const t: Translate = (key, params) => i18n(key, params ?? {});
  for (const line of describeChanges(result, t)) io.out(line);
  io.out(describeSummary(result, t));
}

/** A returned file's comments, kept as notes, one line each. */
export async function printNotes(notes: Note[], lang: Lang, io: CliIO): Promise<void> {
  const i18n = await translator(lang, { compare: { en, fr } });
  const t: Translate = (key, params) => i18n(key, params ?? {});
  for (const n of notes) io.out(describeNote(n, t));
}

export const compareCommand: CliCommand = async (argv, io) => {
  const { positional, options, flags } = parseArgs(argv, { options: ['lang', 'data-dir'], flags: ['json', 'help'], aliases: { h: 'help' } });
  if (flags.has('help')) {
    io.out(COMPARE_USAGE);
    return 0;
  }
  if (positional.length === 0 || positional.length > 2) throw new UsageError(`give two versions, OLD and NEW, or a dossier (${positional.length === 0 ? 'none given' : `got ${positional.length}`}; see: rapporteur compare --help)`);
  const lang = options.lang;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be fr or en, not "${lang}"`);
  const sources = positional.length === 1 ? await withBaseline(positional[0]!, io, options['data-dir']) : await loadSources(positional as [string, string], io, options['data-dir']);
  if (!sources) return 1;
  const [a, b] = sources as [Source, Source];
  const result = compareDocuments(a.doc, b.doc, (lang as Lang | undefined) ?? defaultVersion(b.doc), { ids: idPolicy(a, b) });
  if (flags.has('json')) io.out(JSON.stringify(result, null, 2));
  else await printComparison(result, io);
  return 0;
};
