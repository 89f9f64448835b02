/**
 * `rapporteur db …`: the local library from the command line.
 *
 *   db [--data-dir DIR] list | search QUERY | show ID | import FILE | export ID -o FILE
 *                       | history ID | restore ID REV | trash ID | untrash ID | backup | recover
 *
 * The data folder is --data-dir, else $RAPPORTEUR_DATA_DIR, else the per-user default (created on
 * first use). Output is plain text, one line per dossier, hit or revision; --json where useful.
 * Every failure is one line on stderr and exit 1.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CliCommand, CliIO } from '../io';
import { readInputFile } from '../files';
import { parseArgs, UsageError } from '../io';
import { DOCUMENT_KINDS, LANGS, type DocumentKind, type Lang, type RDocument } from '../../core/model/schema';
import { formatOutline, outline } from '../../core/render/text';
import { defaultVersion } from '../../core/model/versions';
import { openStore, StoreError, restoreBackup, startEmpty, listBackups, type Store } from '../../services/store';
import { writeFileDurable } from '../../services/store/files';
import { libraryLocation } from '../../services/store/location';
import type { DossierSummary, SnippetPart, TrashFilter } from '../../services/store/types';
import type { EditionResult } from '../../services/store/editions';
import { counted } from '../../core/locale/counted';

/** The per-user data folder (defined with the store, so the app and the CLI open the same library). */
export { defaultDataDir } from '../../services/store/location';

const SUBCOMMANDS = 'list, search, show, import, import-revision, new-edition, export, history, restore, trash, untrash, backup, recover';

const USAGE = [
  'usage: rapporteur db [--data-dir DIR] <command>',
  '  list [--sort updated|created|title] [--kind K] [--lang fr|en] [--trash|--all] [--limit N] [--json]',
  '  search QUERY [--kind K] [--lang fr|en] [--trash|--all] [--limit N] [--json]',
  '  import-revision ID FILE.docx [--label TEXT] [--lang fr|en] [--show]   a version edited elsewhere, as a new revision',
  '                                       (--show: what it changed, one line per block, as `rapporteur compare` prints it,',
  '                                       then the file\'s comments, kept as notes on their blocks)',
  '  new-edition ID [--baseline FILE]     this year\'s edition: a new dossier, new ids linked to the old blocks, period and dates',
  '                                       a year on, the years of the old period listed for review; the old text is its baseline',
  '                                       (--baseline: last year\'s issued report as a .docx or text file instead)',
  '  show ID [--json]                     summary and outline (--json: the document)',
  '  import FILE                          a document JSON or a .rapporteur file; prints the new id',
  '  export ID -o FILE [--history] [--signatures] [--force]',
  '  history ID [--json]',
  '  restore ID REV                       make revision REV current again (as a new revision)',
  '  trash ID | untrash ID',
  '  backup [--list]                      take a backup now, or list the backups',
  '  recover [--backup FILE] | recover --empty   after damage: restore a backup, or start empty',
].join('\n');

/** Last year's issued report, imported from a .docx or text file, as a new edition's baseline. */
async function importedBaseline(file: string, io: CliIO): Promise<RDocument> {
  const { importFile, ImportError } = await import('../../services/import');
  try {
    return (await importFile(resolve(io.cwd, file))).doc;
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(`--baseline ${e.message.replace(/\.$/, '')}`);
    throw e;
  }
}

function editionLines(r: EditionResult): string[] {
  const period = r.period ? `period ${r.period.old.from}–${r.period.old.to} → ${r.period.new.from}–${r.period.new.to}` : 'no reporting period found';
  const out = [`${r.id}: new edition of ${r.from} (${period}; baseline: revision ${r.baseline.seq})`];
  for (const y of r.review) out.push(`review\t${y.id}\t${y.lang}\t${y.year}\t${y.excerpt}`);
  out.push(`${counted(r.review.length, 'mention', 'mentions')} of the old period's years to review (none replaced)`);
  return out;
}

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function summaryLine(d: DossierSummary): string {
  const cols = [d.id, when(d.updatedAt), d.kind, d.languages.join(',') || '-', d.title || '(untitled)'];
  if (d.trashedAt !== null) cols.push('[trash]');
  return cols.join('\t');
}

function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `**${p.text}**` : p.text)).join('').trim();
}

function kindOption(v: string | undefined): DocumentKind | undefined {
  if (v === undefined) return undefined;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(v)) throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')} (not "${v}")`);
  return v as DocumentKind;
}

