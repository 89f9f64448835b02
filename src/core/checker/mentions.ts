/**
 * The checker's rules on annexes and enclosures announced in the text ("annexes I à III", « voir
 * annexe », "two enclosures", « ci-annexé »): announced but missing, counted wrongly, or present
 * and never mentioned.
 */
import type { Lang, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { fromRoman } from '../numbering/numerals';
import { inlineText } from '../render/text';
import type { Finding, Layer } from './findings';

type Mention = {
  blockId: string;
  /** Roman numerals cited ("annexe II", "annexes I à III"). */
  numbers: number[];
  /** Cited without a number: "voir annexe", "ses annexes". */
  unnumbered: 'singular' | 'plural' | undefined;
  /** A count in words: "deux annexes", "two annexes". */
  count: number | undefined;
  /** An explicit pointer: « voir annexe », "see annex". */
  pointer: boolean;
  text: string;
};

const COUNT_WORDS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10,
};

const NOUNS = {
  annex: { fr: '[Aa]nnexes?', en: '[Aa]nnex(?:es)?' },
  enclosure: { fr: '[Pp]i[eè]ces?\\s+jointes?', en: '[Ee]nclosures?' },
} as const;

/** "annexe II de la résolution 2250": another document's annex, not this one's. */
const OTHER_DOCUMENT = /^\s*(?:[IVXLC]+\s*)?(?:de la résolution|du rapport|du document|de la décision|of (?:the )?(?:resolution|report|document|decision)|to (?:resolution|the report|document))/i;

function findMentions(text: string, blockId: string, kind: 'annex' | 'enclosure', lang: Lang): Mention[] {
  const mentions: Mention[] = [];
  const noun = NOUNS[kind][lang];
  // Case matters for the numerals (« annexe I », not « annexe, i.e. »), so no "i" flag.
  const re = new RegExp(`(?:(\\p{L}+)\\s+)?(?<![\\p{L}-])(${noun})(?!\\p{L})((?:\\s*(?:,|et|à|and|to|-|–)?\\s*[IVXLC]+(?![\\p{L}\\p{N}]))*)`, 'gu');
  for (const m of text.matchAll(re)) {
    const after = text.slice(m.index + m[0].length);
    if (OTHER_DOCUMENT.test(after)) continue;
    const word = m[2]!;
    const plural = /s$/i.test(word.split(/\s+/)[0]!) || /jointes$/i.test(word);
    const numerals = [...(m[3] ?? '').matchAll(/([IVXLC]+)|(à|to|-|–)/g)];
    const numbers: number[] = [];
    let range = false;
    for (const x of numerals) {
      if (x[2] !== undefined) {
        range = true;
        continue;
      }
      const v = fromRoman(x[1]!);
      if (v === undefined) continue;
      if (range && numbers.length > 0) for (let k = numbers[numbers.length - 1]! + 1; k < v; k++) numbers.push(k);
      numbers.push(v);
      range = false;
    }
    const before = (m[1] ?? '').toLowerCase();
    const before2 = text.slice(Math.max(0, m.index - 12), m.index + (m[1]?.length ?? 0)).toLowerCase();
    mentions.push({
      blockId,
      numbers,
      unnumbered: numbers.length > 0 ? undefined : plural ? 'plural' : 'singular',
      count: COUNT_WORDS[before],
      pointer: /\b(voir|see|cf\.?)\b/.test(before2),
      text: `${COUNT_WORDS[before] !== undefined ? `${m[1]} ` : ''}${m[2]}${m[3] ?? ''}`.trim(),
    });
  }
  if (kind === 'annex') {
    // « ci-annexé », "annexed": an unnumbered announcement.
    for (const m of text.matchAll(/(?<!\p{L})([Cc]i-annexée?s?|annexed)(?!\p{L})/gu)) {
      mentions.push({ blockId, numbers: [], unnumbered: /s$/i.test(m[1]!) ? 'plural' : 'singular', count: undefined, pointer: false, text: m[0] });
    }
  }
  return mentions;
}

