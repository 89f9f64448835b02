/** CLI commands on document files: new, validate, outline, title. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from '../io';
import { parseArgs, UsageError } from '../io';
import { readInputFile } from '../files';
import { DOCUMENT_KINDS, LANGS, type DocumentKind, type Lang, type RDocument } from '../../core/model/schema';
import { parseDocumentJson } from '../../core/model/validate';
import { createFromTemplate } from '../../core/templates';
import { formatOutline, outline } from '../../core/render/text';
import { partTitle } from '../../core/wording/generated';
import { walkDocument } from '../../core/model/walk';
import { defaultVersion } from '../../core/model/versions';
import { checkDocument, type FindingCode } from '../../core/checker';
import { checkerMessages } from '../findings';

/** `--lang`, checked; without it, `fallback` (for a document: its default version, see core/model/versions). */
export function langOption(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(`--lang must be fr or en, not "${value}"`);
  return value as Lang;
}

/** Reads and validates a document file; on failure reports the first problems and returns undefined. */
export async function loadDocument(file: string | undefined, io: CliIO): Promise<RDocument | undefined> {
  if (file === undefined) throw new UsageError('which file? (give a document JSON file)');
  const text = await readInputFile(file, io, 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.issues;
    io.err(`${file}: invalid document: ${first!.path}: ${first!.message}${rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : ''}`);
    for (const i of rest.slice(0, 20)) io.err(`  ${i.path}: ${i.message}`);
    return undefined;
  }
  return parsed.value;
}

export const newCommand: CliCommand = async (argv, io) => {
  const { options, flags } = parseArgs(argv, { options: ['kind', 'lang', 'o'], flags: ['force'], aliases: { output: 'o' } });
  const kind = options.kind;
  if (kind === undefined || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')}${kind === undefined ? '' : ` (not "${kind}")`}`);
  }
  const target = options.o === undefined ? undefined : resolve(io.cwd, options.o);
  // A blank template must never silently replace a document someone has filled in.
  if (target !== undefined && existsSync(target) && !flags.has('force')) {
    throw new UsageError(`${options.o} already exists; choose another name or add --force to replace it`);
  }
  const doc = createFromTemplate(kind as DocumentKind, langOption(options.lang, 'fr'));
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (target === undefined) io.out(json);
  else await writeFile(target, json, 'utf8');
  return 0;
};

/**
 * What makes a document invalid although the store keeps it as a draft (drafts are saved
 * whatever they hold): a malformed symbol, and no text in any language. The pre-submission
 * checker finds them (worded in English here, as the CLI's other messages); `check` lists the rest.
 */
const INVALID_WHEN: readonly FindingCode[] = ['symbol-malformed', 'document-empty'];

async function invalidContent(doc: RDocument): Promise<{ path: string; message: string }[]> {
  const found = checkDocument(doc).filter((f) => f.severity === 'error' && INVALID_WHEN.includes(f.code));
  if (found.length === 0) return [];
  const t = await checkerMessages('en');
  return found.map((f) => {
    const symbol = f.code === 'symbol-malformed' ? doc.meta.symbols.indexOf(String(f.params.symbol)) : -1;
    return { path: symbol >= 0 ? `meta.symbols[${symbol}]` : 'text', message: t(f.code, f.params) };
  });
}

export const validateCommand: CliCommand = async (argv, io) => {
  const { positional } = parseArgs(argv, {});
  const doc = await loadDocument(positional[0], io);
  if (!doc) return 1;
  const problems = await invalidContent(doc);
  if (problems.length > 0) {
    for (const p of problems) io.err(`${positional[0]}: invalid document: ${p.path}: ${p.message}`);
    return 1;
  }
  let blocks = 0;
  walkDocument(doc, { block: () => void blocks++ });
  io.out(`${positional[0]}: valid (${doc.meta.kind}, ${blocks} blocks, languages: ${Object.keys(doc.text).join(', ') || 'none'})`);
  return 0;
};

export const outlineCommand: CliCommand = async (argv, io) => {
  const { positional, options } = parseArgs(argv, { options: ['lang'] });
  const doc = await loadDocument(positional[0], io);
  if (!doc) return 1;
  for (const line of formatOutline(outline(doc, langOption(options.lang, defaultVersion(doc))))) io.out(line);
  return 0;
};

export const titleCommand: CliCommand = async (argv, io) => {
  const { positional, options } = parseArgs(argv, { options: ['lang'] });
  const doc = await loadDocument(positional[0], io);
  if (!doc) return 1;
  const l = langOption(options.lang, defaultVersion(doc));
  for (const part of doc.parts) {
    const title = partTitle(doc, part, l);
    if (title.text !== '') io.out(title.text);
  }
  return 0;
};
