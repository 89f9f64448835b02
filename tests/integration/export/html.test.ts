/**
 * The HTML print view: one self-contained, script-free, well-formed HTML document per profile and
 * language, built from the layout (labels, generated text, masthead) with all text escaped.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/services/export/html';
import { code39Bars } from '../../../src/services/export/html/furniture';
import { defaultExportOptions, type ExportOptions } from '../../../src/core/render/options';
import { createFromTemplate, TEMPLATE_KINDS } from '../../../src/core/templates';
import { DocumentBuilder, run, sequentialIds } from '../../../src/core/model/builder';
import type { Lang, Meta, RDocument } from '../../../src/core/model/schema';
import { LANGS } from '../../../src/core/model/schema';
import { seed000, seed004, seedMeta } from '../../fixtures/seeds';
import { base64Of, checkTags, htmlText, png, textsOfClass } from './print-helpers';

const issued = (lang: Lang, extra: Partial<ExportOptions> = {}): ExportOptions => ({ ...defaultExportOptions(lang, 'issued'), ...extra });
const manuscript = (lang: Lang, extra: Partial<ExportOptions> = {}): ExportOptions => ({ ...defaultExportOptions(lang, 'manuscript'), ...extra });
const letterhead = (lang: Lang, extra: Partial<ExportOptions> = {}): ExportOptions => ({ ...defaultExportOptions(lang, 'letterhead'), ...extra });

function seed000Issued(): RDocument {
  const { doc } = seed000();
  doc.meta.issueDate = '2017-02-22';
  doc.meta.jobNumber = '17-02619';
  return doc;
}

/** Label of every heading, numbered paragraph and subparagraph, in document order. */
function labels(html: string): { kind: string; label: string }[] {
  const kinds: Record<string, string> = { 'h h-chapter': 'chapter', 'h h-section': 'section', 'p p-num': 'paragraph', 'sub sub-1': 'subparagraph' };
  const re = /<(?:h2|h3|h4|p) class="(h h-chapter|h h-section|p p-num|sub sub-1)[^"]*"[^>]*><span class="lbl">([^<]*)<\/span>/g;
  return [...html.matchAll(re)].map((m) => ({ kind: kinds[m[1]!]!, label: m[2]! }));
}

function organs(html: string): string[] {
  const inner = /<div class="mh-organs">((?:<div>[^<]*<\/div>)*)<\/div>/.exec(html)![1]!;
  return [...inner.matchAll(/<div>([^<]*)<\/div>/g)].map((m) => m[1]!);
}

function styleOf(html: string): string {
  return /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
}

/** A letter with an annex written in English, footnotes, a cross-reference and hostile text. */
function hostileDoc(): RDocument {
  const meta: Meta = {
    kind: 'letter',
    originalLanguage: 'fr',
    symbols: ['S/2024/1</style><script>alert(1)</script>'],
    organs: ['SC'],
    distribution: 'general',
    issueDate: '2024-03-01',
    letterDate: '2024-03-01',
    sessions: [],
    sender: 'pr',
    addressees: [{ kind: 'president-security-council', gender: 'f' }],
    people: [{ id: 'pr', name: 'Awa <b>Diop</b>', gender: 'f', role: { kind: 'permanent-representative', country: 'SEN' } }],
  };
  const b = new DocumentBuilder(meta, 'fr', sequentialIds());
  const letter = b.part('letter');
  b.para(letter, [run('Texte <script>alert("x")</script> & <img src=x onerror=alert(1)> fin'), { type: 'footnote', id: 'fnA', content: [run('Note <i>une</i>.')] }, run('.')], false);
  b.closing(letter);
  b.signature(letter, ['pr']);
  const annex = b.part('annex', { owner: letter, title: 'Titre « annexe »', originalLanguage: 'en' });
  const target = b.para(annex, 'Premier paragraphe.');
  b.para(annex, [run('Voir le '), { type: 'xref', target: target.id, form: 'named' }, run('.'), { type: 'footnote', id: 'fnB', content: [run('Deuxième note.')] }]);
  return b.doc;
}

