// @vitest-environment jsdom
/**
 * The stored format stays the core model: model → editor → model is the identity on every
 * template and on the five seeds as the importer reads them, through Lexical's own JSON (editor
 * state → JSON → a new editor) and through the HTML of in-app copy and paste (exportDOM →
 * importDOM), so a node that kept the block's JSON aside could not pass: every id, kind, level,
 * word, mark, placeholder, footnote, cross-reference and override has to travel through the
 * nodes themselves.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, LANGS, type Lang, type RDocument } from '../../../src/core/model/schema';
import { sequentialIds } from '../../../src/core/model/builder';
import { createFromTemplate } from '../../../src/core/templates';
import { importText } from '../../../src/core/import';
import { readSeed } from '../../fixtures/seeds';
import { editorWith, modelOf, throughHtml, throughJson } from './helpers';
import { everyFeature } from './fixtures';

/** A document as the store keeps it (JSON: a property set to undefined is no property). */
const stored = (doc: RDocument): RDocument => JSON.parse(JSON.stringify(doc)) as RDocument;

const cases: { name: string; doc: RDocument; lang: Lang }[] = [
  ...DOCUMENT_KINDS.flatMap((kind) => LANGS.map((lang) => ({ name: `template ${kind} (${lang})`, doc: stored(createFromTemplate(kind, lang, sequentialIds())), lang }))),
  ...['000', '001', '002', '003', '004'].map((seed) => {
    const { doc, report } = importText(readSeed(seed));
    return { name: `seed ${seed} as imported`, doc: stored(doc), lang: report.language };
  }),
  { name: 'a document with every feature (French)', doc: everyFeature(), lang: 'fr' },
  { name: 'a document with every feature (English, the other language kept)', doc: everyFeature(), lang: 'en' },
];

describe('model → editor → model', () => {
  it('covers the 12 templates and the 5 seeds', () => {
    expect(cases.filter((c) => /^(template|seed)/.test(c.name))).toHaveLength(17);
  });

  for (const c of cases) {
    it(`${c.name}: identity through Lexical's JSON`, () => {
      const editor = throughJson(editorWith(c.doc, c.lang));
      expect(modelOf(editor, c.doc, c.lang)).toStrictEqual(c.doc);
    });

    it(`${c.name}: identity through exportDOM / importDOM`, () => {
      const { editor, html } = throughHtml(editorWith(c.doc, c.lang), c.doc, c.lang);
      expect(html).not.toContain('"kind"');
      if (/ (report|every feature)/.test(c.name) || c.name.startsWith('seed 000')) expect(html).toMatch(/data-rk-label="">1\.(&nbsp;|\u00a0)</);
      expect(modelOf(editor, c.doc, c.lang)).toStrictEqual(c.doc);
    });
  }
});