function langOption(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (!(LANGS as readonly string[]).includes(v)) throw new UsageError(`--lang must be fr or en, not "${v}"`);
  return v as Lang;
}

function intOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, not "${v}"`);
  return Number(v);
}

function trashOption(flags: Set<string>): TrashFilter {
  if (flags.has('trash') && flags.has('all')) throw new UsageError('give --trash (only the trash) or --all (everything), not both');
  return flags.has('trash') ? 'only' : flags.has('all') ? 'include' : 'exclude';
}

function one(positional: string[], what: string, usage: string): string {
  if (positional.length === 0) throw new UsageError(`which ${what}? (usage: rapporteur db ${usage})`);
  if (positional.length > 1) throw new UsageError(`one ${what} only (usage: rapporteur db ${usage}); unexpected "${positional[1]}"`);
  return positional[0]!;
}

/** Splits `db`'s own options (before the subcommand) from the subcommand and its arguments. */
function splitGlobal(argv: string[]): { dataDir: string | undefined; sub: string | undefined; rest: string[] } {
  let dataDir: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') {
      dataDir = argv[++i];
      if (dataDir === undefined) throw new UsageError('option --data-dir needs a value');
    } else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else if (a === '--help' || a === '-h') return { dataDir, sub: 'help', rest: [] };
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a} (give the command first: rapporteur db <command> …)`);
    else break;
  }
  return { dataDir, sub: argv[i], rest: argv.slice(i + 1) };
}

type Ctx = { io: CliIO; dataDir: string; explicit: boolean; json: boolean };

