/**
 * Comments as Word writes them (word/comments.xml; w:commentRangeStart/End around the words,
 * w:commentReference in a run after them): a range over two paragraphs, a comment with only its
 * mark, one in a table cell, a reply, one in a footnote. Each is kept as a note on the block its
 * range opens in; the one in a footnote on the document, reported.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx, importBytes } from '../../../src/services/import';
import { parseDocument } from '../../../src/core/model/validate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const ref = (id: number) => `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;

const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${p(r('Rapport du Groupe de travail'))}
${p(`${r('1. Le Groupe de travail a tenu ')}<w:commentRangeStart w:id="0"/>${r('trois séances')}<w:commentRangeEnd w:id="0"/>${ref(0)}<w:commentRangeStart w:id="3"/><w:commentRangeEnd w:id="3"/>${ref(3)}${r(' en 2016.')}`)}
${p(`${r('2. Il a examiné ')}<w:commentRangeStart w:id="1"/>${r('la coopération avec les pays')}`)}
${p(`${r('3. Il a entendu les pays fournisseurs de contingents')}<w:commentRangeEnd w:id="1"/>${ref(1)}${r('.')}`)}
${p(`${r('4. Il a adopté ses conclusions.')}${ref(2)}${r('')}<w:r><w:footnoteReference w:id="1"/></w:r>`)}
<w:tbl><w:tr><w:tc>${p(`${r('Date')}`)}</w:tc><w:tc>${p(`<w:commentRangeStart w:id="4"/>${r('28 avril')}<w:commentRangeEnd w:id="4"/>${ref(4)}`)}</w:tc></w:tr>
<w:tr><w:tc>${p(r('Lieu'))}</w:tc><w:tc>${p(r('New York'))}</w:tc></w:tr></w:tbl>
</w:body></w:document>`;

const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${W}><w:footnote w:id="1">${p(`${r('Voir le document ')}<w:commentRangeStart w:id="5"/>${r('A/70/95')}<w:commentRangeEnd w:id="5"/>${ref(5)}`)}</w:footnote></w:footnotes>`;

const comment = (id: number, author: string, text: string) => `<w:comment w:id="${id}" w:author="${author}" w:date="2026-11-30T14:05:00Z" w:initials="X"><w:p><w:r><w:annotationRef/></w:r>${r(text)}</w:p></w:comment>`;
const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ${W}>${comment(0, 'Marie Curie', 'Combien exactement ?')}${comment(1, 'Marie Curie', 'Réunir ces deux paragraphes.')}${comment(2, 'Ana Silva', 'Date des conclusions ?')}${comment(3, 'Ana Silva', 'Réponse : trois, voir le programme.')}${comment(4, 'Ana Silva', 'Le 29 ?')}${comment(5, 'Ana Silva', 'Cote à vérifier.')}</w:comments>`;

const docx = zipSync({ 'word/document.xml': strToU8(document), 'word/footnotes.xml': strToU8(footnotes), 'word/comments.xml': strToU8(comments) });

describe('comments in a DOCX written by Word', () => {
  it('are read with their paragraph and the words their range covers', () => {
    const read = readDocx(docx, 'revu.docx');
    const byId = new Map(read.comments.map((c) => [c.id, c]));
    expect(read.comments).toHaveLength(6);
    expect(byId.get('0')).toMatchObject({ text: 'Combien exactement ?', author: 'Marie Curie', date: '2026-11-30T14:05:00Z', quote: 'trois séances' });
    expect(byId.get('0')!.paragraph).toMatch(/^1\. Le Groupe de travail a tenu trois séances en 2016\.$/);
    // a range over two paragraphs is on the one it opens in, quoting nothing
    expect(byId.get('1')!.paragraph).toMatch(/^2\. Il a examiné/);
    expect(byId.get('1')!.quote).toBeUndefined();
    // a mark without a range: on the paragraph of the mark
    expect(byId.get('2')!.paragraph).toMatch(/^4\. Il a adopté/);
    expect(byId.get('4')).toMatchObject({ paragraph: '28 avril', quote: '28 avril' });
    expect(byId.get('5')!.paragraph).toBe('Voir le document A/70/95');
  });

  it('are kept as notes on their blocks by the import; the one in a footnote on the document, said in a warning', () => {
    const { doc, report } = importBytes(docx, { name: 'revu.docx' });
    expect(parseDocument(doc).ok).toBe(true);
    const words = (id: string) => (doc.text.fr?.[id]?.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('');
    const notes = doc.notes!;
    expect(notes).toHaveLength(6);
    const on = (text: string) => words(notes.find((n) => n.text === text)!.block);
    expect(on('Combien exactement ?')).toMatch(/trois séances en 2016/);
    expect(on('Réponse : trois, voir le programme.')).toMatch(/trois séances en 2016/);
    expect(on('Réunir ces deux paragraphes.')).toMatch(/^Il a examiné/);
    expect(on('Date des conclusions ?')).toMatch(/^Il a adopté/);
    expect(on('Le 29 ?')).toBe('28 avril');
    const footnote = notes.find((n) => n.text === 'Cote à vérifier.')!;
    expect(footnote).toMatchObject({ block: doc.parts[0]!.id, quote: 'Voir le document A/70/95', author: 'Ana Silva', source: 'revu.docx' });
    expect(report.warnings).toContain('1 comment whose paragraph was not found (in a footnote, or left out): kept as notes on the document, each quoting its paragraph.');
  });
});
