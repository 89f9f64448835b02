/**
 * What the DOCX package holds, read from its XML: numbered paragraphs are real Word numbering
 * (w:numPr, no typed digits), one multi-level abstract numbering with the right formats per
 * language, a list instance per part (annexes restart), cross-references as REF fields to
 * bookmarks, Word footnotes, styles and page set-up as the spec says, the barcode decodes.
 */
import { describe, expect, test } from 'vitest';
import { strFromU8, unzipSync, unzlibSync } from 'fflate';
import type { Lang } from '../../../src/core/model/schema';
import { layoutDocument } from '../../../src/core/render/layout';
import { placeFootnoteIndicators, type Span } from '../../../src/core/render/spans';
import { exportDocx } from '../../../src/services/export/docx';
import { CODE39_PATTERNS } from '../../../src/core/render/code39';
import { code39Png } from '../../../src/services/export/docx/barcode';
import { defaultExportOptions, type ExportOptions } from '../../../src/core/render/options';
import { expectedNumbers, featureDocument, fold, jointLetter } from './docx-documents';

type Package = Record<string, string>;

async function pack(lang: Lang, options: Partial<ExportOptions> = {}, doc = featureDocument(lang).doc): Promise<{ files: Package; media: Record<string, Uint8Array>; warnings: string[] }> {
  const r = await exportDocx(doc, { ...defaultExportOptions(lang, 'issued'), ...options });
  const zip = unzipSync(r.bytes);
  const files: Package = {};
  const media: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(zip)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = strFromU8(bytes);
    else media[name] = bytes;
  }
  return { files, media, warnings: r.warnings.map((w) => w.code) };
}

type P = { xml: string; text: string; numId?: string; ilvl?: string };

function paragraphs(xml: string): P[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('').replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"\/>/.exec(p)?.[1];
    const ilvl = /<w:numPr>[\s\S]*?<w:ilvl w:val="(\d+)"\/>/.exec(p)?.[1];
    return { xml: p, text, ...(numId ? { numId } : {}), ...(ilvl ? { ilvl } : {}) };
  });
}

