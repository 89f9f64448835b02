/**
 * The checker's rules on a text layer: placeholders left from a template, French and English
 * typography (spaces before « ; : ! ? », straight quotes), dates (./dates.ts), and blocks left
 * empty.
 */
import type { Inline, Lang, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { inlineText } from '../render/text';
import { checkDates } from './dates';
import { excerpt, type Finding, type Layer } from './findings';

type TextUnit = { id: string; partId: string | undefined; content: Inline[] };

/** Every authored text of a layer (part titles, blocks, footnote contents) with where it sits. */
function textUnits(doc: RDocument, lang: Lang): TextUnit[] {
  const layer = doc.text[lang];
  if (!layer) return [];
  const units: TextUnit[] = [];
  const partOf = new Map<string, string>();
  walkDocument(doc, {
    part: (part) => partOf.set(part.id, part.id),
    block: (block, ctx) => partOf.set(block.id, ctx.part.id),
  });
  for (const [id, t] of Object.entries(layer)) units.push({ id, partId: partOf.get(id), content: t.content });
  return units;
}

function plain(content: Inline[]): string {
  let s = '';
  for (const r of content) if (r.type === 'text') s += r.text;
  return s;
}

/** Placeholders left, French and English typography, dates, and empty blocks (in the main layer). */
export function checkTextLayer(doc: RDocument, lang: Lang, out: Finding[], { n, main }: Layer): void {
  const spacingOff = doc.settings.frenchSpacing === 'off';
  for (const unit of textUnits(doc, lang)) {
    const runs: Inline[] = unit.content.flatMap((r) => (r.type === 'footnote' ? [r, ...r.content] : [r]));
    const isPart = unit.partId === unit.id;
    const where = isPart ? { partId: unit.id } : { blockId: unit.id, ...(unit.partId ? { partId: unit.partId } : {}) };

    const placeholders = runs.filter((r): r is Extract<Inline, { type: 'text' }> => r.type === 'text' && r.placeholder === true);
    if (placeholders.length > 0) {
      out.push({ severity: 'error', code: 'placeholder-left', ...where, lang, params: { text: placeholders.map((p) => p.text).join(' … ').slice(0, 120) } });
    }

    const text = plain(runs.filter((r) => r.type === 'text' && r.placeholder !== true));
    if (text === '') continue;
    // URLs and e-mail addresses are exempt from the typography rules.
    const prose = text.replace(/\b(?:https?|ftp|mailto):\S+|\bwww\.\S+|\S+@\S+/g, ' ');

    if (lang === 'fr') {
      const missing = /(\p{L}|\p{N}|[»)\]])([:;!?])(?=\s|$|»)/u.exec(prose);
      if (missing && !(missing[2] === ':' && /\d:\d/.test(prose.slice(missing.index, missing.index + 3)))) {
        out.push({ severity: 'warning', code: 'fr-missing-space', ...where, lang, params: { excerpt: excerpt(prose, missing.index), mark: missing[2]! } });
      }
      if (spacingOff) {
        const ordinary = / [:;!?»]|« /.exec(prose);
        if (ordinary) out.push({ severity: 'warning', code: 'fr-nbsp-missing', ...where, lang, params: { excerpt: excerpt(prose, ordinary.index) } });
      }
    } else {
      const space = /\p{L} ([:;])(?=\s)/u.exec(prose);
      if (space) out.push({ severity: 'warning', code: 'en-space-before-punctuation', ...where, lang, params: { excerpt: excerpt(prose, space.index), mark: space[1]! } });
    }
    const straight = prose.indexOf('"');
    if (straight >= 0) {
      out.push({ severity: 'warning', code: 'straight-quotes', ...where, lang, params: { excerpt: excerpt(prose, straight), expected: lang === 'fr' ? '« »' : '“ ”' } });
    }

    checkDates(prose, lang, where, out);
  }

  // Empty blocks (in the main layer only: a missing translation is not an empty block).
  if (!main) return;
  walkDocument(doc, {
    block: (block, ctx) => {
      if (!['paragraph', 'subparagraph', 'bullet', 'heading', 'participant'].includes(block.kind)) return;
      if (ctx.container?.kind === 'table') return; // empty table cells are normal
      const t = doc.text[lang]?.[block.id];
      const words = t ? inlineText(t.content, n, { footnotes: 'omit' }).trim() : '';
      if (words === '' && !(t?.content.some((r) => r.type === 'text' && r.placeholder === true) ?? false)) {
        out.push({ severity: 'warning', code: 'empty-block', blockId: block.id, partId: ctx.part.id, lang, params: { kind: block.kind } });
      }
    },
  });
}
