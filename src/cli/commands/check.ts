/**
 * `check FILE [--json] [--lang fr|en]`: the pre-submission checker on a document file (or on a
 * .docx / .txt, imported first). Findings are worded through the i18next resources
 * locales/{en,fr}/checker.json in the language asked for; by default in the document's default
 * version (core/model/versions), whose labels the locations use.
 * Exit code 1 when there is at least one error.
 */
import type { CliCommand } from '../io';
import { parseArgs, UsageError } from '../io';
import { checkDocument, hasErrors, type Finding } from '../../core/checker';
import type { RDocument } from '../../core/model/schema';
import { langOption, loadDocument } from './document';
import { defaultVersion } from '../../core/model/versions';
import { checkerMessages, findingLocation } from '../findings';

export const checkCommand: CliCommand = async (argv, io) => {
  const { positional, options, flags } = parseArgs(argv, { options: ['lang'], flags: ['json'] });
  langOption(options.lang, 'en'); // a bad --lang is refused before the file is read
  const file = positional[0];
  if (file === undefined) throw new UsageError('which file? (a document JSON, a .rapporteur, .docx or .txt file)');
  let doc: RDocument | undefined;
  if (/\.(docx|txt|md|text)$/i.test(file)) {
    const { importFile, ImportError } = await import('../../services/import');
    const path = await import('node:path');
    try {
      doc = (await importFile(path.resolve(io.cwd, file))).doc;
    } catch (e) {
      if (e instanceof ImportError) throw new UsageError(e.message);
      throw e;
    }
  } else {
    doc = await loadDocument(file, io);
  }
  if (!doc) return 1;
  const lang = langOption(options.lang, defaultVersion(doc));
  const t = await checkerMessages(lang);
  const findings = checkDocument(doc);
  if (flags.has('json')) {
    io.out(JSON.stringify(findings.map((f) => ({ ...f, message: t(f.code, f.params), location: findingLocation(doc, f, t, lang) })), null, 2));
  } else {
    for (const f of findings) io.out(`${t(`severity.${f.severity}`)}\t${f.code}\t${findingLocation(doc, f, t, lang)}\t${t(f.code, f.params)}`);
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    io.out(findings.length === 0 ? t('clean') : t('summary', { errors: t('summaryErrors', { count: count('error') }), warnings: t('summaryWarnings', { count: count('warning') }), infos: t('summaryInfos', { count: count('info') }) }));
  }
  return hasErrors(findings) ? 1 : 0;
};
