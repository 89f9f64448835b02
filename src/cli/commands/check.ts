/**
 * `check FILE [--json] [--lang fr|en]`: the pre-submission checker on a document file (or on a
 * .docx / .txt, imported first). Findings are worded through the i18next resources
 * locales/{en,fr}/checker.json in the language asked for (English by default).
 * Exit code 1 when there is at least one error.
 */
import type { TFunction } from 'i18next';
import type { CliCommand } from '../io';
import { parseArgs, UsageError } from '../io';
import { checkDocument, hasErrors, type Finding } from '../../core/checker';
import type { Lang, RDocument } from '../../core/model/schema';
import { listParts } from '../../core/model/walk';
import { numberDocument } from '../../core/numbering/numbering';
import { loadDocument } from './document';
import { translator } from '../messages';
import en from '../../../locales/en/checker.json' with { type: 'json' };
import fr from '../../../locales/fr/checker.json' with { type: 'json' };

/** A translator for the checker's messages, in one language. */
export function checkerMessages(lang: Lang): Promise<TFunction> {
  return translator(lang, { checker: { en, fr } });
}

function location(doc: RDocument, f: Finding, t: TFunction, lang: Lang): string {
  const n = numberDocument(doc, lang);
  const partId = f.partId ?? (f.blockId !== undefined ? n.partOf.get(f.blockId) : undefined);
  const part = partId !== undefined ? listParts(doc).find((p) => p.part.id === partId)?.part : undefined;
  const where: string[] = [];
  if (part) where.push(n.parts.get(part.id)?.label ?? t(`part.${part.kind}`));
  const label = f.blockId !== undefined ? n.blocks.get(f.blockId)?.label : undefined;
  if (label) where.push(label);
  else if (f.blockId !== undefined) where.push(f.blockId);
  return where.length > 0 ? where.join(' ') : t('part.document');
}

export const checkCommand: CliCommand = async (argv, io) => {
  const { positional, options, flags } = parseArgs(argv, { options: ['lang'], flags: ['json'] });
  const lang = (options.lang ?? 'en') as Lang;
  if (lang !== 'en' && lang !== 'fr') throw new UsageError(`--lang must be fr or en, not "${options.lang}"`);
  const file = positional[0];
  if (file === undefined) throw new UsageError('which file? (a document JSON, a .rapporteur, .docx or .txt file)');
  let doc: RDocument | undefined;
  if (/\.(docx|txt|md|text)$/i.test(file)) {
    const { importFile, ImportError } = await import('../../services/import');
    const { resolve } = await import('node:path');
    try {
      doc = (await importFile(resolve(io.cwd, file))).doc;
    } catch (e) {
      if (e instanceof ImportError) throw new UsageError(e.message);
      throw e;
    }
  } else {
    doc = await loadDocument(file, io);
  }
  if (!doc) return 1;
  const t = await checkerMessages(lang);
  const findings = checkDocument(doc);
  if (flags.has('json')) {
    io.out(JSON.stringify(findings.map((f) => ({ ...f, message: t(f.code, f.params), location: location(doc!, f, t, lang) })), null, 2));
  } else {
    for (const f of findings) io.out(`${t(`severity.${f.severity}`)}\t${f.code}\t${location(doc, f, t, lang)}\t${t(f.code, f.params)}`);
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    io.out(findings.length === 0 ? t('clean') : t('summary', { errors: count('error'), warnings: count('warning'), infos: count('info') }));
  }
  return hasErrors(findings) ? 1 : 0;
};
