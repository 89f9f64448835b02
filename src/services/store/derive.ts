/**
 * What the store derives from a document for lists and search: a display title, the languages
 * that have text, the symbols. Pure functions of the document (core model only).
 */
import type { Inline, Lang, RDocument } from '../../core/model/schema';
import { LANGS } from '../../core/model/schema';
import { walkDocument } from '../../core/model/walk';
import { defaultVersion } from '../../core/model/versions';
import { partTitle } from '../../core/wording/generated';
import { translationOf } from '../../core/translation/versions';

/** Plain text of inline runs: text, footnote text; cross-references have no words of their own. */
export function inlinePlain(content: readonly Inline[]): string {
  let out = '';
  for (const run of content) {
    if (run.type === 'text') out += run.text;
    else if (run.type === 'footnote') out += ` ${inlinePlain(run.content)} `;
  }
  return out;
}

function authored(doc: RDocument, lang: Lang, id: string): string {
  const t = doc.text[lang]?.[id];
  return t ? inlinePlain(t.content).replace(/\s+/g, ' ').trim() : '';
}

/**
 * The dossier's language versions, in LANGS order: languages whose text layer has words, and the
 * translation being made (core/translation: a version exists from its creation, even empty), so
 * the library lists a dossier under translation in both languages.
 */
export function languagesOf(doc: RDocument): Lang[] {
  const translating = translationOf(doc)?.target;
  return LANGS.filter((lang) => {
    const layer = doc.text[lang];
    return layer !== undefined && (lang === translating || Object.values(layer).some((t) => inlinePlain(t.content).trim() !== ''));
  });
}

const MAX_TITLE = 200;

function clip(s: string): string {
  return s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1).trimEnd()}…` : s;
}

/** The first part's generated title (or its override) in `lang`; '' when it has none. */
function generatedTitle(doc: RDocument, lang: Lang): string {
  const first = doc.parts[0];
  if (!first) return '';
  try {
    const t = partTitle(doc, first, lang);
    return t.generated ? t.text.trim() : '';
  } catch {
    // Generated wording depends on metadata; a gap there must not stop the dossier from listing.
    return '';
  }
}

/**
 * The title shown in lists, in `lang` (default: the document's default version, the one it
 * opens in (core/model/versions), then the other one): a letter's title when the document is
 * a letter (with whatever it transmits); else the first part title the drafter wrote; else the first part's generated title (a letter's
 * "Lettre datée du…", a statement's title); else the first heading or paragraph with words.
 * '' when the document has no words at all (the UI shows "Untitled").
 */
export function displayTitle(doc: RDocument, lang?: Lang): string {
  const first = defaultVersion(doc);
  const order: Lang[] = lang ? [lang] : [first, ...LANGS.filter((l) => l !== first)];
  // A letter (and what it transmits: an annex, a report) is the letter: listed under its title.
  if (doc.parts[0]?.kind === 'letter') {
    for (const l of order) {
      const t = generatedTitle(doc, l);
      if (t !== '') return clip(t);
    }
  }
  for (const l of order) {
    let found = '';
    walkDocument(doc, {
      part: (part) => {
        if (found === '') found = authored(doc, l, part.id);
      },
    });
    if (found !== '') return clip(found);
  }
  for (const l of order) {
    const t = generatedTitle(doc, l);
    if (t !== '') return clip(t);
  }
  for (const l of order) {
    let found = '';
    walkDocument(doc, {
      block: (block) => {
        if (found === '' && (block.kind === 'heading' || block.kind === 'paragraph')) found = authored(doc, l, block.id);
      },
    });
    if (found !== '') return clip(found);
  }
  return '';
}

/** Lower case without accents, for sorting titles ("Élections" sorts with "elections"). */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Sort key of a title: folded, leading brackets and punctuation dropped ("[Rapport…" sorts under R). */
export function titleKey(title: string): string {
  return foldText(title).replace(/^[^\p{L}\p{N}]+/u, '');
}

export type DocumentFacts = {
  title: string;
  titleKey: string;
  kind: RDocument['meta']['kind'];
  originalLanguage: Lang;
  languages: Lang[];
  symbols: string[];
};

export function documentFacts(doc: RDocument): DocumentFacts {
  const title = displayTitle(doc);
  return {
    title,
    titleKey: titleKey(title),
    kind: doc.meta.kind,
    originalLanguage: doc.meta.originalLanguage,
    languages: languagesOf(doc),
    symbols: [...doc.meta.symbols],
  };
}
