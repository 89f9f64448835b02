/**
 * Cross-references render as their target's current label in the document's language:
 * « paragraphe 12 b) », "paragraph 12 (b)", « annexe II », « paragraphes 12 à 15 ».
 * A reference whose target is gone (or has no number) renders as a visible broken marker,
 * never as a wrong number.
 */
import type { Lang, RDocument, Xref } from '../model/schema';
import type { Numbering } from './numbering';
import { BROKEN_MARKER } from '../locale/markers';

export { BROKEN_MARKER };

export type XrefRendering = { text: string; broken: false } | { text: string; broken: true; reason: 'missing' | 'unnumbered' };

const NOUNS: Record<string, Record<Lang, [string, string]>> = {
  paragraph: { fr: ['paragraphe', 'paragraphes'], en: ['paragraph', 'paragraphs'] },
  subparagraph: { fr: ['alinéa', 'alinéas'], en: ['subparagraph', 'subparagraphs'] },
  chapter: { fr: ['chapitre', 'chapitres'], en: ['chapter', 'chapters'] },
  section: { fr: ['section', 'sections'], en: ['section', 'sections'] },
  subsection: { fr: ['section', 'sections'], en: ['section', 'sections'] },
  annex: { fr: ['annexe', 'annexes'], en: ['annex', 'annexes'] },
  enclosure: { fr: ['pièce jointe', 'pièces jointes'], en: ['enclosure', 'enclosures'] },
};

type Resolved = { kind: string; ref: string; partId: string | undefined };

function resolve(n: Numbering, id: string): Resolved | 'missing' | 'unnumbered' {
  const b = n.blocks.get(id);
  if (b) {
    // A subparagraph under a numbered paragraph is cited as the paragraph: « paragraphe 12 b) ».
    const kind = b.kind === 'subparagraph' && /^\d/.test(b.ref) ? 'paragraph' : b.kind;
    return { kind, ref: b.ref, partId: b.partId };
  }
  const p = n.parts.get(id);
  if (p) return { kind: p.kind, ref: p.ref, partId: id };
  return n.partOf.has(id) ? 'unnumbered' : 'missing';
}

/** Lower-case label for a part-heading ("première partie", "part one"). */
function partHeadingRef(ref: string): string {
  return ref.charAt(0).toLowerCase() + ref.slice(1);
}

/**
 * @param fromPartId the part the reference sits in: a reference into another annex is qualified
 *   (« paragraphe 3 de l'annexe I »).
 */
export function renderXref(xref: Xref, n: Numbering, fromPartId?: string): XrefRendering {
  const lang = n.lang;
  const target = resolve(n, xref.target);
  if (typeof target === 'string') return { text: BROKEN_MARKER[lang], broken: true, reason: target };

  let end: Resolved | undefined;
  if (xref.form === 'range' && xref.to !== undefined) {
    const r = resolve(n, xref.to);
    if (typeof r === 'string') return { text: BROKEN_MARKER[lang], broken: true, reason: r };
    end = r;
  }

  if (target.kind === 'part-heading') return { text: partHeadingRef(target.ref), broken: false };

  const nouns = NOUNS[target.kind]?.[lang];
  let text: string;
  if (xref.form === 'number') {
    text = target.ref;
  } else if (end) {
    const [, plural] = nouns ?? ['', ''];
    const sep = lang === 'fr' ? 'à' : 'to';
    text = `${plural} ${target.ref} ${sep} ${end.ref}`.trim();
  } else {
    const [singular] = nouns ?? [''];
    text = target.ref === '' ? singular : `${singular} ${target.ref}`;
  }

  const targetPart = target.partId !== undefined ? n.parts.get(target.partId) : undefined;
  if (xref.form !== 'number' && fromPartId !== undefined && target.partId !== fromPartId && targetPart && target.kind !== 'annex' && target.kind !== 'enclosure') {
    const [partNoun] = NOUNS[targetPart.kind]![lang];
    const qualifier = targetPart.ref === '' ? partNoun : `${partNoun} ${targetPart.ref}`;
    text += lang === 'fr' ? ` de ${targetPart.kind === 'annex' ? "l'" : 'la '}${qualifier}` : ` of ${qualifier}`;
  }
  return { text, broken: false };
}

/** Every cross-reference in a language layer whose target is gone or unnumbered (for the checker). */
export function brokenXrefs(doc: RDocument, n: Numbering): { blockId: string; xref: Xref; reason: 'missing' | 'unnumbered' }[] {
  const out: { blockId: string; xref: Xref; reason: 'missing' | 'unnumbered' }[] = [];
  const layer = doc.text[n.lang];
  if (!layer) return out;
  for (const [blockId, t] of Object.entries(layer)) {
    const runs = t.content.flatMap((r) => (r.type === 'footnote' ? r.content : [r]));
    for (const r of runs) {
      if (r.type !== 'xref') continue;
      const rendered = renderXref(r, n);
      if (rendered.broken) out.push({ blockId, xref: r, reason: rendered.reason });
    }
  }
  return out;
}
