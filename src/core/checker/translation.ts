/**
 * The translation's own findings, for the language being checked when it is the translation of
 * the dossier's other version (core/translation): blocks not translated yet, translations made
 * from a source that has changed since (outdated), and glossary terms of a source block whose
 * translation the block lacks. Worded in locales/{en,fr}/checker.json.
 */
import type { Lang, RDocument } from '../model/schema';
import { translationOf } from '../translation/versions';
import { translationRows } from '../translation/status';
import { glossaryMisses, glossaryTerms } from '../translation/terms';
import type { Finding } from './findings';

export function checkTranslation(doc: RDocument, lang: Lang, out: Finding[]): void {
  const pair = translationOf(doc);
  if (!pair || pair.target !== lang) return;
  const rows = translationRows(doc, pair.source, pair.target);
  for (const row of rows) {
    if (row.status === 'translated') continue;
    const where = row.kind === 'part-title' ? { partId: row.id } : { blockId: row.id, partId: row.partId };
    if (row.status === 'untranslated') out.push({ severity: 'error', code: 'translation-missing', lang, ...where, params: { source: pair.source } });
    else out.push({ severity: 'warning', code: 'translation-outdated', lang, ...where, params: { source: pair.source } });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const miss of glossaryMisses(doc, glossaryTerms(doc), pair.source, pair.target)) {
    const row = byId.get(miss.id);
    const where = row?.kind === 'part-title' ? { partId: miss.id } : { blockId: miss.id, ...(row ? { partId: row.partId } : {}) };
    out.push({ severity: 'warning', code: 'glossary-term-missing', lang, ...where, params: { term: miss.term[pair.source], translation: miss.term[pair.target] } });
  }
}
