/**
 * Language versions of one dossier: one structure, text per language. Adding a version adds a
 * text layer (empty, or a copy of the source for the translator to overwrite); the
 * language-neutral metadata is shared, so every generated part (title, masthead, closing
 * request, signature lines, annex headings) reads at once in the new language.
 */
import { LANGS, type BlockText, type GlossaryEntry, type Lang, type RDocument, type TextLayer } from '../model/schema';
import { textHash } from '../model/hash';
import { defaultVersion } from '../model/versions';
import { plainText } from './textDiff';

export type NewVersionStart = 'empty' | 'copy';

/** A source and the language it is translated into. */
export type TranslationPair = { source: Lang; target: Lang };

export const otherLang = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');

/**
 * The versions a dossier holds: the languages whose text layer exists, even empty (a version just
 * created has no words yet). The store's `languages` lists only the languages with words.
 */
export function versionsOf(doc: RDocument): Lang[] {
  return LANGS.filter((l) => doc.text[l] !== undefined);
}

/**
 * The translation a dossier holds, if any: the one recorded when the version was added
 * (`doc.translation.source`), else — for a dossier made before that was recorded — the one text
 * layer whose blocks record a source hash. Two versions written independently hold none.
 */
export function translationOf(doc: RDocument): TranslationPair | undefined {
  const recorded = doc.translation?.source;
  if (recorded !== undefined) {
    const target = otherLang(recorded);
    return doc.text[target] !== undefined && doc.text[recorded] !== undefined ? { source: recorded, target } : undefined;
  }
  const hashed = versionsOf(doc).filter((l) => Object.values(doc.text[l]!).some((t) => t.sourceHash !== undefined));
  return hashed.length === 1 ? { source: otherLang(hashed[0]!), target: hashed[0]! } : undefined;
}

/**
 * Which way the translator's desk works on a dossier with two versions: its translation, else
 * from the version a reader gets by default (the original when it has words) into the other.
 * Undefined while the dossier holds one version.
 */
export function deskPair(doc: RDocument): TranslationPair | undefined {
  if (versionsOf(doc).length < 2) return undefined;
  const source = translationOf(doc)?.source ?? defaultVersion(doc);
  return { source, target: otherLang(source) };
}

/**
 * The language whose structure may be edited: the source of the dossier's translation (the
 * translation edits words only), else any version (undefined).
 */
export function structureLanguage(doc: RDocument): Lang | undefined {
  return versionsOf(doc).length < 2 ? undefined : deskPair(doc)!.source;
}

/**
 * `doc` with a `target` version added, translated from `source` (recorded in
 * `doc.translation`). 'copy' starts each block as the source's words, unconfirmed (no
 * sourceHash: the rows stay untranslated until the translator confirms or rewrites them).
 */
export function addLanguageVersion(doc: RDocument, source: Lang, target: Lang, start: NewVersionStart): RDocument {
  if (source === target) throw new Error('A version is translated from another language.');
  if (doc.text[target] !== undefined) throw new Error(`The ${target} version exists already.`);
  if (doc.text[source] === undefined) throw new Error(`There is no ${source} version to translate from.`);
  const layer: TextLayer = {};
  if (start === 'copy') {
    for (const [id, t] of Object.entries(doc.text[source] ?? {})) layer[id] = { content: structuredClone(t.content) };
  }
  return { ...doc, text: { ...doc.text, [target]: layer }, translation: { source, glossary: doc.translation?.glossary ?? [] } };
}

/** `doc` with its glossary replaced (the translation's direction recorded as `pair`). */
export function withGlossary(doc: RDocument, pair: TranslationPair, glossary: readonly GlossaryEntry[]): RDocument {
  return { ...doc, translation: { source: pair.source, glossary: [...glossary] } };
}

/**
 * Records that the target text of `ids` is a translation of the source as it reads now (its hash
 * and its plain words): after the translator writes a block, or says "still correct" of an
 * outdated one.
 */
export function confirmTranslation(doc: RDocument, ids: readonly string[], source: Lang, target: Lang): RDocument {
  const layer = doc.text[target];
  if (!layer) return doc;
  const next: TextLayer = { ...layer };
  let changed = false;
  for (const id of ids) {
    const t: BlockText | undefined = layer[id];
    if (!t) continue;
    const from = doc.text[source]?.[id];
    const hash = textHash(from);
    // The words too, beside the hash: a later change to the source can then show what changed.
    const text = plainText(from?.content ?? []);
    if (t.sourceHash === hash && t.sourceText === text) continue;
    next[id] = { ...t, sourceHash: hash, sourceText: text };
    changed = true;
  }
  return changed ? { ...doc, text: { ...doc.text, [target]: next } } : doc;
}

const sameContent = (a: BlockText['content'] | undefined, b: BlockText['content'] | undefined) => a === b || JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * What a save from the translator's desk records: every target block whose words differ from
 * `saved` (the translator wrote it) and every block of `also` (marked "still correct") confirmed
 * as a translation of the source as it reads now, and the direction of the translation.
 */
export function confirmEdits(doc: RDocument, saved: RDocument, pair: TranslationPair, also: Iterable<string> = []): RDocument {
  const now = doc.text[pair.target] ?? {};
  const then = saved.text[pair.target] ?? {};
  const ids = new Set(also);
  for (const [id, t] of Object.entries(now)) if (!sameContent(t.content, then[id]?.content)) ids.add(id);
  const confirmed = confirmTranslation(doc, [...ids], pair.source, pair.target);
  return confirmed.translation?.source === pair.source ? confirmed : { ...confirmed, translation: { source: pair.source, glossary: confirmed.translation?.glossary ?? [] } };
}
