/**
 * `rapporteur export FILE --format docx|pdf|html [--profile issued|manuscript|letterhead]
 *  [--paper letter|a4] [--lang fr|en] [-o OUT] [--watermark | --no-watermark] [--final]
 *  [--letterhead SETTINGS.json] [--masthead-image IMAGE]`
 *
 * Bad or incomplete documents export anyway where possible: what is missing (a symbol, a
 * translation, a signature image…) and the pre-submission checker's errors (a malformed symbol…)
 * are reported on stderr as "warning: …" and the export still succeeds (exit 0). A file that is
 * not a valid document is an error (exit 1).
 *
 * Without --lang the version exported is the document's default one (core/model/versions: the
 * original language when it has text, else the version with the most text). If that version
 * lacks text that the other has, the export is refused with the reason; asked for with --lang,
 * it is written with each gap marked in the text the reader sees.
 *
 * --changes-from OLD (DOCX only) marks what changed since OLD (as for `compare`: a document
 * JSON, a .rapporteur, .docx or UN text file, or a dossier ID / ID@REV with --data-dir; FILE may
 * be a dossier too): Word tracked changes by --author (else the library's author name, else
 * "Rapporteur"), or with --changes-style strike-bold the Editorial Manual's plain marking.
 * `--changes-from baseline`: FILE is a dossier and OLD its baseline (a new edition's last-year text).
 *
 * --letterhead takes a JSON file: { "lines": ["Permanent Mission of …", "…"], "reference": "…",
 * "place": "New York", "logo": "logo.png", "signatures": { "<person id>": "signature.png" } }
 * (image paths relative to that file).
 */
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { CliCommand, CliIO } from '../io';
import { parseArgs, UsageError } from '../io';
import { LANGS, type Lang, type RDocument } from '../../core/model/schema';
import { defaultVersion, missingText } from '../../core/model/versions';
import { deskPair } from '../../core/translation/versions';
import { checkDocument } from '../../core/checker';
import { langOption, loadDocument } from './document';
import { checkerMessages, findingLocation } from '../findings';
import { defaultExportOptions, EXPORT_FORMATS, EXPORT_PROFILES, PAPERS, type ExportOptions, type ImageAsset, type Paper } from '../../core/render/options';
import { readInputFile } from '../files';
import { parseJsonText } from '../../core/model/json-text';
import { ImportError } from '../../services/import/errors';
import { readRegularFile } from '../../services/import/read-file';
import { CHANGE_STYLES, type ChangesFrom } from '../../services/export/docx/revisions';
import { idPolicy, loadSources, withBaseline, type Source } from './compare';
import { counted } from '../../core/locale/counted';

/** A logo, masthead or signature image: far more than any needs. */
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
/** A letterhead settings file: a few lines of text and file names. */
const MAX_LETTERHEAD_BYTES = 1024 * 1024;

const PAPER_NAMES: Record<Paper, string> = { letter: 'Letter', a4: 'A4' };
const LANG_NAMES: Record<Lang, string> = { fr: 'French', en: 'English' };

/** The version to export: the one asked for, else the default one, provided it lacks no text. */
function exportLanguage(doc: RDocument, asked: string | undefined): Lang {
  if (asked !== undefined) return langOption(asked, doc.meta.originalLanguage);
  const lang = defaultVersion(doc);
  const missing = missingText(doc, lang).size;
  if (missing > 0) {
    const other = LANGS.find((l) => l !== lang)!;
    throw new UsageError(
      `the ${LANG_NAMES[lang]} version lacks the text of ${counted(missing, 'part title or block', 'part titles or blocks')} that have ${LANG_NAMES[other]} text: ` +
        `give --lang ${lang} to export it with each gap marked, or --lang ${other} for the ${LANG_NAMES[other]} version`,
    );
  }
  return lang;
}

/**
 * The checker's errors, as export warnings in English, one line per kind: a kind found in several
 * places (134 untranslated blocks) is one line with the count and the first place. Placeholders
 * and broken cross-references are left out: the export reports those itself, with their count.
 */
async function checkerWarnings(doc: RDocument, lang: Lang): Promise<string[]> {
  const errors = checkDocument(doc, lang).filter((f) => f.severity === 'error' && f.code !== 'placeholder-left' && f.code !== 'xref-target-missing');
  if (errors.length === 0) return [];
  const t = await checkerMessages('en');
  const byCode = new Map<string, typeof errors>();
  for (const f of errors) {
    const found = byCode.get(f.code);
    if (found) found.push(f);
    else byCode.set(f.code, [f]);
  }
  return [...byCode].map(([code, found]) => {
    const first = found[0]!;
    const where = findingLocation(doc, first, t, lang);
    const places = found.length === 1 ? where : `${found.length} places (the first: ${where})`;
    return `checker error (${code}), ${places}: ${t(code, first.params)}`;
  });
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required (${allowed.join('|')})`);
  }
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be ${allowed.join(', ')} (not "${value}")`);
  return value as T;
}

