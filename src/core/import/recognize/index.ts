/**
 * The structure recogniser: source paragraphs (from text or DOCX) → a Rapporteur document.
 *
 * One pass over the paragraphs with a little lookahead, in this order of precedence:
 * masthead lines → letter / statement titles → annex and enclosure headings (with their
 * « [Original : …] » and titles) → closing request, signature blocks, statement opening and
 * quotation → labelled blocks (I. chapters, A. sections, 1. paragraphs or subsections,
 * a) / (a) / i) / (i) subparagraphs, bullets) → lists of participants, tables → headings from
 * formatting → ordinary paragraphs. Typed numbers become structure and are then dropped: the
 * numbering engine renumbers the document, and every number that comes out different from the
 * source is reported. Whatever is not recognised stays an ordinary paragraph: no text is lost.
 *
 * Generated text (the letter title, annex headings, the closing request, the opening formula,
 * signature lines) is read back into metadata; wherever the metadata does not regenerate the
 * source word for word, the source wording is kept as an override.
 */
import type { Block, Inline, Lang, Meta, Organ, Part, Person, Session } from '../../model/schema';
import { DocumentBuilder, sequentialIds, type IdGenerator } from '../../model/builder';
import { parseSymbol } from '../../symbols/symbol';
import type { DroppedItem, SourceBlock, SourceParagraph, SourceRun, SourceTable, UnsureCode, UnsureItem } from '../source';
import { isWholeBold, lineText, mergeRuns, paragraphRuns, runsText } from '../source';
import { cleanText } from '../text';
import { HONORIFIC, readLabel, wordLabel, type Label } from './labels';
import { detectLanguage, dropMarks, headingLike, sample, sliceRuns, sliceRunsEnd, STRONG_TERMINAL, textOf, words } from './runs';

import {
  canon,
  DAY_MONTH_START,
  looksLikeClosing,
  looksLikeLetterTitle,
  looksLikeOpening,
  looksLikeStatementTitle,
  parseAnnexHeading,
  parseLetterTitle,
  parseMastheadLine,
  parseOpening,
  parseOriginalMarker,
  isTitleLine,
  roleFromTitleLines,
  SIGNED,
  type MastheadLine,
  type ParsedTitle,
} from '../phrases';
import { finish } from './finish';
import { BODY_TYPES, type Generated, type ImportResult, type Signatory, type TypedNumber } from './state';

export type { ImportReport, ImportResult } from './state';

export type RecognizeOptions = {
  /** The document's language; detected from the text when absent. */
  lang?: Lang;
  /** True when the source carries formatting (bold, heading styles): headings are then taken from it only. */
  formatted: boolean;
  dropped?: DroppedItem[];
  warnings?: string[];
  ids?: IdGenerator;
  /**
   * A fragment of a document (text pasted into the editor), not a whole one: no masthead,
   * titles, annex headings, letter closing, signatures or statement framing are looked for;
   * typed labels, headings, lists and tables are recognised as everywhere else.
   */
  fragment?: boolean;
};

// ---------------------------------------------------------------------------------------------

type Counters = { para: number; chapter: number; section: number; sub: [number, number, number, number] };

const PARTICIPANTS_HEADING = /^(?:Liste des participants|List of participants|Participants|Liste des intervenants|List of speakers)\s*:?$/i;

class Recognizer {
  readonly b: DocumentBuilder;
  readonly lang: Lang;
  readonly unsure: UnsureItem[] = [];
  readonly warnings: string[];
  readonly dropped: DroppedItem[];

  private letter: Part | undefined;
  private current: Part | undefined;
  private body: Part | undefined;
  private counters = new Map<string, Counters>();
  private typed: TypedNumber[] = [];
  private generated: Generated[] = [];
  private signatories: Signatory[] = [];
  private titleInfo: ParsedTitle | undefined;
  private letterTitleSeen = false;
  private statement = false;
  private meta: Partial<Meta> & { organs: Organ[]; symbols: string[]; sessions: Session[] } = { organs: [], symbols: [], sessions: [] };
  private versionLanguage: Lang | 'other' | undefined;
  private awaitingTitle: Part | undefined;
  private afterSignature = false;
  private quote: { blocks: Block[]; open: boolean } | undefined;
  private participants: Block[] | undefined;
  private lastBulletIndent: number | undefined;
  private footnoteCount = 0;
  private closingSource: string | undefined;

  constructor(
    public source: SourceBlock[],
    readonly opts: RecognizeOptions,
  ) {
    this.lang = opts.lang ?? detectLanguage(sample(source));
    const placeholderMeta: Meta = {
      kind: 'letter',
      originalLanguage: this.lang,
      symbols: [],
      organs: ['SC'],
      distribution: 'general',
      sessions: [],
      addressees: [],
      people: [],
    };
    this.b = new DocumentBuilder(placeholderMeta, this.lang, opts.ids ?? sequentialIds());
    this.warnings = [...(opts.warnings ?? [])];
    this.dropped = [...(opts.dropped ?? [])];
  }

  // -------------------------------------------------------------------------------------------

