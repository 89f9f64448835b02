/**
 * The blocks stage: what fills a part — labelled blocks (I. chapters, A. sections, 1. paragraphs
 * or subsections, a) / (a) / i) / (i) subparagraphs, bullets), headings from formatting, lists of
 * participants and ordinary paragraphs. `classify` is the one place typed labels become structure;
 * the typed numbers are kept for finish.ts to compare with the numbering engine's.
 */
import type { Block, Part } from '../../model/schema';
import type { SourceParagraph, SourceRun } from '../source';
import { isWholeBold, lineText, runsText } from '../source';
import { canon, DAY_MONTH_START, parseAnnexHeading } from '../phrases';
import { HONORIFIC, readLabel, wordLabel, type Label } from './labels';
import { dropMarks, headingLike, sliceRuns, textOf, words } from './runs';
import { add, countersOf, into, target, unsureAt } from './emit';
import type { Counters, Reading, TypedNumber } from './state';

export const PARTICIPANTS_HEADING = /^(?:Liste des participants|List of participants|Participants|Liste des intervenants|List of speakers)\s*:?$/i;

export function participant(r: Reading, p: SourceParagraph, runs: SourceRun[], text: string, index: number): boolean {
  const entry = (t: string) => words(t) <= 60 && !/[.;:]$/.test(t) && (HONORIFIC.test(t) || (!readLabel(t) && /\([\p{Lu}][^()]*\)$/u.test(t)));
  const next = r.source[index + 1];
  const nextText = next?.type === 'para' ? canon(textOf(next)) : '';
  if (entry(text)) {
    if (!r.participants) {
      r.participantsPending = false;
      r.participants = r.b.participants(target(r));
    }
    add(r, { kind: 'participant' }, runs, r.participants);
    return true;
  }
  if (headingLike(text, 12) && next?.type === 'para' && entry(nextText) && !readLabel(text)) {
    if (r.participants) add(r, { kind: 'heading', level: 'unnumbered' }, dropMarks(runs, 'bold'), r.participants);
    else add(r, { kind: 'paragraph', numbered: false }, runs, target(r));
    return true;
  }
  // Anything else ends the list.
  r.participants = undefined;
  r.participantsPending = false;
  return false;
}

export function ordinary(r: Reading, p: SourceParagraph, runs: SourceRun[], index: number): number {
  const block = classify(r, p, runs, into(r), index);
  if (block && block.kind === 'paragraph' && !block.numbered) {
    r.sourceLinesOf.set(block.id, p.lines.map((l) => canon(lineText(l))).filter((t) => t !== ''));
  }
  return 0;
}