describe('HTML print view: safety and self-containment', () => {
  it('escapes document text, names, symbols and letterhead lines: no <script> or injected element survives', () => {
    const doc = hostileDoc();
    const options = letterhead('fr', {
      letterhead: { lines: ['Mission <script>x()</script>'], reference: 'Réf. "1" <b>', place: 'New York' },
      finalised: true,
      signatures: { pr: png(40, 16) },
    });
    for (const o of [issued('fr'), manuscript('fr'), options]) {
      const { html } = renderHtml(doc, o);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img[^>]*onerror/i);
      expect(html).not.toContain('<b>Diop</b>');
      // The style sheet (which carries the symbol for the running header) is closed only once.
      expect(html.match(/<\/style/gi)).toHaveLength(1);
      const names = checkTags(html);
      expect(names.filter((n) => n === 'img').length).toBe(o.profile === 'letterhead' ? 1 : 0);
      // The text is all there, as text.
      const text = htmlText(html);
      expect(text).toContain('Texte <script>alert("x")</script> & <img src=x onerror=alert(1)> fin');
      expect(text).toContain('Awa <b>Diop</b>');
    }
    const text = htmlText(renderHtml(doc, options).html);
    expect(text).toContain('Mission <script>x()</script>');
    expect(text).toContain('Réf. "1" <b>');
  });

  it('is one self-contained document: inline CSS, images as data: URLs, no scripts, no external URL, a CSP', () => {
    const doc = hostileDoc();
    const { html } = renderHtml(doc, issued('en', { mastheadImage: png(30, 30) }));
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">`);
    expect(html).not.toMatch(/<link|<script|<iframe|<object|javascript:/i);
    for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(m[1]).toMatch(/^(data:image\/(png|jpeg);base64,|#fn(ref)?-\d+$)/);
    for (const m of styleOf(html).matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^"data:image\/svg\+xml;base64,/);
    expect(html).toContain(`src="data:image/png;base64,${base64Of(png(30, 30))}"`);
  });

  it('leaves out an image whose bytes are not the type it claims, and says so', () => {
    const fake = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6]), mime: 'image/png' as const };
    const { html, warnings } = renderHtml(seed000Issued(), issued('fr', { mastheadImage: fake }));
    expect(html).not.toContain('<img');
    expect(warnings.map((w) => w.code)).toContain('image-invalid');
  });
});