/** Annexes and enclosures the text announces and the document lacks, or carries unannounced. */
export function checkAnnexMentions(doc: RDocument, lang: Lang, out: Finding[], { n }: Layer): void {
  const layer = doc.text[lang];
  if (!layer) return;
  // Each part's own words: its blocks (containers' children included), not its annexes'.
  const unitsOf = new Map<string, { id: string; text: string }[]>();
  walkDocument(doc, {
    block: (b, ctx) => {
      const t = layer[b.id];
      if (!t) return;
      const units = unitsOf.get(ctx.part.id) ?? [];
      units.push({ id: b.id, text: inlineText(t.content, n, { fromPartId: ctx.part.id }) });
      unitsOf.set(ctx.part.id, units);
    },
  });
  walkDocument(doc, {
    part: (part) => {
      const units = unitsOf.get(part.id) ?? [];
      const closingOverrides = part.blocks
        .filter((b) => b.kind === 'closing')
        .map((b) => ({ id: b.id, text: doc.overrides[`closing:${b.id}`]?.[lang] }))
        .filter((x): x is { id: string; text: string } => x.text !== undefined);

      for (const kind of ['annex', 'enclosure'] as const) {
        const owned = part.parts.filter((p) => p.kind === kind);
        const mentions = units.flatMap((u) => findMentions(u.text, u.id, kind, lang));
        const closingMentions = closingOverrides.flatMap((u) => findMentions(u.text, u.id, kind, lang));
        const count = owned.length;
        const missingCode = kind === 'annex' ? 'annex-announced-missing' : 'enclosure-announced-missing';

        for (const m of mentions) {
          if (count === 0) {
            out.push({ severity: m.pointer ? 'error' : 'warning', code: missingCode, blockId: m.blockId, partId: part.id, lang, params: { mention: m.text } });
            continue;
          }
          for (const k of m.numbers) {
            if (k > count) out.push({ severity: 'error', code: missingCode, blockId: m.blockId, partId: part.id, lang, params: { mention: m.text } });
          }
          if (kind !== 'annex') continue;
          const mentioned =
            m.count ?? (m.numbers.length > 0 ? Math.max(...m.numbers) : m.unnumbered === 'plural' ? undefined : 1);
          const numberedButSingle = count === 1 && m.numbers.length > 0;
          const singularButSeveral = count > 1 && m.unnumbered === 'singular' && m.count === undefined;
          const pluralButSingle = count === 1 && m.unnumbered === 'plural';
          const countDiffers = m.count !== undefined && m.count !== count;
          if (numberedButSingle || singularButSeveral || pluralButSingle || countDiffers) {
            out.push({ severity: 'warning', code: 'annex-count-mismatch', blockId: m.blockId, partId: part.id, lang, params: { mention: m.text, mentioned: mentioned ?? 'plural', actual: count, count } });
          }
        }
        for (const m of closingMentions) {
          if (kind !== 'annex') continue;
          const pluralButSingle = count === 1 && m.unnumbered === 'plural';
          const singularButSeveral = count > 1 && m.unnumbered === 'singular';
          if (count === 0 || pluralButSingle || singularButSeveral) {
            out.push({ severity: 'warning', code: 'annex-count-mismatch', blockId: m.blockId, partId: part.id, lang, params: { mention: m.text, mentioned: m.unnumbered === 'plural' ? 'plural' : 1, actual: count, count } });
          }
        }

        // Present but never mentioned: a letter or report should announce what it carries.
        if (count === 0 || units.length === 0) continue;
        const anyUnnumbered = mentions.some((m) => m.unnumbered !== undefined || m.count !== undefined);
        const cited = new Set(mentions.flatMap((m) => m.numbers));
        owned.forEach((p, i) => {
          const mentionedHere = count === 1 ? mentions.length > 0 : anyUnnumbered || cited.has(i + 1);
          if (!mentionedHere) {
            out.push({
              severity: 'warning',
              code: kind === 'annex' ? 'annex-not-mentioned' : 'enclosure-not-mentioned',
              partId: p.id,
              lang,
              params: { label: n.parts.get(p.id)?.label ?? '' },
            });
          }
        });
      }
    },
  });
}
