/**
 * Command-line entry: `rapporteur <command> …`. Every command returns an exit code; bad input
 * gives a one-line reason on stderr and exit 1, never a stack trace. `rapporteur <command> --help`
 * prints that command's usage without running it.
 */
import type { CliCommand, CliIO } from './io';
import { UsageError } from './io';

type Entry = {
  /** One line for `rapporteur --help`. */
  summary: string;
  /** The command's own usage, for `rapporteur <command> --help`. */
  usage: string;
  load: () => Promise<CliCommand>;
};

const LANG_DEFAULT = '--lang fr|en   the version to read; by default the original language when it has text, else the version with the most text';

const COMMANDS: Record<string, Entry> = {
  new: {
    summary: 'new --kind K --lang fr|en [-o FILE] [--force]   a document from a template',
    usage: [
      'usage: rapporteur new --kind K [--lang fr|en] [-o FILE] [--force]',
      '  --kind K       letter, annual-report, concept-note, debate-summary, presidential-statement, seminar-report',
      '  --lang fr|en   the language of the template (default fr)',
      '  -o FILE        write the document there (default: standard output)',
      '  --force        replace FILE if it already exists',
    ].join('\n'),
    load: async () => (await import('./commands/document')).newCommand,
  },
  validate: {
    summary: 'validate FILE                         check a document file (schema, symbols, text)',
    usage: [
      'usage: rapporteur validate FILE',
      '  Checks a document JSON file: its shape (each problem with its path and reason), and what',
      '  makes it unusable although it may be saved as a draft: a malformed symbol, no text in any',
      '  language. Exit 1 when it is not valid.',
    ].join('\n'),
    load: async () => (await import('./commands/document')).validateCommand,
  },
  outline: {
    summary: 'outline FILE [--lang fr|en]           one line per heading and numbered block',
    usage: ['usage: rapporteur outline FILE [--lang fr|en]', '  One line per part, heading and numbered block: label, tab, opening words.', `  ${LANG_DEFAULT}`].join('\n'),
    load: async () => (await import('./commands/document')).outlineCommand,
  },
  title: {
    summary: 'title FILE [--lang fr|en]             the generated titles',
    usage: ['usage: rapporteur title FILE [--lang fr|en]', '  The title of each top-level part (generated for letters and statements).', `  ${LANG_DEFAULT}`].join('\n'),
    load: async () => (await import('./commands/document')).titleCommand,
  },
  import: {
    summary: 'import FILE [--lang fr|en] [-o OUT.json]   a .docx, .txt/.md (UN PDF text) or .rapporteur file as a document',
    usage: [
      'usage: rapporteur import FILE [--lang fr|en] [-o OUT.json]',
      '  A .docx, a text file (as extracted from a UN PDF, or Markdown-ish) or a .rapporteur file,',
      '  as a document JSON, with a one-line summary; unsure items and warnings follow on stderr.',
      '  --lang fr|en   the language of the text (default: detected)',
      '  -o OUT.json    write the document there (default: standard output, summary on stderr)',
    ].join('\n'),
    load: async () => (await import('./commands/import')).importCommand,
  },
  check: {
    summary: 'check FILE [--json] [--lang fr|en]     the pre-submission checker (exit 1 on errors)',
    usage: [
      'usage: rapporteur check FILE [--json] [--lang fr|en]',
      '  The pre-submission checker on a document JSON, .rapporteur, .docx or .txt file; exit 1 on errors.',
      '  --json         the findings as JSON',
      `  ${LANG_DEFAULT.replace('the version to read', 'the language of the findings and of their locations')}`,
    ].join('\n'),
    load: async () => (await import('./commands/check')).checkCommand,
  },
  export: {
    summary: 'export FILE --format docx|pdf|html [--profile issued|manuscript|letterhead] [--paper letter|a4] [--lang fr|en] -o OUT',
    usage: [
      'usage: rapporteur export FILE --format docx|pdf|html [options] [-o OUT]',
      '  --format docx|pdf|html                      required',
      '  --profile issued|manuscript|letterhead      default issued',
      '  --paper letter|a4                           default letter',
      `  ${LANG_DEFAULT}; a version with text missing is exported only when asked for, each gap marked`,
      '  -o OUT                                      default FILE with the format\'s extension; "-" for standard output',
      '  --watermark | --no-watermark                the DRAFT watermark (default: on for letterhead)',
      '  --final                                     a finalised revision (signature images are placed)',
      '  --letterhead SETTINGS.json                  mission letterhead: lines, reference, place, logo, signatures',
      '  --masthead-image IMAGE                      an image in the emblem\'s place (PNG or JPEG)',
      '  --bilingual                                 a two-column review DOCX: the source | its translation (--lang names the translation)',
      '  --changes-from OLD                          DOCX with the changes since OLD marked (OLD, and FILE, as for compare: a file or a dossier ID[@REV]; "baseline": a dossier\'s baseline)',
      '  --changes-style tracked|strike-bold         Word tracked changes (default), or deleted text struck out and new text in bold',
      '  --author NAME                               whose tracked changes (default: the library\'s author name, else "Rapporteur")',
      '  --data-dir DIR                              the library for dossier ids and the author name',
      '  What is missing or wrong (and the checker\'s errors) is reported on stderr as "warning: …"; the export is still written.',
    ].join('\n'),
    load: async () => (await import('./commands/export')).exportCommand,
  },
  compare: {
    summary: 'compare [OLD] NEW [--lang fr|en] [--json] [--data-dir DIR]   what changed between two versions (files or dossiers; without OLD: a dossier against its baseline)',
    usage: '',
    load: async () => (await import('./commands/compare')).compareCommand,
  },
  db: {
    summary: 'db [--data-dir DIR] list|search|show|import|new-edition|export|history|restore|trash|untrash|backup   the local library',
    usage: '',
    load: async () => (await import('./commands/db')).dbCommand,
  },
};

function usage(): string {
  return ['usage: rapporteur <command> [options]   (rapporteur <command> --help for its options)', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

/** `--help` / `-h` among a command's own arguments (not after `--`). */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * When the reader of our output goes away (`rapporteur outline FILE | head`), stop quietly:
 * there is no one left to tell, and a stack trace about a closed pipe helps nobody.
 */
function exitQuietlyOnClosedPipe(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  if (io?.out === undefined) exitQuietlyOnClosedPipe();
  const cli: CliIO = {
    out: io?.out ?? ((t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`)),
    err: io?.err ?? ((t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`)),
    env: io?.env ?? process.env,
    cwd: io?.cwd ?? process.cwd(),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    cli.out(usage());
    return name === undefined ? 1 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    cli.err(`rapporteur: unknown command "${name}" (try: rapporteur --help)`);
    return 1;
  }
  // `db` (with its subcommands) and `compare` answer --help themselves.
  if (entry.usage !== '' && asksForHelp(rest)) {
    cli.out(entry.usage);
    return 0;
  }
  try {
    const command = await entry.load();
    return await command(rest, cli);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    cli.err(`rapporteur ${name}: ${e instanceof UsageError ? message : `error: ${message}`}`);
    if (!(e instanceof UsageError) && cli.env.RAPPORTEUR_DEBUG) cli.err(String((e as Error).stack));
    return 1;
  }
}
