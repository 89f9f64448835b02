/**
 * Command-line entry: `rapporteur <command> …`. Every command returns an exit code; bad input
 * gives a one-line reason on stderr and exit 1, never a stack trace.
 */
import type { CliCommand, CliIO } from './io';
import { UsageError } from './io';

type Entry = { summary: string; load: () => Promise<CliCommand> };

const COMMANDS: Record<string, Entry> = {
  new: { summary: 'new --kind K --lang fr|en [-o FILE]   a document from a template', load: async () => (await import('./commands/document')).newCommand },
  validate: { summary: 'validate FILE                         check a document file against the schema', load: async () => (await import('./commands/document')).validateCommand },
  outline: { summary: 'outline FILE [--lang fr|en]           one line per heading and numbered block', load: async () => (await import('./commands/document')).outlineCommand },
  title: { summary: 'title FILE [--lang fr|en]             the generated title(s)', load: async () => (await import('./commands/document')).titleCommand },
  import: { summary: 'import FILE [--lang fr|en] [-o OUT.json]   a .docx, .txt/.md (UN PDF text) or .rapporteur file as a document', load: async () => (await import('./commands/import')).importCommand },
  check: { summary: 'check FILE [--json] [--lang fr|en]     the pre-submission checker (exit 1 on errors)', load: async () => (await import('./commands/check')).checkCommand },
  export: { summary: 'export FILE --format docx|pdf|html [--profile issued|manuscript|letterhead] [--paper letter|a4] [--lang fr|en] -o OUT', load: async () => (await import('./commands/export')).exportCommand },
  compare: { summary: 'compare OLD NEW [--lang fr|en] [--json] [--data-dir DIR]   what changed between two versions (files or dossiers)', load: async () => (await import('./commands/compare')).compareCommand },
  db: { summary: 'db [--data-dir DIR] list|search|show|import|export|history|restore|trash|untrash|backup   the local library', load: async () => (await import('./commands/db')).dbCommand },
};

export function registerCommand(name: string, entry: Entry): void {
  COMMANDS[name] = entry;
}

function usage(): string {
  return ['usage: rapporteur <command> [options]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
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
