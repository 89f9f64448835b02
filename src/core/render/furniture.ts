/**
 * What a page shows outside the text, as the layout carries it: the first-page masthead (issued
 * profile), the mission's letterhead (letterhead profile), the running header, the first-page
 * footer's job number, date stamp, barcode and "Please recycle", and the draft watermark, all in
 * the version's language with its typography. Images (emblem, logo, signatures) stay in the
 * export options: renderers place them where these words say.
 */
import type { Lang, RDocument } from '../model/schema';
import { dateStamp, formatDate } from '../locale/dates';
import { splitSeriesLetter } from '../symbols/symbol';
import { masthead } from '../wording/masthead';
import type { ExportOptions } from './options';
import { typesetSpans, type Span } from './spans';

export type LayoutMasthead = {
  unitedNations: string;
  /** Each symbol with its series letter apart ("S" printed at 20 pt, "/2017/138" at 10 pt). */
  symbols: { letter: string; rest: string }[];
  organs: Span[][];
  distribution: Span[];
  date: Span[];
  /** Language of this version when it is a translation ("Français"), else empty. */
  versionLanguage: Span[];
  original: Span[];
  /** For joint documents: a column per organ ("Assemblée générale" / "Soixante-quatrième session" / "Points 10 et 33 de l'ordre du jour" / titles). */
  sessionColumns: { organ: Span[]; lines: Span[][]; itemTitles: Span[][] }[];
};

export type LayoutLetterhead = {
  /** The mission's address lines, as set (the first one is its name). */
  lines: string[];
  reference: string | undefined;
  /** "New York, le 8 octobre 2019" / "New York, 8 October 2019": the letter's date (else the issue date). */
  dateLine: Span[];
};

export type Furniture = {
  /** Later pages' running header (issued): the symbol(s) at the outer edge, stacked; none, no header. */
  header: string[];
  /** The job number (issued layout, when set): page 1's footer, and later pages' inner edge. */
  job:
    | {
        number: string;
        /** "17-02619 (F)": with the letter of the version's language. */
        line: string;
        /** The issue date as DDMMYY ("220217"), printed after the line. */
        dateStamp: string | undefined;
        /** What the Code 39 barcode under it encodes: the digits between asterisks, "*1702619*". */
        barcode: string;
        /** « Merci de recycler » / "Please recycle", at the right of page 1's footer. */
        recycle: string;
      }
    | undefined;
  /** « PROJET » / "DRAFT" across every page, when asked for (never on a finalised export). */
  watermark: string | undefined;
};

const WORDS: Record<Lang, { watermark: string; recycle: string; letter: string }> = {
  fr: { watermark: 'PROJET', recycle: 'Merci de recycler', letter: 'F' },
  en: { watermark: 'DRAFT', recycle: 'Please recycle', letter: 'E' },
};

export function layoutMasthead(doc: RDocument, lang: Lang): LayoutMasthead {
  const m = masthead(doc, lang);
  const spans = (text: string) => typesetSpans(text, doc, lang);
  return {
    unitedNations: m.unitedNations,
    symbols: m.symbols.map(splitSeriesLetter),
    organs: m.organs.map(spans),
    distribution: spans(m.distribution),
    date: spans(m.date),
    versionLanguage: spans(m.versionLanguage),
    original: spans(m.original),
    sessionColumns: m.sessionColumns.map((c) => ({ organ: spans(c.organ), lines: c.lines.map(spans), itemTitles: c.itemTitles.map(spans) })),
  };
}

export function layoutLetterhead(doc: RDocument, lang: Lang, options: Pick<ExportOptions, 'letterhead'>): LayoutLetterhead {
  const lh = options.letterhead;
  const iso = doc.meta.letterDate ?? doc.meta.issueDate;
  let dateLine = '';
  if (iso) {
    const date = formatDate(iso, lang);
    const place = lh?.place?.trim();
    dateLine = place ? (lang === 'fr' ? `${place}, le ${date}` : `${place}, ${date}`) : date;
  }
  // The letter's own reference (its metadata) before the one the export was given.
  return { lines: lh?.lines ?? [], reference: doc.meta.reference ?? lh?.reference, dateLine: typesetSpans(dateLine, doc, lang) };
}

export function layoutFurniture(doc: RDocument, lang: Lang, options: Pick<ExportOptions, 'profile' | 'watermark' | 'finalised'>): Furniture {
  const words = WORDS[lang];
  const watermark = options.watermark && !options.finalised ? words.watermark : undefined;
  if (options.profile !== 'issued') return { header: [], job: undefined, watermark };
  const number = doc.meta.jobNumber;
  const job = number
    ? {
        number,
        line: `${number} (${words.letter})`,
        dateStamp: doc.meta.issueDate ? dateStamp(doc.meta.issueDate) : undefined,
        barcode: `*${number.replace(/\D/g, '')}*`,
        recycle: words.recycle,
      }
    : undefined;
  return { header: doc.meta.symbols.filter((s) => s.trim() !== ''), job, watermark };
}