function nums(numbering: string): Map<string, { abstract: string; starts: Map<string, string> }> {
  const out = new Map<string, { abstract: string; starts: Map<string, string> }>();
  for (const [, id, body] of numbering.matchAll(/<w:num w:numId="(\d+)">([\s\S]*?)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId w:val="(\d+)"\/>/.exec(body!)![1]!;
    const starts = new Map([...body!.matchAll(/<w:lvlOverride w:ilvl="(\d+)"><w:startOverride w:val="(\d+)"\/>/g)].map((m) => [m[1]!, m[2]!] as [string, string]));
    out.set(id!, { abstract, starts });
  }
  return out;
}

function abstractLevels(numbering: string, abstractId: string): Map<string, { fmt: string; text: string }> {
  const body = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(numbering)![1]!;
  return new Map(
    [...body.matchAll(/<w:lvl w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)].map((m) => [m[1]!, { fmt: /<w:numFmt w:val="([^"]+)"/.exec(m[2]!)![1]!, text: /<w:lvlText w:val="([^"]*)"/.exec(m[2]!)![1]! }]),
  );
}

const find = (ps: P[], start: string) => {
  const p = ps.find((x) => fold(x.text).trimStart().startsWith(fold(start)));
  if (!p) throw new Error(`no paragraph starting "${start}"`);
  return p;
};

describe.each(['fr', 'en'] as const)('DOCX package (%s)', (lang) => {
  test('numbered paragraphs and headings carry w:numPr and no typed number', async () => {
    const { files } = await pack(lang);
    const ps = paragraphs(files['word/document.xml']!);
    const f = featureDocument(lang);
    const expected = expectedNumbers(f.doc, lang);
    expect(expected.length).toBeGreaterThan(20);
    for (const e of expected) {
      const p = find(ps, e.opening);
      expect(p.numId, `"${e.label} ${e.opening}" has no w:numPr`).toBeDefined();
      expect(fold(p.text).trimStart().startsWith(e.label)).toBe(false);
      expect(p.text).not.toMatch(/^\s*(\d+\.|\(?[a-z]{1,4}\)|[a-z]{1,4}\.|[IVXLC]+\.|[A-Z]\.)\s/);
    }
  });

  test('one multi-level abstract numbering: 1. / a) or (a) / i) or (i) / a. / i.', async () => {
    const { files } = await pack(lang);
    const ps = paragraphs(files['word/document.xml']!);
    const numbering = files['word/numbering.xml']!;
    const n = nums(numbering);
    const f = featureDocument(lang);
    const para = find(ps, fold(f.words.themes!));
    const sub = find(ps, f.words.themeB!);
    const subsub = find(ps, f.words.themeBi!);
    expect(para.ilvl).toBe('0');
    expect(sub.ilvl).toBe('1');
    expect(subsub.ilvl).toBe('2');
    // Paragraph and its subparagraphs: one list, so Word restarts the letters after each paragraph.
    expect(sub.numId).toBe(para.numId);
    expect(subsub.numId).toBe(para.numId);
    const levels = abstractLevels(numbering, n.get(para.numId!)!.abstract);
    expect(levels.get('0')).toEqual({ fmt: 'decimal', text: '%1.' });
    expect(levels.get('1')).toEqual({ fmt: 'lowerLetter', text: lang === 'fr' ? '%2)' : '(%2)' });
    expect(levels.get('2')).toEqual({ fmt: 'lowerRoman', text: lang === 'fr' ? '%3)' : '(%3)' });
    expect(levels.get('3')).toEqual({ fmt: 'lowerLetter', text: '%4.' });
    expect(levels.get('4')).toEqual({ fmt: 'lowerRoman', text: '%5.' });
  });

  test('each annex is its own instance of the same numbering, restarting at 1', async () => {
    const { files } = await pack(lang);
    const ps = paragraphs(files['word/document.xml']!);
    const n = nums(files['word/numbering.xml']!);
    const report = find(ps, lang === 'fr' ? 'Troisième paragraphe' : 'Third paragraph');
    const annexI = find(ps, lang === 'fr' ? 'Premier paragraphe de l’annexe I.' : 'First paragraph of annex I.');
    const annexII = find(ps, lang === 'fr' ? 'Premier paragraphe de l’annexe II.' : 'First paragraph of annex II.');
    const ids = [report.numId!, annexI.numId!, annexII.numId!];
    expect(new Set(ids).size).toBe(3);
    expect(new Set(ids.map((id) => n.get(id)!.abstract)).size).toBe(1);
    for (const id of ids) expect(n.get(id)!.starts.get('0')).toBe('1');
  });

  test('letters under an unnumbered paragraph: a separate list that starts at a)', async () => {
    const { files } = await pack(lang);
    const ps = paragraphs(files['word/document.xml']!);
    const n = nums(files['word/numbering.xml']!);
    const f = featureDocument(lang);
    const plain = find(ps, fold(f.words.plain!));
    const a = find(ps, f.words.plainA!);
    const b = find(ps, f.words.plainB!);
    const para = find(ps, fold(f.words.themes!));
    expect(plain.numId).toBeUndefined();
    expect(a.numId).toBe(b.numId);
    expect(a.ilvl).toBe('1');
    expect(n.get(a.numId!)!.abstract).not.toBe(n.get(para.numId!)!.abstract);
    expect(n.get(a.numId!)!.starts.get('1')).toBe('1');
    const levels = abstractLevels(files['word/numbering.xml']!, n.get(a.numId!)!.abstract);
    expect(levels.get('1')).toEqual({ fmt: 'lowerLetter', text: lang === 'fr' ? '%2)' : '(%2)' });
  });

  test('cross-references are REF fields to bookmarks in the target paragraphs, showing the layout’s number', async () => {
    const { files } = await pack(lang);
    const xml = files['word/document.xml']!;
    const ps = paragraphs(xml);
    const f = featureDocument(lang);
    const xref = find(ps, f.words.see!);
    const refs = [...xref.xml.matchAll(/<w:instrText[^>]*> REF (_Ref\d+) ([^<]*?) <\/w:instrText>/g)].map((m) => ({ name: m[1]!, switches: m[2]! }));
    // "9 (b)" is two fields (paragraph, subparagraph), the range two, the annex one.
    expect(refs).toHaveLength(5);
    const bookmarkIn = (name: string) => ps.find((p) => p.xml.includes(`<w:bookmarkStart w:name="${name}"`));
    const target = (i: number) => bookmarkIn(refs[i]!.name)!;
    expect(fold(target(0).text)).toContain(fold(f.words.themes!));
    expect(target(1).text).toBe(f.words.themeB);
    expect(fold(target(2).text)).toContain(lang === 'fr' ? 'premier paragraphe' : 'first paragraph');
    expect(fold(target(3).text)).toContain(lang === 'fr' ? 'Troisième paragraphe' : 'Third paragraph');
    expect(fold(target(4).text)).toContain(lang === 'fr' ? 'Annexe II' : 'Annex II');
    for (const r of refs.slice(0, 4)) expect(r.switches).toBe('\\n \\h');
    expect(refs[4]!.switches).toBe('\\h');
    // The result already shown is the layout's text.
    const layout = layoutDocument(f.doc, lang);
    const spans = layout.parts.flatMap((p) => p.blocks).flatMap((b) => ('spans' in b ? b.spans : [])) as Span[];
    const xrefText = spans.filter((s) => s.xref).map((s) => s.text).join(' | ');
    const shown = [...xref.xml.matchAll(/<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(shown).toHaveLength(5);
    for (const s of shown) expect(xrefText).toContain(s);
    expect(fold(xref.text)).toContain(fold(xrefText.split(' | ')[0]!));
  });

  test('footnotes are Word footnotes; the indicator goes after punctuation in English, before it in French', async () => {
    const { files } = await pack(lang);
    const f = featureDocument(lang);
    expect(fold(files['word/footnotes.xml']!)).toContain(fold(f.words.footnote!).replace(/'/g, '’').slice(0, 20));
    const p = find(paragraphs(files['word/document.xml']!), f.words.footnoted!);
    const [before, after] = p.xml.split(/<w:footnoteReference w:id="\d+"\/>/);
    expect(after).toBeDefined();
    const textOf = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    if (lang === 'en') expect(textOf(before!)).toMatch(/Council\.$/);
    else expect(textOf(after!)).toMatch(/^\./);
  });

  test('styles and page: Times New Roman 10 pt on exact 12 pt, 6 pt after, justified; US Letter or A4; outer-edge headers', async () => {
    const { files } = await pack(lang);
    const styles = files['word/styles.xml']!;
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)![1]!;
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toMatch(/<w:sz w:val="20"\/>/);
    expect(defaults).toMatch(/<w:spacing w:after="120" w:line="240" w:lineRule="exact"\/>/);
    const single = /<w:style w:type="paragraph" w:styleId="SingleTxt">([\s\S]*?)<\/w:style>/.exec(styles)![1]!;
    expect(single).toContain('<w:jc w:val="both"/>');
    const title = /<w:style w:type="paragraph" w:styleId="UNTitle">([\s\S]*?)<\/w:style>/.exec(styles)![1]!;
    expect(title).toMatch(/<w:sz w:val="28"\/>/);
    const fn = /<w:style w:type="paragraph" w:styleId="FootnoteText">([\s\S]*?)<\/w:style>/.exec(styles)![1]!;
    expect(fn).toMatch(/<w:sz w:val="18"\/>/);
    expect(files['word/document.xml']).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(files['word/document.xml']).toContain('<w:titlePg/>');
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const a4 = await pack(lang, { paper: 'a4' });
    expect(a4.files['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});

describe('furniture', () => {
  test('the barcode image decodes to the job number between asterisks', async () => {
    const { media } = await pack('fr');
    const pngs = Object.entries(media).filter(([n]) => n.startsWith('word/media/'));
    expect(pngs).toHaveLength(1);
    expect(decodeCode39(pngs[0]![1])).toBe('*2404321*');
  });

  test('the watermark is in the headers of a draft, never in a finalised export', async () => {
    const draft = await pack('fr', { profile: 'letterhead', watermark: true, finalised: false });
    const final = await pack('fr', { profile: 'letterhead', watermark: true, finalised: true });
    const headers = (p: Package) => Object.entries(p).filter(([n]) => /word\/header\d+\.xml/.test(n)).map(([, x]) => x);
    expect(headers(draft.files).length).toBeGreaterThan(0);
    for (const h of headers(draft.files)) expect(h).toContain('PROJET');
    for (const h of headers(final.files)) expect(h).not.toContain('PROJET');
    const en = await pack('en', { watermark: true });
    expect(headers(en.files).some((h) => h.includes('DRAFT'))).toBe(true);
  });

  test('tables are never adjacent (Word and LibreOffice would merge them): masthead, session columns, body tables', async () => {
    for (const doc of [jointLetter('fr'), featureDocument('en').doc]) {
      const { files } = await pack('fr', {}, doc);
      const xml = files['word/document.xml']!;
      expect(xml.split('<w:tbl>').length).toBeGreaterThan(2);
      expect(xml).not.toMatch(/<\/w:tbl>\s*<w:tbl>/);
    }
  });

  test('a missing symbol is a warning, not a failure', async () => {
    const doc = featureDocument('en').doc;
    const r = await pack('en', {}, { ...doc, meta: { ...doc.meta, symbols: [] } });
    expect(r.warnings).toContain('missing-symbol');
    expect(r.files['word/document.xml']).toContain('United Nations');
  });
});

describe('footnote indicators', () => {
  const fn: Span = { text: '1', superscript: true, footnote: { id: 'f', number: 1, content: [{ text: 'Note.' }] } };
  test('English: moved after the punctuation', () => {
    const out = placeFootnoteIndicators([{ text: 'the Council' }, fn, { text: '. Then' }], 'en');
    expect(out.map((s) => (s.footnote ? '¹' : s.text)).join('')).toBe('the Council.¹ Then');
  });
  test('French: moved before the punctuation, with its no-break space', () => {
    const out = placeFootnoteIndicators([{ text: 'le Conseil\u00a0:' }, fn, { text: ' ensuite' }], 'fr');
    expect(out.map((s) => (s.footnote ? '¹' : s.text)).join('')).toBe('le Conseil¹\u00a0: ensuite');
  });
  test('already in place: unchanged', () => {
    expect(placeFootnoteIndicators([{ text: 'the Council.' }, fn], 'en').map((s) => s.text)).toEqual(['the Council.', '1']);
    expect(placeFootnoteIndicators([{ text: 'le Conseil' }, fn, { text: '.' }], 'fr').map((s) => s.text)).toEqual(['le Conseil', '1', '.']);
  });
});

/** Reads a greyscale PNG from the barcode writer and decodes its Code 39 bars. */
function decodeCode39(png: Uint8Array): string {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IHDR') width = view.getUint32(at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = unzlibSync(Uint8Array.from(idat.flatMap((c) => [...c])));
  const row = raw.subarray(1, 1 + width);
  const runs: { dark: boolean; n: number }[] = [];
  for (const v of row) {
    const dark = v < 128;
    if (runs.length > 0 && runs[runs.length - 1]!.dark === dark) runs[runs.length - 1]!.n++;
    else runs.push({ dark, n: 1 });
  }
  const elements = runs.slice(1, -1); // quiet zones
  const narrow = Math.min(...elements.map((r) => r.n));
  const byPattern = new Map(Object.entries(CODE39_PATTERNS).map(([ch, p]) => [p, ch]));
  let out = '';
  for (let i = 0; i < elements.length; i += 10) {
    const pattern = elements.slice(i, i + 9).map((r) => (r.n > narrow * 1.5 ? 'w' : 'n')).join('');
    out += byPattern.get(pattern) ?? '?';
  }
  return out;
}

test('the decoder itself reads what the encoder wrote', () => {
  expect(decodeCode39(code39Png('*AB-12*').png)).toBe('*AB-12*');
});