async function image(path: string, what: string): Promise<ImageAsset> {
  const ext = extname(path).toLowerCase();
  const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : undefined;
  if (!mime) throw new UsageError(`${what} ${path}: only PNG and JPEG images are supported`);
  try {
    return { bytes: new Uint8Array(await readRegularFile(path, { name: `${what} ${path}`, limit: MAX_IMAGE_BYTES })), mime };
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(e.message.replace(/\.$/, ''));
    throw e;
  }
}

type LetterheadFile = { lines?: unknown; reference?: unknown; place?: unknown; logo?: unknown; signatures?: unknown };

async function letterheadSettings(file: string, io: CliIO): Promise<Pick<ExportOptions, 'letterhead' | 'signatures'>> {
  const path = resolve(io.cwd, file);
  const read = parseJsonText(await readInputFile(file, io, 'utf8', MAX_LETTERHEAD_BYTES));
  if (!read.ok || typeof read.value !== 'object' || read.value === null) throw new UsageError(`--letterhead ${file}: not a JSON file`);
  const json = read.value as LetterheadFile;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const lines = Array.isArray(json.lines) ? json.lines.filter((l): l is string => typeof l === 'string') : [];
  const at = (p: string) => resolve(dirname(path), p);
  const logoPath = str(json.logo);
  const letterhead: NonNullable<ExportOptions['letterhead']> = { lines };
  const reference = str(json.reference);
  const place = str(json.place);
  if (reference) letterhead.reference = reference;
  if (place) letterhead.place = place;
  if (logoPath) letterhead.logo = await image(at(logoPath), 'logo');
  const signatures: Record<string, ImageAsset> = {};
  if (json.signatures && typeof json.signatures === 'object') {
    for (const [person, p] of Object.entries(json.signatures as Record<string, unknown>)) {
      const s = str(p);
      if (s) signatures[person] = await image(at(s), `signature of ${person}`);
    }
  }
  return { letterhead, signatures };
}

/**
 * `export FILE --bilingual [--lang TARGET] [--paper letter|a4] [-o OUT]`: the two-column review
 * DOCX, the source on the left and its translation on the right (services/export/docx/bilingual).
 * The direction is the dossier's translation (core/translation deskPair); --lang names the
 * translation's language instead.
 */
async function bilingualExport(file: string | undefined, options: Record<string, string | undefined>, io: CliIO): Promise<number> {
  if (options.format !== undefined && options.format !== 'docx') throw new UsageError(`--bilingual writes a DOCX (not --format ${options.format})`);
  for (const o of ['profile', 'letterhead', 'masthead-image'] as const) if (options[o] !== undefined) throw new UsageError(`--${o} does not apply to --bilingual`);
  const paper = oneOf('paper', options.paper, PAPERS, 'letter');
  const doc = await loadDocument(file, io);
  if (!doc) return 1;
  const versions = LANGS.filter((l) => doc.text[l] !== undefined);
  if (versions.length < 2) throw new UsageError(`--bilingual needs two language versions; this document has only ${versions.map((l) => LANG_NAMES[l]).join('') || 'none'}`);
  const target = options.lang !== undefined ? langOption(options.lang, doc.meta.originalLanguage) : deskPair(doc)!.target;
  const source = LANGS.find((l) => l !== target)!;
  const { exportBilingualDocx } = await import('../../services/export/docx/bilingual');
  const result = await exportBilingualDocx(doc, source, target, { ...defaultExportOptions(target, 'issued'), paper });
  const warnings = [...result.warnings.map((w) => w.message), ...(await checkerWarnings(doc, target))];
  for (const w of warnings) io.err(`warning: ${w}`);
  const out = options.o ?? `${basename(file!, extname(file!))}.bilingual.docx`;
  if (out === '-') process.stdout.write(result.bytes);
  else {
    await writeFile(resolve(io.cwd, out), result.bytes);
    const count = warnings.length > 0 ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : '';
    io.out(`${out}: bilingual docx, ${source} | ${target}, paper ${PAPER_NAMES[paper]}${count}`);
  }
  return 0;
}

