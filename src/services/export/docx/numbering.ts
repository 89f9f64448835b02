/**
 * Real Word numbering for numbered paragraphs, subparagraphs and chapter/section headings.
 *
 * Definitions: ONE multi-level abstract numbering for paragraphs and their subparagraphs
 * (level 0 "1.", level 1 French "a)" / English "(a)", level 2 "i)" / "(i)", level 3 "a.",
 * level 4 "i."), so Word itself restarts the letters after each numbered paragraph; one for
 * headings (I. / A. / 1.); one for bullets.
 *
 * Instances (the docx library's `instance`: one `w:num` per instance, each with a
 * `lvlOverride/startOverride` of 1 on every level, which is what Word writes for "Restart at 1"):
 * - one paragraph instance per part, so numbering runs on across chapters and restarts in each
 *   annex (docx issues 3037 / 1098 are about restarting; this does not rely on `restart`);
 * - subparagraphs that Word would not number as `numberDocument` does (letters under an
 *   unnumbered paragraph, a run broken by a table…) get a fresh instance of a separate abstract
 *   numbering with the same levels, so they start again at a) without touching the paragraph
 *   counter;
 * - one heading instance per part, and a new one after a "Part one" heading (chapters restart).
 *
 * The planner simulates the counters Word keeps for each instance and checks every predicted
 * number against the label `numberDocument` computed. Whatever it cannot make Word number
 * identically falls back to a typed label, so the DOCX never shows a number the model does not.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx';
import type { Lang } from '../../../core/model/schema';
import type { Layout, LayoutBlock } from '../../../core/render/layout';
import { sizeOf, type Geometry } from './geometry';

export const REF_PARAGRAPHS = 'un-paragraphs';
export const REF_SUBPARAGRAPHS = 'un-subparagraphs';
export const REF_HEADINGS = 'un-headings';
export const REF_BULLETS = 'un-bullets';

export type NumberingRef = { reference: string; level: number; instance: number };
export type BlockNumbering = { kind: 'word'; ref: NumberingRef } | { kind: 'typed'; label: string };

/** One element of a cross-reference's number: "12 b)" is [paragraph 12, subparagraph b)]. */
export type ChainLink = { id: string; token: string };

export type NumberingPlan = {
  /** Numbered blocks (paragraphs, subparagraphs, chapter/section/subsection headings). */
  blocks: Map<string, BlockNumbering>;
  /** For each numbered block: the blocks whose numbers make up its reference, outermost first. */
  chains: Map<string, ChainLink[]>;
  /** How many list instances were used (tests and diagnostics). */
  instances: { paragraphs: number; subparagraphs: number; headings: number };
  /** Numbers Word could not be made to produce, written as typed labels instead. */
  fallbacks: number;
};

// ---------------------------------------------------------------------------------------------
// Definitions

function subFormat(level: number, lang: Lang): { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string } {
  const letters = level === 1 || level === 3;
  const format = letters ? LevelFormat.LOWER_LETTER : LevelFormat.LOWER_ROMAN;
  const n = `%${level + 1}`;
  if (level >= 3) return { format, text: `${n}.` };
  return { format, text: lang === 'fr' ? `${n})` : `(${n})` };
}

/**
 * Paragraph geometry (un-format.md "Paragraphs"): the number stands at the body indent (a
 * subparagraph's label one tab further per level), the text starts one tab later, and wrapped
 * lines come back to the body indent: a first-line indent, not a hanging one.
 */
function paragraphLevels(g: Geometry, lang: Lang): ILevelsOptions[] {
  const levels: ILevelsOptions[] = [
    {
      level: 0,
      format: LevelFormat.DECIMAL,
      text: '%1.',
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: g.bodyLeft, firstLine: 0 }, leftTabStop: g.bodyLeft + g.tab } },
    },
  ];
  for (let level = 1; level <= 4; level++) {
    const f = subFormat(level, lang);
    levels.push({
      level,
      format: f.format,
      text: f.text,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: g.bodyLeft, firstLine: level * g.tab }, leftTabStop: g.bodyLeft + (level + 1) * g.tab } },
    });
  }
  return levels;
}

function headingLevels(g: Geometry): ILevelsOptions[] {
  const st = g.points.style;
  const sizes = [st.chapter, st.section, st.subsection].map(sizeOf);
  const formats = [LevelFormat.UPPER_ROMAN, LevelFormat.UPPER_LETTER, LevelFormat.DECIMAL] as const;
  return formats.map((format, level) => ({
    level,
    format,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: {
      run: { bold: true, size: sizes[level]! },
      paragraph: { indent: { left: g.headingLeft, hanging: g.headingHang }, leftTabStop: g.headingLeft },
    },
  }));
}

function bulletLevels(g: Geometry): ILevelsOptions[] {
  return ['•', '–'].map((text, level) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: {
      run: { font: g.points.font.family },
      paragraph: {
        indent: { left: g.bodyLeft + (level + 1) * g.tab + Math.round(g.tab / 2), hanging: Math.round(g.tab / 2) },
        leftTabStop: g.bodyLeft + (level + 1) * g.tab + Math.round(g.tab / 2),
      },
    },
  }));
}