describe('HTML print view: issued layout', () => {
  it('prints the labels of seed 000 in the order the issued document printed them', () => {
    const { doc, printed } = seed000();
    const { html } = renderHtml(doc, issued('fr'));
    expect(labels(html)).toEqual(printed);
    expect(printed.filter((l) => l.kind === 'paragraph')).toHaveLength(110);
  });

  it('French masthead of seed 000: organ, distribution block, symbol with its series letter, title, signature in French order', () => {
    const { html, warnings } = renderHtml(seed000Issued(), issued('fr'));
    expect(textsOfClass(html, 'div', 'mh-un')).toEqual(['Nations Unies']);
    expect(organs(html)).toEqual(['Conseil de sécurité']);
    expect(html).toContain('<div class="mh-symbol"><span class="mh-series">S</span>/2017/138</div>');
    // Distr., date, version language (blank: this is the original), Original.
    const distr = /<div class="mh-distr">((?:<div>[^<]*<\/div>)*)<\/div>/.exec(html)![1]!;
    expect([...distr.matchAll(/<div>([^<]*)<\/div>/g)].map((m) => m[1])).toEqual(['Distr. générale', '22 février 2017', '', 'Original\u00a0: français']);
    expect(textsOfClass(html, 'h1', 'doc-title')[0]).toBe(
      'Lettre datée du 13 février 2017, adressée au Président du Conseil de sécurité par le Représentant permanent du Sénégal auprès de l’Organisation des Nations Unies',
    );
    // French signature: titles first, then « (Signé) Fodé Seck », right-aligned block.
    expect(html).toContain('<div class="signature" id="b4"><div class="signatory"><div>L’Ambassadeur,</div><div>Représentant permanent</div><div><i>(Signé)</i> Fodé Seck</div></div></div>');
    // « 1er » with a superscript suffix in the report title.
    expect(html).toMatch(/au cours de la période allant du 1<sup>er<\/sup> janvier/);
    // The annex starts on a new page with its heading and title.
    expect(html).toMatch(/<section class="part part-annex new-page" id="[^"]+"><h2 class="part-heading">Annexe<\/h2><h1 class="doc-title">Réunions du Groupe de travail en 2016<\/h1>/);
    expect(warnings).toEqual([]);
  });

  it('English version of seed 000: English masthead lines, "(Signed) Name" first, untranslated blocks reported', () => {
    const { html, warnings } = renderHtml(seed000Issued(), issued('en'));
    expect(textsOfClass(html, 'div', 'mh-un')).toEqual(['United Nations']);
    expect(organs(html)).toEqual(['Security Council']);
    const distr = /<div class="mh-distr">((?:<div>[^<]*<\/div>)*)<\/div>/.exec(html)![1]!;
    expect([...distr.matchAll(/<div>([^<]*)<\/div>/g)].map((m) => m[1])).toEqual(['Distr.: General', '22 February 2017', 'English', 'Original: French']);
    expect(html).toContain('<div class="signatory"><div><i>(Signed)</i> Fodé Seck</div><div>Permanent Representative</div></div>');
    expect(html).toContain('<html lang="en"');
    // The report's words exist only in French: each such block is marked and counted.
    const missing = warnings.find((w) => w.code === 'missing-text');
    expect(missing?.message).toMatch(/^\d+ part titles or blocks with no English text yet\.$/);
    const count = Number(/^(\d+)/.exec(missing!.message)![1]);
    expect((html.match(/ untranslated"/g) ?? []).length).toBe(count);
    // Labels are still there, in English form.
    expect(labels(html).filter((l) => l.kind === 'subparagraph').map((l) => l.label).slice(0, 6)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(a)']);
  });

  it('page furniture: header with the symbol on later pages only, n/N page numbers, page-1 footer with job number, date stamp, barcode and recycling line', () => {
    const css = styleOf(renderHtml(seed000Issued(), issued('fr')).html);
    expect(css).toContain('@page { size: letter;');
    expect(css).toMatch(/@page :left \{ @top-left \{ content: "S\/2017\/138";[^}]*font-weight: bold;[^}]*border-bottom: 0\.5pt solid #000;/);
    expect(css).toMatch(/@page :right \{ @top-right \{ content: "S\/2017\/138";/);
    expect(css).toContain('@bottom-left { content: counter(page) "/" counter(pages);');
    expect(css).toContain('@bottom-right { content: counter(page) "/" counter(pages);');
    const first = /@page :first \{([\s\S]*?)\n(?=\n|\/\*|:root)/.exec(css)![1]!;
    expect(first).toContain('@top-left { content: none; } @top-right { content: none; }');
    expect(first).not.toContain('counter(page)');
    expect(first).toContain('content: "17-02619 (F)    220217\\A "');
    expect(first).toContain('"Merci de recycler "');
    // The barcode is Code 39 of *1702619*: 9 characters of 5 bars each.
    const barcode = /content: "17-02619[^"]*" url\("data:image\/svg\+xml;base64,([^"]+)"\)/.exec(first)![1]!;
    const svg = Buffer.from(barcode, 'base64').toString('utf8');
    expect(svg.match(/<rect /g)).toHaveLength(45);
    expect(code39Bars('*1702619*').bars).toHaveLength(45);
    // English: language letter E, "Please recycle".
    const en = styleOf(renderHtml(seed000Issued(), issued('en')).html);
    expect(en).toContain('content: "17-02619 (E)    220217\\A "');
    expect(en).toContain('"Please recycle "');
  });

  it('without a job number, page 1 has no footer at all; A4 paper sets the page size', () => {
    const { doc } = seed000();
    const css = styleOf(renderHtml(doc, issued('fr', { paper: 'a4' })).html);
    expect(css).toContain('@page { size: A4;');
    expect(css).not.toContain('recycler');
    expect(css).not.toContain('svg+xml');
    expect(css).toMatch(/@page :first \{[^\n]*@bottom-left \{ content: none; \} @bottom-right \{ content: none; \}/);
  });

  it('joint General Assembly / Security Council masthead: both symbols, both organs, session columns; both symbols in the running header', () => {
    const { doc } = seedMeta('003');
    const { html } = renderHtml(doc, issued('fr'));
    expect(html).toContain('<div class="mh-symbol"><span class="mh-series">A</span>/64/866–<span class="mh-series">S</span>/2010/393</div>');
    expect(organs(html)).toEqual(['Assemblée générale', 'Conseil de sécurité']);
    const sessions = htmlText(/<div class="mh-sessions">[\s\S]*?<\/header>/.exec(html)![0]);
    expect(sessions).toBe(
      "Assemblée générale Soixante-quatrième session Points 10 et 33 de l'ordre du jour Rapport de la Commission de consolidation de la paix Étude d'ensemble de toute la question des opérations de maintien de la paix sous tous leurs aspects Conseil de sécurité Soixante-cinquième année".replace(
        /'/g,
        '’',
      ),
    );
    expect(styleOf(html)).toContain('content: "A/64/866\\A S/2010/393"');
    // Two annexes, each on a new page.
    expect(textsOfClass(html, 'h2', 'part-heading').map((h) => h.slice(0, 10))).toEqual(['Annexe I à', 'Annexe II ']);
  });

  it('annex written in another language carries the [Original] marker; footnotes close their own part after a rule; cross-references show labels', () => {
    const { html, warnings } = renderHtml(hostileDoc(), issued('fr'));
    expect(html).toContain('<p class="original-marker">[Original\u00a0: anglais]</p>');
    // « 1er » in superscript in the masthead date and in the annex heading.
    expect(html).toContain('<div>1<sup>er</sup> mars 2024</div>');
    expect(html).toContain('<h2 class="part-heading">Annexe à la lettre datée du 1<sup>er</sup> mars 2024 adressée à la Présidente du Conseil de sécurité');
    const parts = html.split('<section ').slice(1);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/<sup class="fnref"><a class="fnlink" id="fnref-1" href="#fn-1">1<\/a><\/sup>/);
    expect(parts[0]).toMatch(/<div class="footnotes"><hr><p class="fn" id="fn-1"><span class="fn-n"><sup>1<\/sup><\/span>Note &lt;i&gt;une&lt;\/i&gt;\.<\/p><\/div><\/section>/);
    // The indicator stands before the full stop in French.
    expect(parts[1]).toMatch(/Voir le paragraphe 1<sup class="fnref"><a class="fnlink" id="fnref-2" href="#fn-2">2<\/a><\/sup>\./);
    expect(parts[1]).toMatch(/<div class="footnotes"><hr><p class="fn" id="fn-2">.*Deuxième note\.<\/p><\/div><\/section>/);
    expect(parts[1]).not.toContain('fn-1"');
    expect(warnings.map((w) => w.code)).toContain('footnotes-at-part-end');
  });

  it('numbered paragraphs: number at the indent, text a tab later; headings hang their numbers; tables repeat their header row', () => {
    const { html } = renderHtml(createFromTemplate('annual-report', 'en', sequentialIds()), issued('en'));
    expect(html).toMatch(/<p class="p p-num" id="[^"]+"><span class="lbl">1\.<\/span><span class="ph">\[The Working Group was established/);
    expect(html).toMatch(/<h2 class="h h-chapter" id="[^"]+"><span class="lbl">I\.<\/span>Introduction<\/h2>/);
    expect(html).toMatch(/<table class="t" id="[^"]+"><colgroup><col style="width: [\d.]+%"><col style="width: [\d.]+%"><col style="width: [\d.]+%"><\/colgroup><thead><tr><th><p class="p p-plain" id="[^"]+">Date<\/p><\/th><th>.*Speakers.*<\/th><th>.*Topic.*<\/th><\/tr><\/thead><tbody><tr><td>/);
    const css = styleOf(html);
    expect(css).toContain('table.t thead { display: table-header-group; }');
    expect(css).toMatch(/\.p \.lbl, \.sub \.lbl \{ display: inline-block; min-width: 24pt;/);
    expect(css).toMatch(/\.h \.lbl \{ display: inline-block; min-width: 32pt; margin-left: -32pt;/);
    expect(css).toContain('body { font-family: "Times New Roman", "Liberation Serif"');
    expect(css).toContain('font-size: 10pt; line-height: 12pt;');
  });

  it('presidential statement: title, opening formula, then the statement in quotation marks in each language', () => {
    const fr = renderHtml(createFromTemplate('presidential-statement', 'fr'), issued('fr')).html;
    expect(textsOfClass(fr, 'h1', 'doc-title')).toEqual(['Déclaration du Président du Conseil de sécurité']);
    const frQuote = htmlText(/<div class="quote"[\s\S]*?<\/div>/.exec(fr)![0]);
    expect(frQuote).toBe('« [Le Conseil de sécurité …] [Le Conseil …] »');
    expect(fr.indexOf('generated-opening')).toBeLessThan(fr.indexOf('class="quote"'));
    const en = renderHtml(createFromTemplate('presidential-statement', 'en'), issued('en')).html;
    expect(htmlText(/<div class="quote"[\s\S]*?<\/div>/.exec(en)![0])).toBe('“[The Security Council …] [The Council …]”');
    expect(htmlText(/<p class="generated generated-opening"[\s\S]*?<\/p>/.exec(en)![0])).toMatch(/^At the … meeting of the Security Council/);
  });
});

describe('HTML print view: manuscript and letterhead profiles', () => {
  it('manuscript: the same text without masthead, running header or page-1 footer; a plain page number from page 2', () => {
    const doc = seed000Issued();
    const m = renderHtml(doc, manuscript('fr')).html;
    const i = renderHtml(doc, issued('fr')).html;
    expect(m).not.toContain('class="masthead"');
    expect(m).not.toContain('class="mh-un"');
    expect(m).not.toContain('Distr.');
    const css = styleOf(m);
    expect(css).not.toContain('S/2017/138');
    expect(css).not.toContain('17-02619');
    expect(css).toContain('@bottom-center { content: counter(page);');
    expect(css).toContain('@page :first { @bottom-center { content: none; } }');
    // Same body: everything after the masthead is identical, but for the table column widths,
    // which follow each profile's type size and text width (core/render/columns).
    const main = (h: string) => h.slice(h.indexOf('<main')).replace(/<colgroup>.*?<\/colgroup>/g, '');
    expect(main(m)).toBe(main(i));
  });

  it('letterhead: logo, address lines, reference and "place, date" instead of the masthead; no UN title; annexes follow', () => {
    const { doc } = seed004();
    const logo = png(60, 30, [200, 20, 20]);
    const { html, warnings } = renderHtml(
      doc,
      letterhead('fr', { letterhead: { logo, lines: ['Mission permanente du Pérou', 'auprès de l’Organisation des Nations Unies', '820 Second Avenue, New York'], reference: 'N° 7-1-SG/045', place: 'New York' } }),
    );
    expect(html).not.toContain('class="masthead"');
    expect(html).not.toContain('Distr.');
    const head = /<header class="letterhead">[\s\S]*?<\/header>/.exec(html)![0];
    expect(head).toContain(`<img class="lh-logo" alt="" src="data:image/png;base64,${base64Of(logo)}">`);
    expect(htmlText(head)).toBe('Mission permanente du Pérou auprès de l’Organisation des Nations Unies 820 Second Avenue, New York N° 7-1-SG/045 New York, le 8 octobre 2019');
    // The title "Lettre datée du …" is the Secretariat's; the annex heading and title stay.
    expect(html).not.toContain('Lettre datée du');
    expect(textsOfClass(html, 'h2', 'part-heading')[0]).toMatch(/^Annexe à la lettre datée du 8 octobre 2019 adressée au Président du Conseil de sécurité/);
    expect(html).toMatch(/<section class="part part-annex new-page"/);
    // A draft: watermark on by default, no signature image, room for a hand signature, no "(Signé)".
    expect(html).toContain('<div class="watermark" aria-hidden="true">PROJET</div>');
    expect(html).toContain('<div class="signatory"><div>Le Chargé d’affaires par intérim</div><div class="signing-space"></div><div class="signatory-name">Paul Duclos</div></div>');
    expect(warnings).toEqual([]);
  });

  it('letterhead: the scanned signature goes above the name only in the export of a finalised revision', () => {
    const { doc } = seed004();
    const signature = png(80, 24, [20, 20, 120]);
    const base = { letterhead: { lines: ['Mission permanente du Pérou'] }, signatures: { duclos: signature } };
    const img = `<img class="signature-image" alt="Paul Duclos" src="data:image/png;base64,${base64Of(signature)}">`;

    const draft = renderHtml(doc, letterhead('fr', { ...base, finalised: false }));
    expect(draft.html).not.toContain('<img class="signature-image"');
    expect(draft.html).not.toContain(base64Of(signature));
    expect(draft.warnings.map((w) => w.code)).toEqual(['signature-not-placed']);

    const final = renderHtml(doc, letterhead('fr', { ...base, finalised: true }));
    expect(final.html).toContain(`<div class="signatory"><div>Le Chargé d’affaires par intérim</div>${img}<div class="signatory-name">Paul Duclos</div></div>`);
    expect(final.warnings).toEqual([]);

    // English order: the image above the name, titles under it.
    const en = renderHtml(doc, letterhead('en', { ...base, finalised: true })).html;
    expect(en).toContain(`<div class="signatory">${img}<div class="signatory-name">Paul Duclos</div><div>Chargé d’affaires a.i.</div></div>`);

    // Finalised without an image for the signatory: room to sign, and a warning.
    const missing = renderHtml(doc, letterhead('fr', { letterhead: base.letterhead, finalised: true }));
    expect(missing.html).toContain('<div class="signing-space"></div><div class="signatory-name">Paul Duclos</div>');
    expect(missing.warnings.map((w) => w.code)).toEqual(['signature-image-missing']);

    // The issued layout never places a signature image, finalised or not.
    const issuedFinal = renderHtml(doc, issued('fr', { signatures: { duclos: signature }, finalised: true })).html;
    expect(issuedFinal).not.toContain('<img class="signature-image"');
    expect(issuedFinal).toContain('<i>(Signé)</i> Paul Duclos');
  });

  it('letterhead without letterhead settings still renders, and says what is missing', () => {
    const { warnings, html } = renderHtml(seed004().doc, letterhead('en'));
    expect(warnings.map((w) => w.code)).toEqual(['letterhead-missing', 'missing-text']);
    expect(htmlText(/<header class="letterhead">[\s\S]*?<\/header>/.exec(html)![0])).toBe('8 October 2019');
  });
});

describe('HTML print view: watermark', () => {
  it('« PROJET » / "DRAFT" when asked for and the revision is not finalised; never on a finalised revision', () => {
    const doc = seed000Issued();
    const mark = (h: string) => /<div class="watermark" aria-hidden="true">([^<]*)<\/div>/.exec(h)?.[1];
    expect(mark(renderHtml(doc, issued('fr', { watermark: true })).html)).toBe('PROJET');
    expect(mark(renderHtml(doc, issued('en', { watermark: true })).html)).toBe('DRAFT');
    expect(mark(renderHtml(doc, issued('fr', { watermark: true, finalised: true })).html)).toBeUndefined();
    expect(mark(renderHtml(doc, issued('fr', { watermark: false })).html)).toBeUndefined();
    // Defaults: on for the letterhead profile, off for the others.
    expect(mark(renderHtml(doc, letterhead('en')).html)).toBe('DRAFT');
    expect(mark(renderHtml(doc, issued('en')).html)).toBeUndefined();
    expect(mark(renderHtml(doc, manuscript('en')).html)).toBeUndefined();
    expect(styleOf(renderHtml(doc, issued('fr', { watermark: true })).html)).toMatch(/\.watermark \{ position: fixed;[^}]*rotate\(-45deg\);[^}]*color: #e3e3e3;/);
  });
});

describe('HTML print view: every template', () => {
  for (const kind of TEMPLATE_KINDS) {
    for (const lang of LANGS) {
      it(`${kind} (${lang}): well-formed in the three profiles, with its title and numbering, placeholders reported`, () => {
        const doc = createFromTemplate(kind, lang);
        for (const o of [issued(lang), manuscript(lang), letterhead(lang, { letterhead: { lines: ['Mission'] } })]) {
          const { html, warnings } = renderHtml(doc, o);
          const names = checkTags(html);
          expect(names).not.toContain('script');
          expect(names.filter((n) => n === 'section').length).toBeGreaterThan(0);
          expect(warnings.map((w) => w.code)).toContain('placeholders');
          const titles = textsOfClass(html, 'h1', 'doc-title');
          if (kind !== 'letter' || o.profile !== 'letterhead') expect(titles.length).toBeGreaterThan(0);
          if (o.profile === 'issued') expect(html).toContain(lang === 'fr' ? 'Nations Unies' : 'United Nations');
        }
      });
    }
  }
});
