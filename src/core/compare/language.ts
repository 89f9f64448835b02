/**
 * Which language version of a document to compare when none is asked for.
 *
 * Stand-in until the core has one function deciding a document's default language version:
 * the original language when it has any text, else the language with the most text.
 */
import type { Lang, RDocument } from '../model/schema';
import { LANGS } from '../model/schema';

function textLength(doc: RDocument, lang: Lang): number {
  let n = 0;
  for (const t of Object.values(doc.text[lang] ?? {})) for (const run of t.content) if (run.type === 'text') n += run.text.length;
  return n;
}

export function defaultLanguage(doc: RDocument): Lang {
  const original = doc.meta.originalLanguage;
  if (textLength(doc, original) > 0) return original;
  let best: Lang = original;
  let most = 0;
  for (const lang of LANGS) {
    const n = textLength(doc, lang);
    if (n > most) [best, most] = [lang, n];
  }
  return best;
}