  run(): ImportResult {
    this.unwrapMastheadTables();
    let i = this.masthead();
    // The recogniser only looks ahead: each block is let go once read, so the source does not
    // stay alive whole beside the document being built (100,000 paragraphs: about 40 MB).
    this.source.fill(READ, 0, i);
    for (; i < this.source.length; i++) {
      const from = i;
      const block = this.source[i]!;
      if (block.type === 'table') this.table(block);
      else i += this.paragraph(block, i);
      this.source.fill(READ, from, i + 1);
    }
    return finish({
      b: this.b,
      lang: this.lang,
      unsure: this.unsure,
      warnings: this.warnings,
      dropped: this.dropped,
      letter: this.letter,
      typed: this.typed,
      generated: this.generated,
      signatories: this.signatories,
      titleInfo: this.titleInfo,
      statement: this.statement,
      meta: this.meta,
      versionLanguage: this.versionLanguage,
      closingSource: this.closingSource,
    });
  }

  private unsureAt(p: SourceParagraph | undefined, text: string, reason: string, code: UnsureCode, place: { blockId?: string; partId?: string; params?: Record<string, string | number> } = {}): void {
    const short = text.length > 90 ? `${text.slice(0, 90)}…` : text;
    this.unsure.push({ ...(p?.line !== undefined ? { line: p.line } : {}), text: short, reason, code, ...place });
  }

  private countersOf(part: Part): Counters {
    let c = this.counters.get(part.id);
    if (!c) {
      c = { para: 0, chapter: 0, section: 0, sub: [0, 0, 0, 0] };
      this.counters.set(part.id, c);
    }
    return c;
  }

  /** The part blocks go into: the current one, or a body part created on first use. */
  private target(): Part {
    if (!this.current) {
      this.body = this.b.part('body', { bodyType: 'other' });
      this.current = this.body;
    }
    return this.current;
  }

  private into(): Part | Block[] {
    if (this.participants) return this.participants;
    if (this.quote) return this.quote.blocks;
    return this.target();
  }

  private inlines(runs: SourceRun[]): Inline[] {
    const merged = mergeRuns(runs.map((r) => (r.type === 'text' ? { ...r, text: cleanText(r.text) } : r)));
    // trim the outer whitespace and collapse the joins between runs
    const out: Inline[] = [];
    for (const r of merged) {
      if (r.type === 'footnote') {
        const content = mergeRuns(r.content.map((c) => ({ ...c, text: cleanText(c.text) })))
          .filter((c): c is Extract<SourceRun, { type: 'text' }> => c.type === 'text')
          .map((c) => (c.marks && c.marks.length > 0 ? { type: 'text' as const, text: c.text, marks: c.marks } : { type: 'text' as const, text: c.text }));
        if (content.length > 0) {
          content[0] = { ...content[0]!, text: content[0]!.text.trimStart() };
          const last = content.length - 1;
          content[last] = { ...content[last]!, text: content[last]!.text.trimEnd() };
        }
        out.push({ type: 'footnote', id: `fn${++this.footnoteCount}`, content });
        continue;
      }
      const prev = out[out.length - 1];
      let text = r.text;
      if (prev && prev.type === 'text' && prev.text.endsWith(' ')) text = text.replace(/^ +/, '');
      out.push(r.marks && r.marks.length > 0 ? { type: 'text', text, marks: r.marks } : { type: 'text', text });
    }
    while (out.length > 0) {
      const first = out[0]!;
      if (first.type !== 'text') break;
      const t = first.text.trimStart();
      if (t === '') out.shift();
      else {
        out[0] = { ...first, text: t };
        break;
      }
    }
    while (out.length > 0) {
      const last = out[out.length - 1]!;
      if (last.type !== 'text') break;
      const t = last.text.trimEnd();
      if (t === '') out.pop();
      else {
        out[out.length - 1] = { ...last, text: t };
        break;
      }
    }
    return out.filter((r) => r.type !== 'text' || r.text !== '');
  }

  private add(block: Parameters<DocumentBuilder['add']>[1], runs: SourceRun[] | undefined, into: Part | Block[] = this.into()): Block {
    const b = this.b.add(into, block);
    if (runs) {
      const content = this.inlines(runs);
      if (content.length > 0) this.b.setText(b.id, content);
    }
    return b;
  }

  // -------------------------------------------------------------------------------------------
  // Masthead

