// @vitest-environment jsdom
/**
 * Pasted text becomes structure through the core recogniser the importer uses: typed numbers
 * ("12.", "a)", "i)", "II.", "A.") and list numbers become numbered paragraphs, subparagraphs,
 * headings, without the numbers in the words; bold and italic are kept, the rest dropped. On
 * real fragments: Word's clipboard HTML (mso- styles, MsoListParagraph, <o:p>), LibreOffice's
 * HTML of a DOCX the app exported (seed 000), a web page, and the seeds' own text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, TextLayer } from '../../../src/core/model/schema';
import { htmlToSource } from '../../../src/renderer/editor/paste/htmlSource';
import { handOver } from '../../../src/core/import/source';
import { recognizeSource, recognizeText, type Fragment } from '../../../src/renderer/editor/paste/recognize';
import { readSeed } from '../../fixtures/seeds';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'clipboard', name), 'utf8');

function flat(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...(b.kind === 'quote' || b.kind === 'participants' ? flat(b.blocks) : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => flat(c.blocks))) : [])]);
}

function words(text: TextLayer, id: string): string {
  return (text[id]?.content ?? []).map((r: Inline) => (r.type === 'text' ? r.text : '')).join('');
}

function shape(f: Fragment): string[] {
  return flat(f.blocks).map((b) => {
    const kind = b.kind === 'heading' ? `heading:${b.level}` : b.kind === 'paragraph' ? (b.numbered ? 'numbered' : 'paragraph') : b.kind === 'subparagraph' ? `sub${b.level}` : b.kind;
    return `${kind} ${words(f.text, b.id)}`.trim();
  });
}

describe('paste from Word', () => {
  const f = recognizeSource(handOver(htmlToSource(fixture('word.html'))), 'fr');

  it('turns typed numbers into structure and drops them from the words', () => {
    const s = shape(f);
    expect(s.map((x) => x.split(' ')[0])).toEqual(['heading:chapter', 'heading:section', 'numbered', 'numbered', 'sub1', 'sub1', 'sub2', 'sub2', 'numbered']);
    expect(s[0]).toBe('heading:chapter Réunions du Groupe de travail');
    expect(s[2]).toMatch(/^numbered Le Groupe de travail s'est réuni le 27 mai 2016/);
    expect(s[4]).toMatch(/^sub1 la nécessité d'un financement/);
    expect(s[6]).toMatch(/^sub2 la formation des contingents/);
    expect(s.join('\n')).not.toMatch(/\b1[234]\.|\ba\)|\bii?\)|\[1\]/);
  });

  it('keeps bold and italic, drops colours, fonts, Word markup and footnote anchors', () => {
    const para = flat(f.blocks).filter((b) => b.kind === 'paragraph')[0]!;
    const runs = f.text[para.id]!.content;
    expect(runs).toContainEqual({ type: 'text', text: 'partenariats', marks: ['bold'] });
    expect(runs).toContainEqual({ type: 'text', text: 'Union africaine', marks: ['italic'] });
    expect(JSON.stringify(f.text)).not.toMatch(/mso|MsoList|o:p|Voir S\/2016\/440/);
    expect(words(f.text, flat(f.blocks)[7]!.id)).toBe('le partage des informations et des meilleures pratiques.');
  });
});

describe('paste from LibreOffice (the HTML of a DOCX this app exported)', () => {
  const f = recognizeSource(handOver(htmlToSource(fixture('libreoffice-seed000.html'))), 'fr');
  const s = shape(f);

  it('gives back the report’s 110 numbered paragraphs, its chapters, sections and subparagraphs', () => {
    expect(s.filter((x) => x.startsWith('numbered '))).toHaveLength(110);
    expect(s.filter((x) => x.startsWith('heading:chapter '))).toEqual(['heading:chapter Introduction', 'heading:chapter Réunions du Groupe de travail', expect.stringMatching(/^heading:chapter Conclusion/)]);
    expect(s.filter((x) => x.startsWith('heading:section ')).length).toBeGreaterThanOrEqual(5);
    expect(s.filter((x) => x.startsWith('sub1 ')).length).toBeGreaterThanOrEqual(5);
    expect(s.find((x) => x.startsWith('numbered '))).toMatch(/^numbered Le Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies a été établi/);
  });
});

describe('paste from a web page', () => {
  const f = recognizeSource(handOver(htmlToSource(fixture('web.html'))), 'fr');

  it('reads headings, typed numbers, list items and tables, and drops scripts and images', () => {
    expect(shape(f)).toEqual([
      'heading:chapter Introduction',
      'numbered Le Conseil de sécurité a tenu un débat public sur le thème « Paix et sécurité en Afrique » le 8 octobre 2019.',
      'numbered Les orateurs ont abordé les questions suivantes :',
      'bullet le rôle des organisations régionales ;',
      'bullet le financement des opérations de paix.',
      'numbered Plusieurs délégations ont insisté sur la protection des civils.\nEn savoir plus',
      'table',
      'paragraph Date',
      'paragraph Thème',
      'paragraph 8 octobre',
      'paragraph Débat public',
    ]);
    const table = f.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.headerRows).toBe(1);
    expect(f.text[f.blocks[1]!.id]!.content).toContainEqual({ type: 'text', text: 'débat public', marks: ['bold'] });
  });
});

describe('paste of the seeds’ text', () => {
  it('seed 004: paragraphs 1–9 typed with their numbers become nine numbered paragraphs', () => {
    const text = readSeed('004');
    const start = text.indexOf('1. ');
    const f = recognizeText(text.slice(start), 'fr');
    const numbered = shape(f).filter((x) => x.startsWith('numbered '));
    expect(numbered).toHaveLength(9);
    expect(numbered.join('\n')).not.toMatch(/^numbered \d+\./m);
  });
});