async function withStore<T>(ctx: Ctx, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = await openStore(ctx.dataDir, { create: !ctx.explicit });
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

function parse(rest: string[], spec: { options?: string[]; flags?: string[]; aliases?: Record<string, string> }) {
  return parseArgs(rest, { ...spec, options: [...(spec.options ?? []), 'data-dir'] });
}

async function run(sub: string, rest: string[], base: { io: CliIO; dataDir: string | undefined }): Promise<number> {
  const { io } = base;
  const command = (spec: Parameters<typeof parse>[1]) => {
    const parsed = parse(rest, { ...spec, flags: [...(spec.flags ?? []), 'json'] });
    const location = libraryLocation({ explicit: parsed.options['data-dir'] ?? base.dataDir, env: io.env, cwd: io.cwd });
    const ctx: Ctx = { io, dataDir: location.dir, explicit: !location.create, json: parsed.flags.has('json') };
    return { ...parsed, ctx };
  };
  const print = (ctx: Ctx, value: unknown, lines: () => string[]) => {
    if (ctx.json) io.out(JSON.stringify(value, null, 2));
    else for (const l of lines()) io.out(l);
  };

  switch (sub) {
    case 'list': {
      const { positional, options, flags, ctx } = command({ options: ['sort', 'kind', 'lang', 'limit'], flags: ['trash', 'all'] });
      if (positional.length > 0) throw new UsageError(`list takes no argument ("${positional[0]}")`);
      const sort = options.sort ?? 'updated';
      if (!['updated', 'created', 'title'].includes(sort)) throw new UsageError(`--sort must be updated, created or title, not "${sort}"`);
      const rows = await withStore(ctx, (s) =>
        s.list({
          sort: sort as 'updated' | 'created' | 'title',
          ...(options.kind !== undefined ? { kind: kindOption(options.kind)! } : {}),
          ...(options.lang !== undefined ? { language: langOption(options.lang)! } : {}),
          trash: trashOption(flags),
          ...(options.limit !== undefined ? { limit: intOption(options.limit, 'limit')! } : {}),
        }),
      );
      print(ctx, rows, () => rows.map(summaryLine));
      return 0;
    }
    case 'search': {
      const { positional, options, flags, ctx } = command({ options: ['kind', 'lang', 'limit'], flags: ['trash', 'all'] });
      const query = positional.join(' ');
      if (query.trim() === '') throw new UsageError('search for what? (usage: rapporteur db search QUERY)');
      const hits = await withStore(ctx, (s) =>
        s.search(query, {
          ...(options.kind !== undefined ? { kind: kindOption(options.kind)! } : {}),
          ...(options.lang !== undefined ? { language: langOption(options.lang)! } : {}),
          trash: trashOption(flags),
          ...(options.limit !== undefined ? { limit: intOption(options.limit, 'limit')! } : {}),
        }),
      );
      print(ctx, hits, () => hits.map((h) => [h.id, h.title || '(untitled)', snippetText(h.snippet)].join('\t') + (h.trashedAt !== null ? '\t[trash]' : '')));
      return 0;
    }
    case 'show': {
      const { positional, ctx } = command({});
      const idArg = one(positional, 'dossier', 'show ID');
      const d = await withStore(ctx, (s) => s.get(s.resolveId(idArg)));
      if (ctx.json) {
        io.out(JSON.stringify(d.document, null, 2));
        return 0;
      }
      io.out(`id\t${d.id}`);
      io.out(`title\t${d.title || '(untitled)'}`);
      io.out(`kind\t${d.kind}`);
      io.out(`languages\t${d.languages.join(', ') || '-'} (original: ${d.originalLanguage})`);
      io.out(`symbols\t${d.symbols.join(', ') || '-'}`);
      io.out(`created\t${when(d.createdAt)}`);
      io.out(`updated\t${when(d.updatedAt)}`);
      io.out(`version\t${d.version}`);
      if (d.trashedAt !== null) io.out(`trash\tsince ${when(d.trashedAt)}`);
      io.out('');
      for (const line of formatOutline(outline(d.document, defaultVersion(d.document)))) io.out(line);
      return 0;
    }
    case 'import': {
      const { positional, ctx } = command({});
      const file = one(positional, 'file', 'import FILE');
      const text = await readInputFile(file, io, 'utf8');
      const d = await withStore(ctx, (s) => s.importText(text, file));
      if (ctx.json) io.out(JSON.stringify(d, null, 2));
      else io.out(d.id);
      return 0;
    }
    case 'import-revision': {
      const { positional, options, flags, ctx } = command({ options: ['label', 'lang'], flags: ['show'] });
      if (positional.length !== 2) throw new UsageError('usage: db import-revision ID FILE.docx [--show]');
      const [idArg, file] = positional as [string, string];
      const bytes = await readInputFile(file, io);
      const lang = langOption(options.lang);
      const { importRevision } = await import('../../services/import/revision');
      const r = await withStore(ctx, (s) =>
        importRevision(s, s.resolveId(idArg), bytes, { name: basename(file), ...(lang ? { lang } : {}), ...(options.label ? { label: options.label } : {}) }),
      );
      print(ctx, r, () => [
        `revision ${r.revision.seq}: ${r.matched.length} blocks matched, ${r.added.length} added, ${r.removed.length} removed (draft kept as revision ${r.before.seq})${r.tracked > 0 ? `; ${counted(r.tracked, 'tracked change', 'tracked changes')} in the file, accepted` : ''}${r.notes.length > 0 ? `; ${counted(r.notes.length, 'comment', 'comments')} kept as notes` : ''}`,
      ]);
      if (flags.has('show') && !ctx.json) {
        const { printComparison, printNotes } = await import('./compare');
        await printComparison(r.comparison, io);
        if (r.notes.length > 0) await printNotes(r.notes, r.comparison.lang, io);
      }
      return 0;
    }
    case 'new-edition': {
      const { positional, options, ctx } = command({ options: ['baseline'] });
      const idArg = one(positional, 'dossier', 'new-edition ID [--baseline FILE]');
      const imported = options.baseline !== undefined ? await importedBaseline(options.baseline, io) : undefined;
      const r = await withStore(ctx, (s) => s.newEdition(s.resolveId(idArg), imported ? { baseline: imported } : {}));
      print(ctx, r, () => editionLines(r));
      return 0;
    }
    case 'export': {
      const { positional, options, flags, ctx } = command({ options: ['o'], flags: ['history', 'signatures', 'force'], aliases: { output: 'o' } });
      const idArg = one(positional, 'dossier', 'export ID -o FILE');
      if (options.o === undefined) throw new UsageError('where to? (usage: rapporteur db export ID -o FILE)');
      const target = resolve(io.cwd, options.o);
      if (existsSync(target) && !flags.has('force')) throw new UsageError(`${options.o} already exists; choose another name or add --force to replace it`);
      const file = await withStore(ctx, (s) => s.exportDossier(s.resolveId(idArg), { history: flags.has('history'), signatures: flags.has('signatures') }));
      try {
        writeFileDurable(target, `${JSON.stringify(file, null, 2)}\n`);
      } catch (e) {
        throw new UsageError(`${options.o}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      io.out(target);
      return 0;
    }
    case 'history': {
      const { positional, ctx } = command({});
      const idArg = one(positional, 'dossier', 'history ID');
      const revs = await withStore(ctx, (s) => s.history(s.resolveId(idArg)));
      print(ctx, revs, () =>
        revs.map((r) =>
          [String(r.seq), when(r.createdAt), r.reason + (r.restoredFrom !== null ? ` of ${r.restoredFrom}` : ''), r.label ?? '', r.locked ? '[locked]' : '']
            .join('\t')
            .replace(/\t+$/, ''),
        ),
      );
      return 0;
    }
    case 'restore': {
      const { positional, ctx } = command({});
      if (positional.length !== 2) throw new UsageError('usage: rapporteur db restore ID REV');
      if (!/^\d+$/.test(positional[1]!)) throw new UsageError(`REV must be a revision number (see: rapporteur db history ID), not "${positional[1]}"`);
      const rev = Number(positional[1]);
      const out = await withStore(ctx, (s) => {
        const id = s.resolveId(positional[0]!);
        return { id, ...s.restore(id, rev) };
      });
      if (ctx.json) io.out(JSON.stringify(out, null, 2));
      else io.out(`${out.id}: revision ${rev} restored as revision ${out.revision.seq} (version ${out.version})`);
      return 0;
    }
    case 'trash':
    case 'untrash': {
      const { positional, ctx } = command({});
      const idArg = one(positional, 'dossier', `${sub} ID`);
      const d = await withStore(ctx, (s) => {
        const id = s.resolveId(idArg);
        return sub === 'trash' ? s.trash(id) : s.untrash(id);
      });
      if (ctx.json) io.out(JSON.stringify(d, null, 2));
      else io.out(`${d.id}: ${sub === 'trash' ? 'in the trash' : 'out of the trash'}`);
      return 0;
    }
    case 'backup': {
      const { positional, flags, ctx } = command({ flags: ['list'] });
      if (positional.length > 0) throw new UsageError(`backup takes no argument ("${positional[0]}")`);
      if (flags.has('list')) {
        const all = listBackups(ctx.dataDir);
        print(ctx, all, () => all.map((b) => [when(b.takenAt), `${Math.ceil(b.size / 1024)} KB`, b.kind === 'pre-migration' ? 'before update' : 'backup', b.file].join('\t')));
        return 0;
      }
      const b = await withStore(ctx, (s) => s.backup());
      if (ctx.json) io.out(JSON.stringify(b, null, 2));
      else io.out(b.file);
      return 0;
    }
    case 'recover': {
      const { positional, options, flags, ctx } = command({ options: ['backup'], flags: ['empty'] });
      if (positional.length > 0) throw new UsageError(`recover takes no argument ("${positional[0]}"); use --backup FILE`);
      if (flags.has('empty')) {
        if (options.backup !== undefined) throw new UsageError('give --backup FILE or --empty, not both');
        startEmpty(ctx.dataDir);
        io.out('Rapporteur will start with an empty library; the damaged file stays where it was set aside.');
        return 0;
      }
      const outcome = restoreBackup(ctx.dataDir, options.backup === undefined ? undefined : resolve(io.cwd, options.backup));
      if (ctx.json) io.out(JSON.stringify(outcome, null, 2));
      else {
        io.out(`restored ${outcome.restored.file}${outcome.restored.takenAt ? ` (taken ${when(outcome.restored.takenAt)})` : ''}`);
        if (outcome.setAside) io.out(`the library file it replaced was kept as ${outcome.setAside}`);
        for (const s of outcome.skipped) io.err(`skipped ${s.file}: ${s.reason}`);
      }
      return 0;
    }
    case 'help':
      io.out(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown db command "${sub}" (one of: ${SUBCOMMANDS})`);
  }
}

export const dbCommand: CliCommand = async (argv, io) => {
  const { dataDir, sub, rest } = splitGlobal(argv);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (sub === undefined) {
    io.err(USAGE);
    return 1;
  }
  try {
    return await run(sub, rest, { io, dataDir });
  } catch (e) {
    // Store errors are written for users: show them as they are, on one line, without "error:".
    if (e instanceof StoreError) throw new UsageError(e.message.replace(/\s*\n\s*/g, ' '));
    throw e;
  }
};