export function numberingDefinitions(g: Geometry, lang: Lang): INumberingOptions {
  return {
    config: [
      { reference: REF_PARAGRAPHS, levels: paragraphLevels(g, lang) },
      { reference: REF_SUBPARAGRAPHS, levels: paragraphLevels(g, lang) },
      { reference: REF_HEADINGS, levels: headingLevels(g) },
      { reference: REF_BULLETS, levels: bulletLevels(g) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Planning

/** What Word keeps for one `w:num` whose levels all start at 1. */
class Instance {
  private counters = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  constructor(
    readonly reference: string,
    readonly instance: number,
  ) {}
  /** The number Word would give the next paragraph at `level` in this instance. */
  predict(level: number): number {
    return this.counters[level]! + 1;
  }
  /** Records a paragraph at `level`: that level counts on, deeper levels restart. */
  take(level: number): NumberingRef {
    this.counters[level] = this.counters[level]! + 1;
    for (let k = level + 1; k < this.counters.length; k++) this.counters[k] = 0;
    return { reference: this.reference, level, instance: this.instance };
  }
}

const HEADING_LEVEL: Record<string, number> = { chapter: 0, section: 1, subsection: 2 };

export function planNumbering(layout: Layout): NumberingPlan {
  const n = layout.numbering;
  const blocks = new Map<string, BlockNumbering>();
  const chains = new Map<string, ChainLink[]>();
  let orphanCount = 0;
  let headingCount = 0;
  let fallbacks = 0;
  const typed = (id: string, label: string) => {
    fallbacks++;
    blocks.set(id, { kind: 'typed', label });
  };

  layout.parts.forEach((part, partIndex) => {
    const paragraphs = new Instance(REF_PARAGRAPHS, partIndex);
    /** Where the current run of subparagraphs is numbered. */
    let subs: Instance | undefined;
    let headings: Instance | undefined;
    // Ancestry, as numberDocument builds references ("12 b) ii)").
    let lastParagraph: ChainLink | undefined;
    let subLinks: (ChainLink | undefined)[] = [undefined, undefined, undefined, undefined];
    const resetSubs = () => {
      subLinks = [undefined, undefined, undefined, undefined];
    };

    const visit = (block: LayoutBlock) => {
      const label = n.blocks.get(block.id);
      switch (block.type) {
        case 'paragraph': {
          resetSubs();
          if (!block.numbered || !label) {
            lastParagraph = undefined;
            return;
          }
          if (paragraphs.predict(0) === label.value) {
            blocks.set(block.id, { kind: 'word', ref: paragraphs.take(0) });
            subs = paragraphs;
          } else {
            typed(block.id, label.label);
            subs = undefined;
          }
          lastParagraph = { id: block.id, token: label.ref };
          chains.set(block.id, [lastParagraph]);
          return;
        }
        case 'subparagraph': {
          if (!label) return;
          const level = block.level;
          if (!subs || subs.predict(level) !== label.value) {
            subs = new Instance(REF_SUBPARAGRAPHS, ++orphanCount);
          }
          if (subs.predict(level) === label.value) {
            blocks.set(block.id, { kind: 'word', ref: subs.take(level) });
          } else {
            typed(block.id, label.label);
            subs = undefined;
          }
          subLinks[level - 1] = { id: block.id, token: label.label };
          for (let k = level; k < 4; k++) subLinks[k] = undefined;
          const chain = [lastParagraph, ...subLinks.slice(0, level)].filter((l): l is ChainLink => l !== undefined);
          if (chain.map((l) => l.token).join(' ') === label.ref) chains.set(block.id, chain);
          return;
        }
        case 'heading': {
          resetSubs();
          lastParagraph = undefined;
          if (block.level === 'part') {
            headings = undefined; // chapters start again at I. after "Part two"
            if (label) blocks.set(block.id, { kind: 'typed', label: label.label });
            return;
          }
          const level = HEADING_LEVEL[block.level];
          if (level === undefined || !label) return;
          if (!headings || headings.predict(level) !== label.value) headings = new Instance(REF_HEADINGS, ++headingCount);
          if (headings.predict(level) === label.value) blocks.set(block.id, { kind: 'word', ref: headings.take(level) });
          else typed(block.id, label.label);
          chains.set(block.id, [{ id: block.id, token: label.ref }]);
          return;
        }
        case 'bullet':
        case 'pageBreak':
          return;
        case 'table':
          resetSubs();
          block.rows.forEach((r) => r.cells.forEach((c) => c.blocks.forEach(visit)));
          return;
        case 'quote':
        case 'participants':
          resetSubs();
          block.blocks.forEach(visit);
          return;
        default:
          resetSubs();
          return;
      }
    };
    part.blocks.forEach(visit);
  });

  return { blocks, chains, instances: { paragraphs: layout.parts.length, subparagraphs: orphanCount, headings: headingCount }, fallbacks };
}