/** Decides what a paragraph is and adds it; the one place labels become structure. */
export function classify(r: Reading, p: SourceParagraph, runs: SourceRun[], into: Part | Block[], index = -1): Block | undefined {
  const part = target(r);
  const c = countersOf(r, part);
  const plain = runsText(runs);
  const typed = readLabel(plain);
  let label: Label | undefined = wordLabel(p);
  let rest = runs;
  let raw = p.numbering?.label ?? '';
  // Four digits ("2016. Le Groupe…") are a number only where paragraph 1000 and more are due.
  const yearLike = typed?.label.kind === 'arabic' && typed.raw.length === 4 && typed.label.value !== c.para + 1;
  if (!label && typed && !yearLike) {
    label = typed.label;
    rest = sliceRuns(runs, typed.rest);
    raw = typed.raw;
    // "- a) …": a bullet marker before a subparagraph label
    if (label.kind === 'bullet') {
      const inner = readLabel(runsText(rest));
      if (inner && inner.label.kind === 'lower') {
        label = inner.label;
        raw = inner.raw;
        rest = sliceRuns(rest, inner.rest);
      }
    }
  }
  const restText = canon(runsText(rest));
  const isHeadingStyle = p.heading !== undefined || p.style !== undefined && /^(?:heading|titre|title)/i.test(p.style);
  const bold = isWholeBold(rest);

  if (label) {
    switch (label.kind) {
      case 'bullet': {
        if (restText === '') return undefined;
        const indent = p.lines[0]?.indent ?? 0;
        let level: 1 | 2 = 1;
        if (p.numbering) level = p.numbering.level > 0 ? 2 : 1;
        else if (r.lastBulletIndent !== undefined && indent >= r.lastBulletIndent + 2) level = 2;
        else r.lastBulletIndent = indent;
        return add(r, level === 2 ? { kind: 'bullet', level: 2 } : { kind: 'bullet' }, rest, into);
      }
      case 'arabic': {
        const expected = c.para + 1;
        const nextAtMost = (v: number) => {
          const next = nextArabic(r, index);
          return next !== undefined && next <= v;
        };
        const heading = isHeadingStyle || (headingLike(restText, 15) && (label.value !== expected || nextAtMost(label.value)));
        if (heading && restText !== '') {
          const block = add(r, { kind: 'heading', level: 'subsection' }, dropMarks(rest, 'bold'), into);
          typedNumber(r, block, 'subsection', label.value, raw, p, restText);
          resetSubs(r, c);
          return block;
        }
        c.para += 1;
        resetSubs(r, c);
        const block = add(r, { kind: 'paragraph', numbered: true }, rest, into);
        typedNumber(r, block, 'paragraph', label.value, raw, p, restText);
        return block;
      }
      case 'upper': {
        // "I." is a chapter unless it continues a run of sections (A. … H., I.).
        const continuesSections = label.letter !== undefined && label.letter === c.section + 1;
        const asSection =
          label.letter !== undefined && (label.roman === undefined || (continuesSections && !(label.roman === c.chapter + 1 && label.letter !== 1 && c.section === 0)));
        if (asSection && (headingLike(restText, 40) || isHeadingStyle || bold)) {
          c.section += 1;
          resetSubs(r, c);
          const block = add(r, { kind: 'heading', level: 'section' }, dropMarks(rest, 'bold'), into);
          typedNumber(r, block, 'section', label.letter!, raw, p, restText);
          return block;
        }
        if (label.roman !== undefined && (headingLike(restText, 40) || isHeadingStyle || bold)) {
          c.chapter += 1;
          c.section = 0;
          resetSubs(r, c);
          const block = add(r, { kind: 'heading', level: 'chapter' }, dropMarks(rest, 'bold'), into);
          typedNumber(r, block, 'chapter', label.roman, raw, p, restText);
          return block;
        }
        const block = add(r, { kind: 'paragraph', numbered: false }, runs, into);
        unsureAt(r, p, plain, `"${raw}." starts a long text: kept as a paragraph with its label`, 'label-starts-long-text', { blockId: block.id, params: { label: `${raw}.` } });
        return block;
      }
      case 'lower': {
        // a) level 1, i) level 2, a. level 3, i. level 4; "i)" after "h)" is a letter.
        let level: 1 | 2 | 3 | 4;
        let value: number;
        const deep = label.style === 'dot';
        const letterContinues = label.letter !== undefined && label.letter === c.sub[deep ? 2 : 0] + 1 && c.sub[deep ? 2 : 0] > 0;
        const romanContinues = label.roman !== undefined && (label.roman === c.sub[deep ? 3 : 1] + 1 || label.roman === 1);
        if (label.letter !== undefined && (label.roman === undefined || letterContinues || (!romanContinues && p.numbering?.format !== 'lowerRoman'))) {
          level = deep ? 3 : 1;
          value = label.letter;
        } else {
          level = deep ? 4 : 2;
          value = label.roman!;
        }
        if (deep && c.sub[1] === 0 && c.sub[0] === 0) level = level === 3 ? 1 : 2; // "a." with no enclosing levels
        if (restText === '') return undefined;
        const subs: number[] = c.sub;
        subs[level - 1] = (subs[level - 1] ?? 0) + 1;
        for (let k = level; k < 4; k++) subs[k] = 0;
        const block = add(r, { kind: 'subparagraph', level }, rest, into);
        typedNumber(r, block, 'subparagraph', value, raw, p, restText);
        return block;
      }
    }
  }

  resetSubs(r, c);
  // Headings from formatting (Markdown "#", Word heading styles, a short bold paragraph)
  const formattedHeading = (isHeadingStyle && words(plain) <= 40) || (bold && headingLike(plain, 25));
  // Without formatting: a short line standing alone, followed by text
  const next = r.source[index + 1];
  const nextIsText = next?.type === 'para' && words(textOf(next)) > 15;
  const guessedHeading = !r.opts.formatted && headingLike(plain, 12) && /^[\p{Lu}]/u.test(plain.trim()) && !DAY_MONTH_START.test(plain.trim()) && !/\d/.test(plain) && nextIsText && !Array.isArray(into);
  if (formattedHeading || guessedHeading) {
    const heading = add(r, { kind: 'heading', level: 'unnumbered' }, dropMarks(runs, 'bold'), into);
    if (guessedHeading && !formattedHeading) unsureAt(r, p, plain.trim(), 'short line taken for an unnumbered heading', 'guessed-heading', { blockId: heading.id });
    return heading;
  }
  return add(r, { kind: 'paragraph', numbered: false }, runs, into);
}

function resetSubs(r: Reading, c: Counters): void {
  c.sub = [0, 0, 0, 0];
  r.lastBulletIndent = undefined;
}

/** Value of the next arabic label in this part (to tell a "1. Heading" from paragraph 1). */
function nextArabic(r: Reading, index: number): number | undefined {
  for (let k = index + 1; k < r.source.length && k < index + 60; k++) {
    const s = r.source[k]!;
    if (s.type !== 'para') continue;
    const t = textOf(s);
    if (parseAnnexHeading(canon(t))) return undefined;
    const w = wordLabel(s);
    const l = w ?? readLabel(t)?.label;
    if (l?.kind === 'arabic') return l.value;
  }
  return undefined;
}

function typedNumber(r: Reading, block: Block, kind: TypedNumber['kind'], value: number, raw: string, p: SourceParagraph, text: string): void {
  r.typed.push({ blockId: block.id, kind, value, raw, line: p.line, text });
}
