/**
 * The numbering engine: one pure, linear pass from (document, language) to the label of every
 * numbered block and part. Nothing else in Rapporteur computes a number.
 *
 * Rules (Editorial Manual, and the seeds):
 * - numbered paragraphs run on across chapters and sections and restart in each part
 *   (a report, each annex, each enclosure);
 * - subparagraphs: level 1–4 labelled a) i) a. i. in French, (a) (i) a. i. in English; a level
 *   restarts after any block that is not a deeper subparagraph;
 * - headings: part ("Part one"), chapter I., section A. (restarts per chapter), subsection 1.
 *   (restarts per section and chapter);
 * - annexes and enclosures are numbered I, II… among their siblings of the same kind, or
 *   unnumbered when a part owns only one;
 * - footnotes are numbered 1, 2… in order of appearance through the whole document.
 */
import type { Block, Lang, Part, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { toLetter, toRoman } from './numerals';
import { partOrdinalWords } from '../locale/numberWords';

export type BlockLabelKind = 'paragraph' | 'subparagraph' | 'part-heading' | 'chapter' | 'section' | 'subsection';

export type BlockLabel = {
  kind: BlockLabelKind;
  /** What is printed before the text: "12.", "a)", "(a)", "I.", "A.", "Première partie". */
  label: string;
  /** How a cross-reference cites it: "12", "12 b)", "12 (b)", "II", "A". */
  ref: string;
  /** The counter value (1-based) at this block's level. */
  value: number;
  /** For subparagraphs: 1–4. */
  level?: number;
  partId: string;
};

export type PartLabel = {
  kind: 'annex' | 'enclosure';
  /** "Annexe I", "Annex", "Pièce jointe", "Enclosure II". */
  label: string;
  /** Roman numeral, or "" when the part is the only one of its kind. */
  ref: string;
  value: number;
  numbered: boolean;
};

export type Numbering = {
  lang: Lang;
  blocks: Map<string, BlockLabel>;
  parts: Map<string, PartLabel>;
  footnotes: Map<string, number>;
  /** Block id → id of its part, for every block (labelled or not). */
  partOf: Map<string, string>;
};

/** Subparagraph label at a level: French a) i) a. i., English (a) (i) a. i. */
export function subparagraphLabel(level: number, value: number, lang: Lang): string {
  const core = level === 1 || level === 3 ? toLetter(value) : toRoman(value).toLowerCase();
  if (level >= 3) return `${core}.`;
  return lang === 'fr' ? `${core})` : `(${core})`;
}

type Counters = {
  paragraph: number;
  /** Ref of the last numbered paragraph, to prefix its subparagraphs' refs ("12 b)"). */
  lastParagraphRef: string | undefined;
  sub: [number, number, number, number];
  subRefs: [string, string, string, string];
  partHeading: number;
  chapter: number;
  section: number;
  subsection: number;
};

function freshCounters(): Counters {
  return {
    paragraph: 0,
    lastParagraphRef: undefined,
    sub: [0, 0, 0, 0],
    subRefs: ['', '', '', ''],
    partHeading: 0,
    chapter: 0,
    section: 0,
    subsection: 0,
  };
}

function resetSubs(c: Counters, fromLevel: number): void {
  for (let i = fromLevel - 1; i < 4; i++) {
    c.sub[i] = 0;
    c.subRefs[i] = '';
  }
}

function countFootnotes(doc: RDocument, lang: Lang, ids: string[], out: Map<string, number>): void {
  const layer = doc.text[lang];
  if (!layer) return;
  for (const id of ids) {
    const t = layer[id];
    if (!t) continue;
    for (const run of t.content) if (run.type === 'footnote') out.set(run.id, out.size + 1);
  }
}

export function numberDocument(doc: RDocument, lang: Lang): Numbering {
  const blocks = new Map<string, BlockLabel>();
  const parts = new Map<string, PartLabel>();
  const footnotes = new Map<string, number>();
  const partOf = new Map<string, string>();
  const counters = new Map<string, Counters>();

  const labelOwnedParts = (owner: Part[]) => {
    for (const kind of ['annex', 'enclosure'] as const) {
      const same = owner.filter((p) => p.kind === kind);
      same.forEach((p, i) => {
        const numbered = same.length > 1;
        const ref = numbered ? toRoman(i + 1) : '';
        const word = kind === 'annex' ? (lang === 'fr' ? 'Annexe' : 'Annex') : lang === 'fr' ? 'Pièce jointe' : 'Enclosure';
        parts.set(p.id, { kind, label: numbered ? `${word} ${ref}` : word, ref, value: i + 1, numbered });
      });
    }
  };
  labelOwnedParts(doc.parts);

  walkDocument(doc, {
    part: (part) => {
      counters.set(part.id, freshCounters());
      labelOwnedParts(part.parts);
      countFootnotes(doc, lang, [part.id], footnotes);
    },
    block: (block: Block, ctx) => {
      partOf.set(block.id, ctx.part.id);
      countFootnotes(doc, lang, [block.id], footnotes);
      const c = counters.get(ctx.part.id)!;
      const partId = ctx.part.id;
      switch (block.kind) {
        case 'paragraph': {
          resetSubs(c, 1);
          if (!block.numbered) {
            c.lastParagraphRef = undefined;
            return;
          }
          c.paragraph += 1;
          const ref = String(c.paragraph);
          c.lastParagraphRef = ref;
          blocks.set(block.id, { kind: 'paragraph', label: `${ref}.`, ref, value: c.paragraph, partId });
          return;
        }
        case 'subparagraph': {
          const i = block.level - 1;
          const value = c.sub[i]! + 1;
          c.sub[i] = value;
          resetSubs(c, block.level + 1);
          const label = subparagraphLabel(block.level, value, lang);
          c.subRefs[i] = label;
          const chain = [c.lastParagraphRef, ...c.subRefs.slice(0, block.level)].filter((s) => s !== undefined && s !== '');
          blocks.set(block.id, { kind: 'subparagraph', label, ref: chain.join(' '), value, level: block.level, partId });
          return;
        }
        case 'heading': {
          resetSubs(c, 1);
          c.lastParagraphRef = undefined;
          switch (block.level) {
            case 'part': {
              c.partHeading += 1;
              c.chapter = 0;
              c.section = 0;
              c.subsection = 0;
              const words = partOrdinalWords(c.partHeading, lang);
              blocks.set(block.id, { kind: 'part-heading', label: words, ref: words, value: c.partHeading, partId });
              return;
            }
            case 'chapter': {
              c.chapter += 1;
              c.section = 0;
              c.subsection = 0;
              const r = toRoman(c.chapter);
              blocks.set(block.id, { kind: 'chapter', label: `${r}.`, ref: r, value: c.chapter, partId });
              return;
            }
            case 'section': {
              c.section += 1;
              c.subsection = 0;
              const l = toLetter(c.section).toUpperCase();
              blocks.set(block.id, { kind: 'section', label: `${l}.`, ref: l, value: c.section, partId });
              return;
            }
            case 'subsection': {
              c.subsection += 1;
              const n = String(c.subsection);
              blocks.set(block.id, { kind: 'subsection', label: `${n}.`, ref: n, value: c.subsection, partId });
              return;
            }
            default:
              return;
          }
        }
        case 'bullet':
        case 'pageBreak':
          // Bullets and page breaks sit inside a run of subparagraphs without ending it.
          return;
        default:
          resetSubs(c, 1);
          return;
      }
    },
  });

  return { lang, blocks, parts, footnotes, partOf };
}
