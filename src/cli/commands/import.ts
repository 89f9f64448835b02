/**
 * `import FILE [--lang fr|en] [-o OUT.json]`: a DOCX, a text file (as extracted from a UN PDF,
 * or Markdown-ish) or a .rapporteur file → a document JSON. Prints one summary line (blocks,
 * numbered paragraphs, headings, annexes, unsure items); the unsure items, warnings and dropped
 * page furniture follow on stderr, one per line. Without -o the document goes to stdout and
 * the summary to stderr.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand } from '../io';
import { parseArgs, UsageError } from '../io';
import { summary } from '../../core/import';
import { ImportError, importFile } from '../../services/import';

export const importCommand: CliCommand = async (argv, io) => {
  const { positional, options } = parseArgs(argv, { options: ['lang', 'o'], aliases: { output: 'o' } });
  const file = positional[0];
  if (file === undefined) throw new UsageError('which file? (a .docx, .txt, .md or .rapporteur file)');
  const lang = options.lang;
  if (lang !== undefined && lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be fr or en, not "${lang}"`);
  let result;
  try {
    result = await importFile(resolve(io.cwd, file), lang ? { lang } : {});
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(e.message);
    throw e;
  }
  const json = `${JSON.stringify(result.doc, null, 2)}\n`;
  const line = `${file}: ${summary(result.report)} (${result.format}, ${result.report.language}, ${result.report.kind})`;
  if (options.o === undefined) {
    io.out(json);
    io.err(line);
  } else {
    await writeFile(resolve(io.cwd, options.o), json, 'utf8');
    io.out(line);
  }
  for (const u of result.report.unsure) io.err(`  unsure${u.line !== undefined ? ` (line ${u.line})` : ''}: ${u.reason}: ${u.text}`);
  for (const w of result.report.warnings) io.err(`  warning: ${w}`);
  for (const d of result.report.dropped) io.err(`  dropped${d.line !== undefined ? ` (line ${d.line})` : ''}: ${d.reason}: ${d.text}`);
  return 0;
};
