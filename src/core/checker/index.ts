/**
 * The pre-submission checker: the mistakes the UN Editorial Manual warns about, found by the
 * machine before a Secretariat editor finds them.
 *
 * Pure: (document, language?) → findings. A finding carries a severity, a stable `code`, the
 * block or part it is about, and parameters; it carries no words. The wording lives in the
 * i18next resources `locales/{en,fr}/checker.json`, keyed by code, so the editor words it in the
 * interface language and the CLI in the language asked for.
 *
 * Severities: `error` — the document should not leave like this (a broken cross-reference, a
 * placeholder left from a template, a letter without addressee); `warning` — very probably a
 * mistake (a section A without B, a straight quote in French); `info` — worth knowing.
 */
import type { Block, Inline, Lang, Part, RDocument } from '../model/schema';
import { LANGS } from '../model/schema';
import { walkDocument } from '../model/walk';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { brokenXrefs } from '../numbering/xref';
import { inlineText } from '../render/text';
import type { Finding, Severity } from './findings';
import { checkCouncilYear, checkMeta, checkPeople, checkSymbols, checkVersions } from './meta';
import { WORD_LIMITS, wordCount } from './wordcount';

export { FINDING_CODES, type Finding, type FindingCode, type Severity } from './findings';

export { WORD_LIMITS, wordCount, type WordCount, type PartWordCount } from './wordcount';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a document. With `lang`, the language-specific rules (typography, dates, placeholders,
 * word count, annex mentions) look at that text layer only; without it, at every layer present
 * (the original language's at least).
 */
export function checkDocument(doc: RDocument, lang?: Lang): Finding[] {
  // The text layers to read: those present (a French version of an English original may hold
  // only French). The main layer (for empty blocks) is the original's when present.
  const present = LANGS.filter((l) => doc.text[l] !== undefined);
  const langs: Lang[] = lang ? [lang] : present.length > 0 ? present : [doc.meta.originalLanguage];
  const mainLang = present.includes(doc.meta.originalLanguage) ? doc.meta.originalLanguage : (present[0] ?? doc.meta.originalLanguage);
  const structureLang = lang ?? mainLang;
  const out: Finding[] = [];
  const nStructure = numberDocument(doc, structureLang);

  checkSubdivisions(doc, nStructure, out);
  checkNumberedInLetters(doc, out);
  checkSymbols(doc, out);
  checkMeta(doc, out);
  checkPeople(doc, out);
  checkCouncilYear(doc, out);
  checkVersions(doc, out);
  for (const l of langs) {
    const n = l === structureLang ? nStructure : numberDocument(doc, l);
    checkXrefs(doc, n, out);
    checkTextLayer(doc, n, l === mainLang, out);
    checkWordCount(doc, n, out);
    checkAnnexMentions(doc, n, out);
    if (doc.meta.meeting && doc.meta.meeting.item[l] === undefined && doc.text[l] !== undefined) {
      out.push({ severity: 'error', code: 'meeting-item-missing', lang: l, params: { lang: l } });
    }
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** True when any finding is an error (the CLI's exit code). */
export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

// ---------------------------------------------------------------------------------------------
// Structure

/** "If there is an A there must be a B": sections per chapter, subsections per section, subparagraphs per run. */
function checkSubdivisions(doc: RDocument, n: Numbering, out: Finding[]): void {
  const visitPart = (part: Part) => {
    // Scopes: a section belongs to the chapter before it; a subsection to the section or chapter before it.
    let sections: Block[] = [];
    let subsections: Block[] = [];
    const closeSections = () => {
      if (sections.length === 1) {
        const b = sections[0]!;
        out.push({ severity: 'warning', code: 'section-without-b', blockId: b.id, partId: part.id, params: { label: n.blocks.get(b.id)?.ref ?? 'A' } });
      }
      sections = [];
    };
    const closeSubsections = () => {
      if (subsections.length === 1) {
        const b = subsections[0]!;
        out.push({ severity: 'warning', code: 'subsection-without-second', blockId: b.id, partId: part.id, params: { label: n.blocks.get(b.id)?.ref ?? '1' } });
      }
      subsections = [];
    };
    for (const block of part.blocks) {
      if (block.kind !== 'heading') continue;
      if (block.level === 'part' || block.level === 'chapter') {
        closeSubsections();
        closeSections();
      } else if (block.level === 'section') {
        closeSubsections();
        sections.push(block);
      } else if (block.level === 'subsection') {
        subsections.push(block);
      }
    }
    closeSubsections();
    closeSections();

    // Subparagraph runs: a level whose only member is labelled a) / (a) / i) … has no sibling.
    const runs = new Map<number, Block[]>();
    const flush = (fromLevel: number) => {
      for (const [level, members] of [...runs.entries()]) {
        if (level < fromLevel) continue;
        if (members.length === 1) {
          const b = members[0]!;
          out.push({ severity: 'warning', code: 'subparagraph-without-b', blockId: b.id, partId: part.id, params: { label: n.blocks.get(b.id)?.label ?? '' } });
        }
        runs.delete(level);
      }
    };
    const scan = (blocks: Block[]) => {
      for (const block of blocks) {
        if (block.kind === 'subparagraph') {
          flush(block.level + 1);
          const list = runs.get(block.level) ?? [];
          list.push(block);
          runs.set(block.level, list);
        } else if (block.kind === 'bullet' || block.kind === 'pageBreak') {
          continue;
        } else {
          flush(1);
          if (block.kind === 'quote' || block.kind === 'participants') {
            scan(block.blocks);
            flush(1);
          }
        }
      }
      flush(1);
    };
    scan(part.blocks);
  };
  walkDocument(doc, { part: (part) => visitPart(part) });
}

function checkNumberedInLetters(doc: RDocument, out: Finding[]): void {
  walkDocument(doc, {
    part: (part) => {
      const isStatement = part.kind === 'body' && (part.bodyType === 'statement' || doc.meta.kind === 'presidential-statement');
      if (part.kind !== 'letter' && !isStatement) return;
      const numbered: Block[] = [];
      const scan = (blocks: Block[]) => {
        for (const b of blocks) {
          if (b.kind === 'paragraph' && b.numbered) numbered.push(b);
          if (b.kind === 'quote' || b.kind === 'participants') scan(b.blocks);
        }
      };
      scan(part.blocks);
      if (numbered.length === 0) return;
      out.push({
        severity: 'warning',
        code: part.kind === 'letter' ? 'numbered-paragraph-in-letter' : 'numbered-paragraph-in-statement',
        blockId: numbered[0]!.id,
        partId: part.id,
        params: { count: numbered.length },
      });
    },
  });
}

function checkXrefs(doc: RDocument, n: Numbering, out: Finding[]): void {
  for (const b of brokenXrefs(doc, n)) {
    out.push({
      severity: b.reason === 'missing' ? 'error' : 'warning',
      code: b.reason === 'missing' ? 'xref-target-missing' : 'xref-target-unnumbered',
      blockId: b.blockId,
      lang: n.lang,
      params: { target: b.xref.target },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Text layers

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

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FR_DATE = new RegExp(`\\b(\\d{1,2})(er)?\\s+(${FR_MONTHS.join('|')})(?:\\s+(\\d{4}))?\\b`, 'giu');
const EN_DATE_DMY = new RegExp(`\\b(\\d{1,2})(st|nd|rd|th)?\\s+(${EN_MONTHS.join('|')})\\b(?:\\s+(\\d{4}))?`, 'gu');
const EN_DATE_MDY = new RegExp(`\\b(${EN_MONTHS.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gu');

function validDay(day: number, month: number, year: number | undefined): boolean {
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29 && year !== undefined) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

function plain(content: Inline[]): string {
  let s = '';
  for (const r of content) if (r.type === 'text') s += r.text;
  return s;
}

function checkTextLayer(doc: RDocument, n: Numbering, main: boolean, out: Finding[]): void {
  const lang = n.lang;
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

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 20);
  const end = Math.min(text.length, at + 20);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function checkDates(text: string, lang: Lang, where: { blockId?: string; partId?: string }, out: Finding[]): void {
  if (lang === 'fr') {
    for (const m of text.matchAll(FR_DATE)) {
      const day = Number(m[1]);
      const month = FR_MONTHS.indexOf(m[3]!.toLowerCase()) + 1;
      const year = m[4] !== undefined ? Number(m[4]) : undefined;
      if (!validDay(day, month, year)) {
        out.push({ severity: 'error', code: 'date-invalid', ...where, lang, params: { text: m[0] } });
      } else if (day === 1 && m[2] === undefined) {
        out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0], expected: m[0].replace(/^1\b/, '1er') } });
      } else if (day !== 1 && m[2] !== undefined) {
        out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0], expected: m[0].replace(/^(\d+)er/, '$1') } });
      }
    }
    return;
  }
  for (const m of text.matchAll(EN_DATE_MDY)) {
    const month = EN_MONTHS.indexOf(m[1]!) + 1;
    const day = Number(m[2]);
    const expected = `${day} ${m[1]} ${m[3]}`;
    if (!validDay(day, month, Number(m[3]))) out.push({ severity: 'error', code: 'date-invalid', ...where, lang, params: { text: m[0] } });
    else out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0], expected } });
  }
  for (const m of text.matchAll(EN_DATE_DMY)) {
    const day = Number(m[1]);
    const month = EN_MONTHS.indexOf(m[3]!) + 1;
    const year = m[4] !== undefined ? Number(m[4]) : undefined;
    if (!validDay(day, month, year)) out.push({ severity: 'error', code: 'date-invalid', ...where, lang, params: { text: m[0].trim() } });
    else if (m[2] !== undefined) {
      out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0].trim(), expected: `${day} ${m[3]}${year !== undefined ? ` ${year}` : ''}` } });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Word count

/** Words of the document in a language as a reader sees it: titles, generated text, blocks and footnotes. */
export function documentWordCount(doc: RDocument, n: Numbering): number {
  return wordCount(doc, n.lang, n).total;
}

function checkWordCount(doc: RDocument, n: Numbering, out: Finding[]): void {
  if (!doc.text[n.lang]) return;
  const count = documentWordCount(doc, n);
  if (count > WORD_LIMITS.other) {
    out.push({ severity: 'error', code: 'word-limit', lang: n.lang, params: { count, limit: WORD_LIMITS.other } });
  } else if (count > WORD_LIMITS.secretariat) {
    out.push({ severity: 'info', code: 'word-count-secretariat-limit', lang: n.lang, params: { count, limit: WORD_LIMITS.secretariat } });
  }
}

// ---------------------------------------------------------------------------------------------
// Annexes and enclosures announced in the text

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

const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function fromRoman(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]!]!;
    const next = ROMAN_VALUE[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

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

function checkAnnexMentions(doc: RDocument, n: Numbering, out: Finding[]): void {
  const lang = n.lang;
  const layer = doc.text[lang];
  if (!layer) return;
  walkDocument(doc, {
    part: (part) => {
      // The part's own words: its blocks (containers' children included), not its annexes'.
      const units: { id: string; text: string }[] = [];
      const visit = (blocks: Block[]) => {
        for (const b of blocks) {
          const t = layer[b.id];
          if (t) units.push({ id: b.id, text: inlineText(t.content, n, { fromPartId: part.id }) });
          if (b.kind === 'quote' || b.kind === 'participants') visit(b.blocks);
          if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) visit(c.blocks);
        }
      };
      visit(part.blocks);
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
            out.push({ severity: 'warning', code: 'annex-count-mismatch', blockId: m.blockId, partId: part.id, lang, params: { mention: m.text, mentioned: mentioned ?? 'plural', actual: count } });
          }
        }
        for (const m of closingMentions) {
          if (kind !== 'annex') continue;
          const pluralButSingle = count === 1 && m.unnumbered === 'plural';
          const singularButSeveral = count > 1 && m.unnumbered === 'singular';
          if (count === 0 || pluralButSingle || singularButSeveral) {
            out.push({ severity: 'warning', code: 'annex-count-mismatch', blockId: m.blockId, partId: part.id, lang, params: { mention: m.text, mentioned: m.unnumbered === 'plural' ? 'plural' : 1, actual: count } });
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
