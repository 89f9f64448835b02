/**
 * Language versions of one dossier: one structure, text per language. Adding a version adds a
 * text layer (empty, or a copy of the source for the translator to overwrite); the
 * language-neutral metadata is shared, so every generated part (title, masthead, closing
 * request, signature lines, annex headings) reads at once in the new language.
 */
import type { BlockText, Lang, RDocument, TextLayer } from '../model/schema';
import { textHash } from '../model/hash';

export type NewVersionStart = 'empty' | 'copy';

/**
 * `doc` with a `target` version added. 'copy' starts each block as the source's words, unconfirmed
 * (no sourceHash: the rows stay untranslated until the translator confirms or rewrites them).
 */
export function addLanguageVersion(doc: RDocument, source: Lang, target: Lang, start: NewVersionStart): RDocument {
  if (source === target) throw new Error('A version is translated from another language.');
  if (doc.text[target] !== undefined) throw new Error(`The ${target} version exists already.`);
  const layer: TextLayer = {};
  if (start === 'copy') {
    for (const [id, t] of Object.entries(doc.text[source] ?? {})) layer[id] = { content: structuredClone(t.content) };
  }
  return { ...doc, text: { ...doc.text, [target]: layer } };
}

/**
 * Records that the target text of `ids` is a translation of the source as it reads now: after
 * the translator writes a block, or says "still correct" of an outdated one.
 */
export function confirmTranslation(doc: RDocument, ids: readonly string[], source: Lang, target: Lang): RDocument {
  const layer = doc.text[target];
  if (!layer) return doc;
  const next: TextLayer = { ...layer };
  let changed = false;
  for (const id of ids) {
    const t: BlockText | undefined = layer[id];
    if (!t) continue;
    const hash = textHash(doc.text[source]?.[id]);
    if (t.sourceHash === hash) continue;
    next[id] = { ...t, sourceHash: hash };
    changed = true;
  }
  return changed ? { ...doc, text: { ...doc.text, [target]: next } } : doc;
}