/** Who the tracked changes are by when --author is not given: the library's author name, else "Rapporteur". */
async function libraryAuthor(io: CliIO, dataDir: string | undefined): Promise<string> {
  const { openStore } = await import('../../services/store');
  const { libraryLocation } = await import('../../services/store/location');
  let store;
  try {
    store = await openStore(libraryLocation({ explicit: dataDir, env: io.env, cwd: io.cwd }).dir, { create: false });
  } catch {
    return 'Rapporteur'; // no library here: nobody has set a name
  }
  try {
    const name = store.getSetting<unknown>('authorName');
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : 'Rapporteur';
  } finally {
    store.close();
  }
}

/** NEW and OLD of an export with --changes-from, and how the changes are marked. */
async function changesFrom(file: string | undefined, options: Record<string, string | undefined>, io: CliIO): Promise<{ doc: RDocument; changes: Omit<ChangesFrom, 'author'> & { author?: string } } | undefined> {
  if (file === undefined) throw new UsageError('give the document to export (see: rapporteur export --help)');
  const sources = options['changes-from'] === 'baseline' ? await withBaseline(file, io, options['data-dir']) : await loadSources([options['changes-from']!, file], io, options['data-dir']);
  if (!sources) return undefined;
  const [old, now] = sources as [Source, Source];
  const style = oneOf('changes-style', options['changes-style'], CHANGE_STYLES, 'tracked');
  const author = options.author?.trim();
  if (options.author !== undefined && !author) throw new UsageError('--author must name someone');
  return { doc: now.doc, changes: { from: old.doc, ids: idPolicy(old, now), date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), style, ...(author ? { author } : {}) } };
}

export const exportCommand: CliCommand = async (argv, io) => {
  const { positional, options, flags } = parseArgs(argv, {
    options: ['format', 'profile', 'paper', 'lang', 'o', 'letterhead', 'masthead-image', 'changes-from', 'changes-style', 'author', 'data-dir'],
    flags: ['watermark', 'no-watermark', 'final', 'bilingual'],
    aliases: { output: 'o', f: 'format' },
  });
  if (flags.has('bilingual')) return bilingualExport(positional[0], options, io);
  const format = oneOf('format', options.format, EXPORT_FORMATS);
  const profile = oneOf('profile', options.profile, EXPORT_PROFILES, 'issued');
  const paper = oneOf('paper', options.paper, PAPERS, 'letter');
  if (flags.has('watermark') && flags.has('no-watermark')) throw new UsageError('--watermark and --no-watermark contradict each other');
  const file = positional[0];
  const marking = options['changes-from'] !== undefined ? await changesFrom(file, options, io) : undefined;
  if (marking === undefined) {
    for (const o of ['changes-style', 'author'] as const) if (options[o] !== undefined) throw new UsageError(`--${o} goes with --changes-from OLD`);
    if (options['changes-from'] !== undefined) return 1;
  } else if (format !== 'docx') throw new UsageError(`--changes-from writes a DOCX (not --format ${format})`);
  const doc = marking ? marking.doc : await loadDocument(file, io);
  if (!doc) return 1;
  const lang = exportLanguage(doc, options.lang);

  const opts: ExportOptions = { ...defaultExportOptions(lang, profile), paper, finalised: flags.has('final') };
  if (flags.has('watermark')) opts.watermark = true;
  if (flags.has('no-watermark')) opts.watermark = false;
  if (options.letterhead !== undefined) Object.assign(opts, await letterheadSettings(options.letterhead, io));
  if (options['masthead-image'] !== undefined) opts.mastheadImage = await image(resolve(io.cwd, options['masthead-image']), 'masthead image');

  const out = options.o ?? `${basename(file!, extname(file!))}${marking ? '.changes' : ''}.${format}`;
  const { exportDocument } = await import('../../services/export/index');
  const result = marking
    ? await exportDocument(doc, format, opts, { ...marking.changes, author: marking.changes.author ?? (await libraryAuthor(io, options['data-dir'])) })
    : await exportDocument(doc, format, opts);
  const warnings = [...result.warnings.map((w) => w.message), ...(await checkerWarnings(doc, lang))];
  for (const w of warnings) io.err(`warning: ${w}`);
  if (out === '-') {
    process.stdout.write(result.bytes);
  } else {
    await writeFile(resolve(io.cwd, out), result.bytes);
    const count = warnings.length > 0 ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : '';
    const marked = marking ? `, changes from ${options['changes-from']} (${marking.changes.style})` : '';
    io.out(`${out}: ${format}, ${profile}, ${lang}, paper ${PAPER_NAMES[paper]}${marked}${count}`);
  }
  return 0;
};