  private isSymbol = (s: string): string[] | undefined => {
    if (!/^[A-Z]{1,6}\//.test(s) || /\s{2,}/.test(s)) return undefined;
    const parsed = parseSymbol(s);
    return parsed.ok ? parsed.symbols.map((x) => x.text) : undefined;
  };

  /**
   * Word mastheads are often laid out in tables (UN emblem, "United Nations", symbol; organ,
   * distribution, date; the session columns of a joint document). Leading tables whose cells
   * hold only masthead lines are read as the paragraphs they contain.
   */
  private unwrapMastheadTables(): void {
    const out: SourceBlock[] = [];
    let k = 0;
    for (; k < this.source.length; k++) {
      const b = this.source[k]!;
      if (b.type === 'para') {
        if (runsText(paragraphRuns(b)).trim() !== '' && !parseMastheadLine(textOf(b), this.isSymbol)) break;
        out.push(b);
        continue;
      }
      const paras = b.rows.flatMap((r) => r.flat());
      const texts = paras.map((p) => canon(textOf(p))).filter((t) => t !== '');
      const masthead = texts.filter((t) => parseMastheadLine(t, this.isSymbol) !== undefined).length;
      const rest = texts.filter((t) => parseMastheadLine(t, this.isSymbol) === undefined);
      if (masthead === 0 || rest.some((t) => words(t) > 40 || looksLikeLetterTitle(t) || /[.;]$/.test(t))) break;
      out.push(...paras);
    }
    if (out.some((b, j) => b !== this.source[j])) this.source = [...out, ...this.source.slice(k)];
  }

  /** Consumes the masthead paragraphs at the start; returns the index of the first other block. */
  private masthead(): number {
    if (this.opts.fragment) return 0;
    let i = 0;
    let agendaOpen: { numbers: number[]; titles: string[] } | undefined;
    const lines: MastheadLine[] = [];
    for (; i < this.source.length; i++) {
      const p = this.source[i]!;
      if (p.type !== 'para') break;
      const texts = p.lines.map(lineText).map((t) => t.trim()).filter((t) => t !== '');
      const whole = runsText(paragraphRuns(p));
      if (looksLikeLetterTitle(whole) || looksLikeStatementTitle(whole) || parseAnnexHeading(whole)) break;
      const parsed = texts.map((t) => parseMastheadLine(t, this.isSymbol));
      if (parsed.every((x) => x !== undefined)) {
        for (const x of parsed.flat()) {
          if (x.kind === 'agenda') agendaOpen = { numbers: x.numbers, titles: [] };
          else if (x.kind === 'organs' || x.kind === 'session') agendaOpen = agendaOpen && agendaOpen.titles.length > 0 ? this.closeAgenda(agendaOpen) : agendaOpen;
          lines.push(x);
        }
        continue;
      }
      // Lines after an agenda-item line are the items' titles (until the next organ or session line).
      if (agendaOpen) {
        let k = 0;
        const ownTitle: string[] = [];
        for (; k < texts.length; k++) {
          const x = parsed[k];
          if (x) break;
          ownTitle.push(texts[k]!);
        }
        const firstParsedIsAgenda = parsed[0]?.some((x) => x.kind === 'agenda');
        if (k > 0 || firstParsedIsAgenda) {
          // Either the title lines open this paragraph, or the agenda line opens it and titles follow.
          if (firstParsedIsAgenda) {
            for (const x of parsed[0]!) lines.push(x);
            agendaOpen = { numbers: (parsed[0]!.find((x) => x.kind === 'agenda') as { numbers: number[] }).numbers, titles: [] };
            const rest = texts.slice(1);
            if (rest.every((_, j) => parsed[j + 1] === undefined)) {
              agendaOpen.titles.push(canon(rest.join(' ')));
              continue;
            }
            break;
          }
          if (k === texts.length && words(whole) <= 40) {
            agendaOpen.titles.push(canon(ownTitle.join(' ')));
            continue;
          }
        }
      }
      // A paragraph mixing masthead lines and title lines after an agenda line ("Points 10 et 33…\n**Rapport…**").
      const firstAgenda = parsed.findIndex((x) => x?.some((y) => y.kind === 'agenda'));
      if (firstAgenda >= 0 && parsed.slice(0, firstAgenda + 1).every((x) => x !== undefined)) {
        for (const x of parsed.slice(0, firstAgenda + 1).flat()) lines.push(x!);
        agendaOpen = { numbers: (parsed[firstAgenda]!.find((x) => x.kind === 'agenda') as { numbers: number[] }).numbers, titles: [] };
        const rest = texts.slice(firstAgenda + 1);
        if (rest.length > 0 && rest.every((_, j) => parsed[firstAgenda + 1 + j] === undefined)) {
          agendaOpen.titles.push(canon(rest.join(' ')));
          continue;
        }
      }
      break;
    }
    if (agendaOpen) this.closeAgenda(agendaOpen);
    this.applyMasthead(lines);
    return i;
  }

  private agendaTitles: { numbers: number[]; titles: string[] }[] = [];
  private closeAgenda(a: { numbers: number[]; titles: string[] }): undefined {
    this.agendaTitles.push(a);
    return undefined;
  }

  private applyMasthead(lines: MastheadLine[]): void {
    let gaSession: Extract<Session, { organ: 'GA' }> | undefined;
    let lastOrgan: Organ | undefined;
    for (const l of lines) {
      switch (l.kind) {
        case 'organs':
          for (const o of l.organs) if (!this.meta.organs.includes(o)) this.meta.organs.push(o);
          lastOrgan = l.organs[l.organs.length - 1];
          break;
        case 'distribution':
          this.meta.distribution = l.value;
          break;
        case 'date':
          this.meta.issueDate ??= l.iso;
          break;
        case 'version':
          this.versionLanguage = l.lang;
          break;
        case 'original':
          if (l.lang === 'other') this.warnings.push(`the original language (${l.word}) is neither French nor English; recorded as ${this.lang === 'fr' ? 'French' : 'English'}`);
          else this.meta.originalLanguage = l.lang;
          break;
        case 'symbol':
          if (!this.meta.symbols.includes(l.text)) this.meta.symbols.push(l.text);
          break;
        case 'session':
          if (l.session !== undefined) {
            gaSession = { organ: 'GA', session: l.session, agendaItems: [] };
            this.meta.sessions.push(gaSession);
          } else if (l.year !== undefined && lastOrgan !== 'GA') {
            this.meta.sessions.push({ organ: 'SC', year: l.year });
          } else if (l.year !== undefined) {
            this.meta.sessions.push({ organ: 'SC', year: l.year });
          }
          break;
        case 'agenda':
          if (gaSession) for (const n of l.numbers) gaSession.agendaItems.push({ number: n });
          else this.warnings.push(`agenda item(s) ${l.numbers.join(', ')} without a General Assembly session line; not recorded in the masthead`);
          break;
        default:
          break;
      }
    }
    // Item titles, in order, to the items of the session.
    const ga = this.meta.sessions.find((s): s is Extract<Session, { organ: 'GA' }> => s.organ === 'GA');
    for (const a of this.agendaTitles) {
      if (!ga) break;
      const items = ga.agendaItems.filter((x) => a.numbers.includes(x.number));
      const titles = [...a.titles];
      if (titles.length > items.length && items.length > 0) {
        const extra = titles.splice(items.length - 1).join(' ');
        titles.push(extra);
      }
      items.forEach((item, k) => {
        if (titles[k]) item.title = { [this.lang]: titles[k] };
      });
      if (items.length === 0 && titles.length > 0) this.warnings.push(`agenda item titles without item numbers: ${titles.join(' / ')}`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Paragraphs

  /** Handles one source paragraph; returns how many following source blocks it consumed too. */
  private paragraph(p: SourceParagraph, index: number): number {
    const runs = paragraphRuns(p);
    const text = canon(runsText(runs));
    if (text === '') {
      if (runs.some((r) => r.type === 'footnote')) this.add({ kind: 'paragraph', numbered: false }, runs);
      return 0;
    }

    if (this.opts.fragment) return this.ordinary(p, runs, index);

    // Titles that start a part
    if (!this.letterTitleSeen && looksLikeLetterTitle(text)) return this.letterTitle(p, text);
    if (!this.statement && looksLikeStatementTitle(text)) return this.statementTitle(p, text);
    const annex = parseAnnexHeading(text);
    if (annex && (p.heading !== undefined || isWholeBold(runs) || words(text) <= 4 || annex.toLetter)) return this.annexHeading(p, text, annex);

    // Just after an annex or enclosure heading: its « [Original : …] » and its title
    if (this.awaitingTitle) {
      const part = this.awaitingTitle;
      const original = parseOriginalMarker(text);
      if (original !== undefined) {
        if (original === 'other') this.warnings.push(`annex original language "${text}" is neither French nor English; not recorded`);
        else part.originalLanguage = original;
        return 0;
      }
      this.awaitingTitle = undefined;
      if (!readLabel(runsText(runs)) && !p.numbering && headingLike(text, 40) && !this.isSignatureParagraph(p)) {
        this.b.setText(part.id, this.inlines(dropMarks(runs, 'bold')));
        return 0;
      }
    }

    // Letter: closing request and signature
    if (this.isSignatureParagraph(p)) return this.signature(p);
    if (this.signatoryTitleAfter(text)) return 0;
    if (this.current && this.current === this.letter && looksLikeClosing(text)) {
      const block = this.add({ kind: 'closing' }, undefined);
      this.generated.push({ key: `closing:${block.id}`, source: text, line: p.line, what: 'closing request' });
      this.closingSource = text;
      return 0;
    }
    if (this.afterSignature) {
      // The letter is over: what follows is the text it transmits (seed 000's report).
      this.afterSignature = false;
      if (this.current === this.letter) {
        const title = headingLike(text, 60) && !readLabel(runsText(runs)) && !p.numbering;
        const bodyType = BODY_TYPES.find(([re]) => re.test(text))?.[1] ?? 'other';
        this.body = this.b.part('body', { bodyType, ...(title ? { title: this.inlines(dropMarks(runs, 'bold')) } : {}) });
        this.current = this.body;
        if (title) return 0;
      }
    }

    // Presidential statement: opening formula, then the statement in quotation marks
    if (looksLikeOpening(text) && !this.quote) return this.opening(p, text);
    if (this.statement && this.quote?.open === false && /^[«“"]/.test(text)) this.quote.open = true;
    if (this.statement && this.quote === undefined && /^[«“"]/.test(text) && this.current) {
      const blocks = this.b.quote(this.current);
      this.quote = { blocks, open: true };
    }
    if (this.quote?.open) return this.quoted(p, runs, text);

    // First paragraph of a document without letter: its title
    if (!this.current && !this.letterTitleSeen && headingLike(text, 40) && !readLabel(runsText(runs)) && !p.numbering) {
      const bodyType = BODY_TYPES.find(([re]) => re.test(text))?.[1] ?? 'other';
      this.body = this.b.part('body', { bodyType, title: this.inlines(dropMarks(runs, 'bold')) });
      this.current = this.body;
      return 0;
    }

    // Lists of participants
    if (PARTICIPANTS_HEADING.test(text)) {
      this.participants = undefined;
      this.add({ kind: 'heading', level: 'unnumbered' }, dropMarks(runs, 'bold'));
      this.participantsPending = true;
      return 0;
    }
    if (this.participantsPending || this.participants) {
      const handled = this.participant(p, runs, text, index);
      if (handled) return 0;
    }

    // A table flattened by PDF extraction: a row of column heads, then rows starting with a date
    if (!this.opts.formatted) {
      const consumed = this.flatTable(p, index);
      if (consumed > 0) return consumed - 1;
    }

    return this.ordinary(p, runs, index);
  }

  private participantsPending = false;

  private participant(p: SourceParagraph, runs: SourceRun[], text: string, index: number): boolean {
    const entry = (t: string) => words(t) <= 60 && !/[.;:]$/.test(t) && (HONORIFIC.test(t) || (!readLabel(t) && /\([\p{Lu}][^()]*\)$/u.test(t)));
    const next = this.source[index + 1];
    const nextText = next?.type === 'para' ? canon(textOf(next)) : '';
    if (entry(text)) {
      if (!this.participants) {
        this.participantsPending = false;
        this.participants = this.b.participants(this.target());
      }
      this.add({ kind: 'participant' }, runs, this.participants);
      return true;
    }
    if (headingLike(text, 12) && next?.type === 'para' && entry(nextText) && !readLabel(text)) {
      if (this.participants) this.add({ kind: 'heading', level: 'unnumbered' }, dropMarks(runs, 'bold'), this.participants);
      else this.add({ kind: 'paragraph', numbered: false }, runs, this.target());
      return true;
    }
    // Anything else ends the list.
    this.participants = undefined;
    this.participantsPending = false;
    return false;
  }

  // -------------------------------------------------------------------------------------------

  private letterTitle(p: SourceParagraph, text: string): number {
    this.letterTitleSeen = true;
    this.letter = this.b.part('letter');
    this.current = this.letter;
    this.awaitingTitle = undefined;
    const parsed = parseLetterTitle(text);
    if (!parsed) {
      this.unsureAt(p, text, 'letter title not understood: kept as written', 'title-not-understood', { partId: this.letter.id });
    } else {
      this.titleInfo = parsed;
      if (parsed.sender.unsure) this.unsureAt(p, text, parsed.sender.unsure, 'sender-not-recognised', { partId: this.letter.id });
      if (parsed.letterDate === undefined) this.unsureAt(p, text, 'no date found in the letter title', 'title-without-date', { partId: this.letter.id });
    }
    this.generated.push({ key: `title:${this.letter.id}`, source: text, line: p.line, what: 'letter title' });
    return 0;
  }

  private statementTitle(p: SourceParagraph, text: string): number {
    this.statement = true;
    this.body = this.b.part('body', { bodyType: 'statement' });
    this.current = this.body;
    this.generated.push({ key: `title:${this.body.id}`, source: text, line: p.line, what: 'statement title' });
    if (/de la Présidente/.test(text)) this.statementPresidentGender = 'f';
    return 0;
  }

  private statementPresidentGender: 'm' | 'f' | undefined;

  private opening(p: SourceParagraph, text: string): number {
    this.statement = true;
    if (!this.current || this.current === this.letter) {
      this.body = this.b.part('body', { bodyType: 'statement' });
      this.current = this.body;
    }
    const block = this.add({ kind: 'opening' }, undefined, this.current);
    const parsed = parseOpening(text);
    if (parsed && parsed.date) {
      this.meta.meeting = { number: parsed.number, date: parsed.date, item: { [parsed.lang]: parsed.item }, presidentGender: this.statementPresidentGender ?? parsed.presidentGender };
    } else {
      this.unsureAt(p, text, 'statement opening not understood: kept as written', 'opening-not-understood', { blockId: block.id });
    }
    this.generated.push({ key: `opening:${block.id}`, source: text, line: p.line, what: 'statement opening' });
    this.quote = { blocks: this.b.quote(this.current), open: false };
    return 0;
  }

  private quoted(p: SourceParagraph, runs: SourceRun[], text: string): number {
    let r = runs;
    const first = this.quote!.blocks.length === 0;
    if (first) {
      const lead = /^\s*[«“"]\s*/.exec(runsText(r));
      if (lead) r = sliceRuns(r, lead[0].length);
    }
    // The quotation closes on the paragraph that ends with its closing mark (and no unclosed « of its own).
    const closing = /\s*[»”"]\s*([.;]?)\s*$/.exec(runsText(r));
    const balanced = (canon(text).match(/«/g) ?? []).length <= (canon(text).match(/»/g) ?? []).length;
    if (closing && (balanced || /[”"]\s*[.;]?\s*$/.test(text))) {
      const all = runsText(r);
      const cut = all.length - closing[0].length;
      r = [...sliceRunsEnd(r, cut), ...(closing[1] ? [{ type: 'text' as const, text: closing[1] }] : [])];
      this.classify(p, r, this.quote!.blocks);
      this.quote = undefined;
      return 0;
    }
    this.classify(p, r, this.quote!.blocks);
    return 0;
  }

  private annexHeading(p: SourceParagraph, text: string, a: { kind: 'annex' | 'enclosure'; number?: number; toLetter: boolean }): number {
    this.quote = undefined;
    this.participants = undefined;
    this.participantsPending = false;
    this.afterSignature = false;
    // « Annexe à la lettre » belongs to the letter; a plain « Annexe » to the text being read
    // (seed 000's annex belongs to the report); an enclosure to the letter when there is one.
    let owner: Part | undefined;
    if (a.kind === 'annex') owner = a.toLetter ? this.letter : (this.body ?? this.letter);
    else owner = this.letter ?? this.body;
    owner ??= this.target();
    const part = this.b.part(a.kind, { owner });
    this.generated.push({ key: `heading:${part.id}`, source: text, line: p.line, what: `${a.kind} heading` });
    if (a.toLetter && !this.letter) this.unsureAt(p, text, 'annex to a letter, but no letter was found', 'annex-without-letter', { partId: part.id });
    this.current = part;
    this.awaitingTitle = part;
    return 0;
  }

  // -------------------------------------------------------------------------------------------
  // Signatures

  private isSignatureParagraph(p: SourceParagraph): boolean {
    return p.lines.some((l) => SIGNED.test(lineText(l).trim()));
  }

  private signature(p: SourceParagraph): number {
    const part = this.current ?? this.target();
    const lines = p.lines.map((l) => canon(lineText(l))).filter((t) => t !== '');
    // Title lines written above « (Signé) » in French come from earlier short paragraphs too.
    const before: string[] = [];
    if (this.lang === 'fr') {
      for (;;) {
        const last = part.blocks[part.blocks.length - 1];
        if (!last || last.kind !== 'paragraph' || last.numbered) break;
        const t = canon(runsText((this.b.doc.text[this.lang]?.[last.id]?.content ?? []).map((r) => (r.type === 'text' ? r : { type: 'text', text: '' }))));
        if (!isTitleLine(t)) break;
        part.blocks.pop();
        delete this.b.doc.text[this.lang]?.[last.id];
        before.unshift(...(this.sourceLinesOf.get(last.id) ?? [t]));
      }
    }
    // Group lines per signatory.
    const groups: { name: string; titles: string[]; signed: string }[] = [];
    let pending: string[] = [...before];
    for (const l of lines) {
      if (SIGNED.test(l)) {
        const name = canon(l.replace(SIGNED, ''));
        const signed = canon(l);
        if (this.lang === 'fr') {
          groups.push({ name, titles: pending, signed });
          pending = [];
        } else {
          if (pending.length > 0 && groups.length > 0) groups[groups.length - 1]!.titles.push(...pending);
          else if (pending.length > 0) this.add({ kind: 'paragraph', numbered: false }, [{ type: 'text', text: pending.join(' ') }], part);
          pending = [];
          groups.push({ name, titles: [], signed });
        }
      } else pending.push(l);
    }
    if (pending.length > 0) {
      if (this.lang === 'en' && groups.length > 0) groups[groups.length - 1]!.titles.push(...pending);
      else this.add({ kind: 'paragraph', numbered: false }, [{ type: 'text', text: pending.join(' ') }], part);
    }

    let block = part.blocks[part.blocks.length - 1];
    if (!block || block.kind !== 'signature') block = undefined;
    const ids: string[] = [];
    for (const g of groups) {
      const id = `person${this.signatories.length + 1}`;
      const info = roleFromTitleLines(g.titles, this.lang);
      const person: Person = {
        id,
        name: g.name === '' ? '…' : g.name,
        gender: info.gender ?? 'm',
        role: { kind: info.kind ?? 'other', ...(info.country ? { country: info.country } : {}) },
      };
      if (g.name === '') this.unsureAt(p, lines.join(' / '), 'signature without a name', 'signature-without-name');
      ids.push(id);
      this.signatories.push({ person, lines: g.titles, blockId: '', signed: g.signed });
    }
    if (ids.length === 0) return 0;
    if (block && block.kind === 'signature') block.signatories.push(...ids);
    else block = this.add({ kind: 'signature', signatories: ids }, undefined, part);
    for (const s of this.signatories) if (ids.includes(s.person.id)) s.blockId = block.id;
    this.afterSignature = part === this.letter;
    return 0;
  }

  /**
   * English prints a signatory's titles under "(Signed) Name"; a document whose lines are separate
   * paragraphs (DOCX) gives them after the signature: "Chargé d'affaires a.i." belongs to it, and
   * says who signed, instead of starting the next text.
   */
  private signatoryTitleAfter(text: string): boolean {
    if (this.lang !== 'en' || !isTitleLine(text)) return false;
    const part = this.current ?? this.target();
    const last = part.blocks[part.blocks.length - 1];
    if (!last || last.kind !== 'signature') return false;
    const signatory = this.signatories.find((s) => s.person.id === last.signatories[last.signatories.length - 1]);
    if (!signatory) return false;
    signatory.lines.push(canon(text));
    const info = roleFromTitleLines(signatory.lines, this.lang);
    signatory.person.role = { kind: info.kind ?? 'other', ...(info.country ? { country: info.country } : {}) };
    if (info.gender) signatory.person.gender = info.gender;
    return true;
  }

  /** Source lines of unnumbered paragraphs (a signature may take them back as title lines). */
  private sourceLinesOf = new Map<string, string[]>();

  // -------------------------------------------------------------------------------------------
  // Ordinary blocks

  private ordinary(p: SourceParagraph, runs: SourceRun[], index: number): number {
    const block = this.classify(p, runs, this.into(), index);
    if (block && block.kind === 'paragraph' && !block.numbered) {
      this.sourceLinesOf.set(block.id, p.lines.map((l) => canon(lineText(l))).filter((t) => t !== ''));
    }
    return 0;
  }

  /** Decides what a paragraph is and adds it; the one place labels become structure. */
  private classify(p: SourceParagraph, runs: SourceRun[], into: Part | Block[], index = -1): Block | undefined {
    const part = this.target();
    const c = this.countersOf(part);
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
          else if (this.lastBulletIndent !== undefined && indent >= this.lastBulletIndent + 2) level = 2;
          else this.lastBulletIndent = indent;
          return this.add(level === 2 ? { kind: 'bullet', level: 2 } : { kind: 'bullet' }, rest, into);
        }
        case 'arabic': {
          const expected = c.para + 1;
          const nextAtMost = (v: number) => {
            const next = this.nextArabic(index);
            return next !== undefined && next <= v;
          };
          const heading = isHeadingStyle || (headingLike(restText, 15) && (label.value !== expected || nextAtMost(label.value)));
          if (heading && restText !== '') {
            const block = this.add({ kind: 'heading', level: 'subsection' }, dropMarks(rest, 'bold'), into);
            this.typedNumber(block, 'subsection', label.value, raw, p, restText);
            this.resetSubs(c);
            return block;
          }
          c.para += 1;
          this.resetSubs(c);
          const block = this.add({ kind: 'paragraph', numbered: true }, rest, into);
          this.typedNumber(block, 'paragraph', label.value, raw, p, restText);
          return block;
        }
        case 'upper': {
          // "I." is a chapter unless it continues a run of sections (A. … H., I.).
          const continuesSections = label.letter !== undefined && label.letter === c.section + 1;
          const asSection =
            label.letter !== undefined && (label.roman === undefined || (continuesSections && !(label.roman === c.chapter + 1 && label.letter !== 1 && c.section === 0)));
          if (asSection && (headingLike(restText, 40) || isHeadingStyle || bold)) {
            c.section += 1;
            this.resetSubs(c);
            const block = this.add({ kind: 'heading', level: 'section' }, dropMarks(rest, 'bold'), into);
            this.typedNumber(block, 'section', label.letter!, raw, p, restText);
            return block;
          }
          if (label.roman !== undefined && (headingLike(restText, 40) || isHeadingStyle || bold)) {
            c.chapter += 1;
            c.section = 0;
            this.resetSubs(c);
            const block = this.add({ kind: 'heading', level: 'chapter' }, dropMarks(rest, 'bold'), into);
            this.typedNumber(block, 'chapter', label.roman, raw, p, restText);
            return block;
          }
          const block = this.add({ kind: 'paragraph', numbered: false }, runs, into);
          this.unsureAt(p, plain, `"${raw}." starts a long text: kept as a paragraph with its label`, 'label-starts-long-text', { blockId: block.id, params: { label: `${raw}.` } });
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
          const block = this.add({ kind: 'subparagraph', level }, rest, into);
          this.typedNumber(block, 'subparagraph', value, raw, p, restText);
          return block;
        }
      }
    }

    this.resetSubs(c);
    // Headings from formatting (Markdown "#", Word heading styles, a short bold paragraph)
    const formattedHeading = (isHeadingStyle && words(plain) <= 40) || (bold && headingLike(plain, 25));
    // Without formatting: a short line standing alone, followed by text
    const next = this.source[index + 1];
    const nextIsText = next?.type === 'para' && words(textOf(next)) > 15;
    const guessedHeading = !this.opts.formatted && headingLike(plain, 12) && /^[\p{Lu}]/u.test(plain.trim()) && !DAY_MONTH_START.test(plain.trim()) && !/\d/.test(plain) && nextIsText && !Array.isArray(into);
    if (formattedHeading || guessedHeading) {
      const heading = this.add({ kind: 'heading', level: 'unnumbered' }, dropMarks(runs, 'bold'), into);
      if (guessedHeading && !formattedHeading) this.unsureAt(p, plain.trim(), 'short line taken for an unnumbered heading', 'guessed-heading', { blockId: heading.id });
      return heading;
    }
    return this.add({ kind: 'paragraph', numbered: false }, runs, into);
  }

  private resetSubs(c: Counters): void {
    c.sub = [0, 0, 0, 0];
    this.lastBulletIndent = undefined;
  }

  /** Value of the next arabic label in this part (to tell a "1. Heading" from paragraph 1). */
  private nextArabic(index: number): number | undefined {
    for (let k = index + 1; k < this.source.length && k < index + 60; k++) {
      const s = this.source[k]!;
      if (s.type !== 'para') continue;
      const t = textOf(s);
      if (parseAnnexHeading(canon(t))) return undefined;
      const w = wordLabel(s);
      const l = w ?? readLabel(t)?.label;
      if (l?.kind === 'arabic') return l.value;
    }
    return undefined;
  }

  private typedNumber(block: Block, kind: TypedNumber['kind'], value: number, raw: string, p: SourceParagraph, text: string): void {
    this.typed.push({ blockId: block.id, kind, value, raw, line: p.line, text });
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  private table(t: SourceTable): void {
    this.participants = undefined;
    const part = this.target();
    const rows = t.rows.map((cells) =>
      cells.map((paras) => ({ paras: paras.map((cp) => this.inlines(paragraphRuns(cp))).filter((x) => x.length > 0) })),
    );
    const width = Math.max(1, ...rows.map((r) => r.length));
    for (const r of rows) while (r.length < width) r.push({ paras: [] });
    this.b.table(this.quote ? this.quote.blocks : part, rows, Math.min(t.headerRows, rows.length));
  }

  /** A table whose columns PDF extraction flattened into paragraphs: rebuilt row by row. */
  private flatTable(p: SourceParagraph, index: number): number {
    if (p.lines.length !== 1) return 0;
    const raw = lineText(p.lines[0]!).trim();
    const rawWithSpaces = p.lines[0]!.raw ?? raw;
    if (STRONG_TERMINAL.test(raw) || readLabel(raw)) return 0;
    let heads = rawWithSpaces.trim().split(/\s{2,}/);
    if (heads.length < 3) {
      const single = raw.split(/\s+/);
      if (single.length >= 2 && single.length <= 6 && single.every((w) => /^[\p{Lu}]/u.test(w))) heads = single;
    }
    if (heads.length < 2 || heads.length > 6 || heads.some((h) => words(h) > 3)) return 0;
    const next = this.source[index + 1];
    if (!next || next.type !== 'para' || !DAY_MONTH_START.test(runsText(paragraphRuns(next)).trim())) return 0;

    // rows: each starts with a date; the row's other paragraphs fill the other columns
    type Row = { key: string; paras: SourceRun[][] };
    const rows: Row[] = [];
    let k = index + 1;
    for (; k < this.source.length; k++) {
      const s = this.source[k]!;
      if (s.type !== 'para') break;
      const runs = paragraphRuns(s);
      const t = runsText(runs).trim();
      if (parseAnnexHeading(canon(t)) || (readLabel(t) && readLabel(t)!.label.kind !== 'bullet') || s.heading !== undefined) break;
      const m = DAY_MONTH_START.exec(t);
      if (m) {
        const restRuns = sliceRuns(runs, runsText(runs).indexOf(m[1]!) + m[1]!.length);
        rows.push({ key: m[1]!, paras: runsText(restRuns).trim() === '' ? [] : [restRuns] });
      } else rows[rows.length - 1]!.paras.push(runs);
    }
    if (rows.length === 0) return 0;
    const n = heads.length;
    const table: { paras: Inline[][] }[][] = [heads.map((h) => ({ paras: [[{ type: 'text', text: h }]] }))];
    for (const r of rows) {
      const cells: SourceRun[][][] = Array.from({ length: n }, () => []);
      cells[0]!.push([{ type: 'text', text: r.key }]);
      if (n === 2) cells[1]!.push(...r.paras);
      else if (r.paras.length > 0) {
        cells[n - 1]!.push(r.paras[r.paras.length - 1]!);
        const middle = r.paras.slice(0, -1);
        middle.forEach((para, j) => cells[Math.min(1 + (n > 3 ? j : 0), n - 2)]!.push(para));
      }
      table.push(cells.map((paras) => ({ paras: paras.map((x) => this.inlines(x)).filter((x) => x.length > 0) })));
    }
    const block = this.b.table(this.target(), table, 1);
    this.unsureAt(p, raw, `table of ${rows.length} rows rebuilt from text whose columns were flattened: check the cells`, 'table-rebuilt', { blockId: block.id, params: { rows: rows.length } });
    return k - index;
  }

  // -------------------------------------------------------------------------------------------
  // Metadata, overrides, report

}

/** Source paragraphs → document: the recogniser both importers share. */
/** What a block of the source becomes once read: nothing is ever read from it. */
const READ: SourceParagraph = Object.freeze({ type: 'para', lines: [], join: 'break' });

/** The document `blocks` make. `blocks` is consumed: each entry is let go (replaced) once read. */
export function recognize(blocks: SourceBlock[], opts: RecognizeOptions): ImportResult {
  return new Recognizer(blocks, opts).run();
}
