/**
 * The masthead stage: the lines at the start of a document that give its symbols, organs,
 * distribution, date, sessions and agenda items (with the items' titles), read into the
 * document's metadata. Word mastheads laid out in tables are first read as the paragraphs their
 * cells hold.
 */
import type { Organ, Session } from '../../model/schema';
import { parseSymbol } from '../../symbols/symbol';
import type { SourceBlock } from '../source';
import { lineText, paragraphRuns, runsText } from '../source';
import { canon, looksLikeLetterTitle, looksLikeStatementTitle, parseAnnexHeading, parseMastheadLine, type MastheadLine } from '../phrases';
import { textOf, words } from './runs';
import type { Agenda, Reading } from './state';

function isSymbol(s: string): string[] | undefined {
  if (!/^[A-Z]{1,6}\//.test(s) || /\s{2,}/.test(s)) return undefined;
  const parsed = parseSymbol(s);
  return parsed.ok ? parsed.symbols.map((x) => x.text) : undefined;
}

/**
 * Word mastheads are often laid out in tables (UN emblem, "United Nations", symbol; organ,
 * distribution, date; the session columns of a joint document). Leading tables whose cells
 * hold only masthead lines are read as the paragraphs they contain.
 */
export function unwrapMastheadTables(source: SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  let k = 0;
  for (; k < source.length; k++) {
    const b = source[k]!;
    if (b.type === 'para') {
      if (runsText(paragraphRuns(b)).trim() !== '' && !parseMastheadLine(textOf(b), isSymbol)) break;
      out.push(b);
      continue;
    }
    const paras = b.rows.flatMap((row) => row.flat());
    const texts = paras.map((p) => canon(textOf(p))).filter((t) => t !== '');
    const masthead = texts.filter((t) => parseMastheadLine(t, isSymbol) !== undefined).length;
    const rest = texts.filter((t) => parseMastheadLine(t, isSymbol) === undefined);
    if (masthead === 0 || rest.some((t) => words(t) > 40 || looksLikeLetterTitle(t) || /[.;]$/.test(t))) break;
    out.push(...paras);
  }
  return out.some((b, j) => b !== source[j]) ? [...out, ...source.slice(k)] : source;
}

/** The masthead paragraphs at the start: their lines, the agenda titles, and the index of the first other block. */
export function readMasthead(source: SourceBlock[]): { end: number; lines: MastheadLine[]; agendas: Agenda[] } {
  const agendas: Agenda[] = [];
  const closeAgenda = (a: Agenda): undefined => {
    agendas.push(a);
    return undefined;
  };
  let i = 0;
  let agendaOpen: Agenda | undefined;
  const lines: MastheadLine[] = [];
  for (; i < source.length; i++) {
    const p = source[i]!;
    if (p.type !== 'para') break;
    const texts = p.lines.map(lineText).map((t) => t.trim()).filter((t) => t !== '');
    const whole = runsText(paragraphRuns(p));
    if (looksLikeLetterTitle(whole) || looksLikeStatementTitle(whole) || parseAnnexHeading(whole)) break;
    const parsed = texts.map((t) => parseMastheadLine(t, isSymbol));
    if (parsed.every((x) => x !== undefined)) {
      for (const x of parsed.flat()) {
        if (x.kind === 'agenda') agendaOpen = { numbers: x.numbers, titles: [] };
        else if (x.kind === 'organs' || x.kind === 'session') agendaOpen = agendaOpen && agendaOpen.titles.length > 0 ? closeAgenda(agendaOpen) : agendaOpen;
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
  if (agendaOpen) closeAgenda(agendaOpen);
  return { end: i, lines, agendas };
}

/** The masthead's lines and agenda titles into the metadata gathered (warnings for what cannot be recorded). */
export function applyMasthead(r: Pick<Reading, 'meta' | 'warnings' | 'lang' | 'versionLanguage'>, lines: MastheadLine[], agendas: Agenda[]): void {
  let gaSession: Extract<Session, { organ: 'GA' }> | undefined;
  let lastOrgan: Organ | undefined;
  for (const l of lines) {
    switch (l.kind) {
      case 'organs':
        for (const o of l.organs) if (!r.meta.organs.includes(o)) r.meta.organs.push(o);
        lastOrgan = l.organs[l.organs.length - 1];
        break;
      case 'distribution':
        r.meta.distribution = l.value;
        break;
      case 'date':
        r.meta.issueDate ??= l.iso;
        break;
      case 'version':
        r.versionLanguage = l.lang;
        break;
      case 'original':
        if (l.lang === 'other') r.warnings.push(`the original language (${l.word}) is neither French nor English; recorded as ${r.lang === 'fr' ? 'French' : 'English'}`);
        else r.meta.originalLanguage = l.lang;
        break;
      case 'symbol':
        if (!r.meta.symbols.includes(l.text)) r.meta.symbols.push(l.text);
        break;
      case 'session':
        if (l.session !== undefined) {
          gaSession = { organ: 'GA', session: l.session, agendaItems: [] };
          r.meta.sessions.push(gaSession);
        } else if (l.year !== undefined && lastOrgan !== 'GA') {
          r.meta.sessions.push({ organ: 'SC', year: l.year });
        } else if (l.year !== undefined) {
          r.meta.sessions.push({ organ: 'SC', year: l.year });
        }
        break;
      case 'agenda':
        if (gaSession) for (const n of l.numbers) gaSession.agendaItems.push({ number: n });
        else r.warnings.push(`${l.numbers.length === 1 ? 'agenda item' : 'agenda items'} ${l.numbers.join(', ')} without a General Assembly session line; not recorded in the masthead`);
        break;
      default:
        break;
    }
  }
  // Item titles, in order, to the items of the session.
  const ga = r.meta.sessions.find((s): s is Extract<Session, { organ: 'GA' }> => s.organ === 'GA');
  for (const a of agendas) {
    if (!ga) break;
    const items = ga.agendaItems.filter((x) => a.numbers.includes(x.number));
    const titles = [...a.titles];
    if (titles.length > items.length && items.length > 0) {
      const extra = titles.splice(items.length - 1).join(' ');
      titles.push(extra);
    }
    items.forEach((item, k) => {
      if (titles[k]) item.title = { [r.lang]: titles[k] };
    });
    if (items.length === 0 && titles.length > 0) r.warnings.push(`agenda item titles without item numbers: ${titles.join(' / ')}`);
  }
}
