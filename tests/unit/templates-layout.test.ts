/** Templates are valid, written in their language, and lay out with labels, quotes and typography. */
import { describe, expect, it } from 'vitest';
import { createFromTemplate } from '../../src/core/templates';
import { sequentialIds } from '../../src/core/model/builder';
import { DOCUMENT_KINDS, LANGS, type Lang } from '../../src/core/model/schema';
import { parseDocument } from '../../src/core/model/validate';
import { layoutDocument, type LayoutBlock } from '../../src/core/render/layout';
import { spansText } from '../../src/core/render/spans';
import { signatureLineSpans } from '../../src/core/render/traverse';
import { documentLines } from '../../src/core/render/text';
import { seed000 } from '../fixtures/seeds';
import { NBSP, NNBSP } from '../../src/core/locale/typography';

describe('templates', () => {
  const placeholderTexts = (kind: (typeof DOCUMENT_KINDS)[number], lang: Lang) =>
    Object.values(createFromTemplate(kind, lang).text[lang]!)
      .flatMap((t) => t.content)
      .flatMap((r) => (r.type === 'text' && r.placeholder ? [r.text] : []));
  const shape = (kind: (typeof DOCUMENT_KINDS)[number], lang: Lang) => JSON.stringify(createFromTemplate(kind, lang, sequentialIds()).parts);

  for (const kind of DOCUMENT_KINDS) {
    for (const lang of LANGS) {
      it(`${kind} (${lang}) is a valid document with placeholders, only in ${lang}`, () => {
        const doc = createFromTemplate(kind, lang);
        const r = parseDocument(doc);
        expect(r.ok ? [] : r.issues).toEqual([]);
        expect(Object.keys(doc.text)).toEqual([lang]);
        expect(doc.meta.originalLanguage).toBe(lang);
        expect(placeholderTexts(kind, lang).length).toBeGreaterThan(0);
      });
    }
    it(`${kind}: the French and English templates share one structure and no placeholder text`, () => {
      expect(shape(kind, 'fr')).toBe(shape(kind, 'en'));
      const fr = new Set(placeholderTexts(kind, 'fr'));
      expect(placeholderTexts(kind, 'en').filter((t) => fr.has(t))).toEqual([]);
    });
  }

  it('gives each new document fresh ids', () => {
    const a = createFromTemplate('letter', 'fr');
    const b = createFromTemplate('letter', 'fr');
    expect(a.parts[0]!.id).not.toBe(b.parts[0]!.id);
  });
});

function flat(blocks: LayoutBlock[]): LayoutBlock[] {
  return blocks.flatMap((b) => (b.type === 'quote' || b.type === 'participants' ? [b, ...flat(b.blocks)] : b.type === 'table' ? [b, ...b.rows.flatMap((r) => r.cells.flatMap((c) => flat(c.blocks)))] : [b]));
}

describe('layout', () => {
  it('puts a statement in quotation marks per language (French closes before the full stop)', () => {
    for (const [lang, open, close] of [['fr', `«${NBSP}`, `${NBSP}».`], ['en', '“', '”']] as const) {
      const doc = createFromTemplate('presidential-statement', lang);
      const quote = doc.parts[0]!.blocks.find((b) => b.kind === 'quote')!;
      if (quote.kind !== 'quote') throw new Error('no quote');
      doc.text[lang]![quote.blocks[1]!.id] = { content: [{ type: 'text', text: 'The end.' }] };
      const layout = layoutDocument(doc, lang);
      const q = layout.parts[0]!.blocks.find((b) => b.type === 'quote')!;
      if (q.type !== 'quote') throw new Error('no quote');
      const texts = q.blocks.map((b) => ('spans' in b ? spansText(b.spans) : ''));
      expect(texts[0]!.startsWith(open)).toBe(true);
      expect(texts[1]!.endsWith(lang === 'fr' ? `The end${close}` : `The end.${close}`)).toBe(true);
      expect(spansText((layout.parts[0]!.blocks[0] as Extract<LayoutBlock, { type: 'generated' }>).spans)).toMatch(lang === 'fr' ? /^Le Conseil de sécurité ayant examiné/ : /^At the … meeting/);
    }
  });

  it('lays out seed 000 with labels, generated text, French spacing and superscript ordinals', () => {
    const layout = layoutDocument(seed000().doc, 'fr');
    expect(layout.parts.map((p) => [p.kind, p.newPage, p.heading && spansText(p.heading)])).toEqual([
      ['letter', false, undefined],
      ['body', true, undefined],
      ['annex', true, 'Annexe'],
    ]);
    const report = flat(layout.parts[1]!.blocks);
    expect(report.filter((b) => b.type === 'paragraph' && b.numbered).map((b) => (b.type === 'paragraph' ? b.label : ''))).toEqual(
      Array.from({ length: 110 }, (_, i) => `${i + 1}.`),
    );
    const title = layout.parts[1]!.title;
    expect(title.find((s) => s.superscript)?.text).toBe('er');
    const para5 = report.find((b) => b.type === 'paragraph' && b.label === '5.')!;
    expect('spans' in para5 && spansText(para5.spans)).toBe(`Le Groupe de travail s’est penché sur les thèmes suivants${NBSP}:`);
    const sig = layout.parts[0]!.blocks.find((b) => b.type === 'signature')!;
    if (sig.type !== 'signature') throw new Error('no signature');
    expect(sig.signatories[0]!.lines.map((l) => spansText(signatureLineSpans(l)))).toEqual(['L’Ambassadeur,', 'Représentant permanent', '(Signé) Fodé Seck']);
    expect(sig.signatories[0]!.lines.map((l) => l.kind)).toEqual(['title', 'title', 'name']);
    expect(sig.signatories[0]!.lines[2]).toEqual({ kind: 'name', signed: { text: '(Signé)', italic: true }, name: [{ text: 'Fodé Seck' }] });
    expect(sig.signatories[0]!.person).toBe(seed000().doc.meta.sender);
    expect(spansText(layout.masthead.original)).toBe(`Original${NBSP}: français`);
    void NNBSP;
  });

  it('reads the same text as the plain-text rendering', () => {
    const doc = seed000().doc;
    const lines = documentLines(doc, 'fr');
    const layout = layoutDocument(doc, 'fr');
    const last = flat(layout.parts[1]!.blocks).find((b) => b.type === 'paragraph' && b.label === '110.')!;
    const plain = lines.find((l) => l.startsWith('110. '))!;
    expect(plain).toMatch(/^110\. Enfin, comme c['’]est le cas .* https:\/\/eroom\.un\.org\/eRoom\.$/);
    // The layout has the same words, with typography applied.
    expect('spans' in last && spansText(last.spans).replace(/[\u00a0\u202f]/g, ' ')).toBe(plain.slice('110. '.length));
  });
});
