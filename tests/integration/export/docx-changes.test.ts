/**
 * The tracked-changes DOCX (export NEW --changes-from OLD): seed 000 as imported, against a
 * version with two paragraphs changed, one deleted, one inserted and a section moved. LibreOffice
 * opens it through its Python UNO bridge (review-changes.py), lists the changes, and accepts all of
 * them, then (reloaded) rejects all of them, by itself; the text it then holds, numbers included
 * (live Word numbering, as LibreOffice numbers it), is compared word by word with the new version's
 * and the old version's own DOCX read the same way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import type { Block, RDocument } from '../../../src/core/model/schema';
import { defaultExportOptions } from '../../../src/core/render/options';
import { exportDocx } from '../../../src/services/export/docx/index';
import type { ChangesFrom } from '../../../src/services/export/docx/revisions';
import { readSeed } from '../../fixtures/seeds';
import { run, unoPython } from '../uno';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Review = {
  changes: { type: string; author: string; date: string; moved: boolean }[];
  marked: [string, string][];
  accepted: [string, string][];
  rejected: [string, string][];
  markedNotes: string[];
  acceptedNotes: string[];
  rejectedNotes: string[];
  afterAccept: number;
  afterReject: number;
};

async function review(name: string, bytes: Uint8Array): Promise<Review> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const { stdout } = await run(await unoPython(), [join(here, 'review-changes.py'), file], { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Review;
}

/** Paragraphs as words: each paragraph's number (LibreOffice's list label) and its text. */
const words = (paragraphs: [string, string][]) =>
  paragraphs
    .map(([label, text]) => `${label} ${text}`.trim())
    .filter((t) => t !== '')
    .join(' ')
    .split(/\s+/);

const old = importText(readSeed('000')).doc;
const edited: RDocument = structuredClone(old);
const body = edited.parts[1]!;
const fr = edited.text.fr!;
const textOf = (id: string) => fr[id]!.content.map((c) => ('text' in c ? c.text : '')).join('');
const at = (id: string) => body.blocks.findIndex((b) => b.id === id);
// two paragraphs changed
fr.b9 = { content: [{ type: 'text', text: textOf('b9').replace('Sénégal', 'Sénégal, Fodé Seck,') }] };
fr.b21 = { content: [{ type: 'text', text: textOf('b21').replace('le Président a souligné', 'le Président du Groupe a rappelé') }] };
// one deleted
body.blocks.splice(at('b10'), 1);
delete fr.b10;
// one inserted
body.blocks.splice(at('b13'), 0, { id: 'bnew', kind: 'paragraph', numbered: true } as Block);
fr.bnew = { content: [{ type: 'text', text: 'Le Groupe de travail a tenu six réunions au cours de l’année considérée.' }] };
// section C (b71 … b89) moved after section E, before chapter III
const sectionC = body.blocks.splice(at('b71'), at('b90') - at('b71'));
body.blocks.splice(at('b145'), 0, ...sectionC);

const changes: ChangesFrom = { from: old, ids: 'trust', author: 'Awa Diop', date: '2017-02-01T09:00:00Z', style: 'tracked' };
const options = defaultExportOptions('fr', 'issued');
let tracked: Uint8Array;
let xml: string;
let reviewed: Review;
let newText: Review;
let oldText: Review;

beforeAll(async () => {
  tracked = (await exportDocx(edited, options, changes)).bytes;
  xml = new TextDecoder().decode(unzipSync(tracked)['word/document.xml']!);
  [reviewed, newText, oldText] = await Promise.all([
    review('tracked.docx', tracked),
    exportDocx(edited, options).then((r) => review('new.docx', r.bytes)),
    exportDocx(old, options).then((r) => review('old.docx', r.bytes)),
  ]);
}, 400_000);

describe('the tracked-changes DOCX of seed 000 against an edited version', () => {
  it('holds w:ins, w:del, w:moveFrom and w:moveTo with their author and date, and the moved paragraphs’ range markers', () => {
    for (const tag of ['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']) {
      const marks = xml.match(new RegExp(`<${tag} [^>]*>`, 'g')) ?? [];
      expect(marks.length, tag).toBeGreaterThan(0);
      for (const m of marks) expect(m).toMatch(/w:author="Awa Diop"/);
      for (const m of marks) expect(m).toMatch(/w:date="2017-02-01T09:00:00Z"/);
    }
    // the section moved: 19 paragraphs, each with its range at both ends, paired by name
    const from = [...xml.matchAll(/<w:moveFromRangeStart [^>]*w:name="(move\d+)"/g)].map((m) => m[1]);
    const to = [...xml.matchAll(/<w:moveToRangeStart [^>]*w:name="(move\d+)"/g)].map((m) => m[1]);
    expect(from).toHaveLength(19);
    expect(new Set(to)).toEqual(new Set(from));
    expect(xml.match(/<w:moveFromRangeEnd /g)).toHaveLength(19);
    // deleted paragraph: its text as deleted text, its paragraph mark deleted
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del [^>]*\/><\/w:rPr>/);
    expect(xml).toContain('<w:delText');
    // inserted paragraph: its paragraph mark inserted, still Word numbering
    expect(xml).toMatch(/<w:p>(?:(?!<\/w:p>).)*<w:numPr>(?:(?!<\/w:p>).)*<w:rPr><w:ins [^>]*\/><\/w:rPr>(?:(?!<\/w:p>).)*six réunions/);
  });

  it('LibreOffice lists the changes as tracked changes, all by the author', () => {
    // LibreOffice (7.4) lists one change per stretch of one kind, and reads a move as the text
    // deleted where it was and inserted where it went (it has no moves of its own):
    // inserted: "Fodé Seck," in b9, "du Groupe" and "rappelé" in b21, the new paragraph, the section where it went;
    // deleted: "souligné" in b21, paragraph b10, the section where it was.
    const count = (type: string) => reviewed.changes.filter((c) => c.type === type).length;
    expect(count('Insert')).toBe(5);
    expect(count('Delete')).toBe(3);
    expect(reviewed.changes).toHaveLength(8);
    for (const c of reviewed.changes) expect(c).toMatchObject({ author: 'Awa Diop', date: '2017-02-01' });
  });

  it('accepting all (in LibreOffice) gives the new text, word by word, with its numbers', () => {
    expect(reviewed.afterAccept).toBe(0);
    // the numbers are LibreOffice's list labels (live numbering): the new paragraph is 4.
    expect(newText.marked).toContainEqual(['4.', 'Le Groupe de travail a tenu six réunions au cours de l’année considérée.']);
    expect(words(reviewed.accepted)).not.toEqual(words(reviewed.rejected));
    expect(words(reviewed.accepted)).toEqual(words(newText.marked));
  });

  it('rejecting all (in LibreOffice) gives the old text, word by word, with its numbers', () => {
    expect(reviewed.afterReject).toBe(0);
    expect(words(reviewed.rejected)).toEqual(words(oldText.marked));
  });
});

/*
 * The rest of what a version changes: an annex's title, a table cell, a table row inserted and
 * another deleted, a word made bold (its formatting alone), a footnote's words, and an annex
 * deleted whole (heading, title and text), which takes the other annex's number away. Seed 000 has no footnote: the old version is given one.
 */
const old2: RDocument = structuredClone(old);
old2.text.fr!.b9 = { content: [...old2.text.fr!.b9!.content, { type: 'footnote', id: 'fn1', content: [{ type: 'text', text: 'Voir la déclaration du Président du Conseil de sécurité du 31 janvier 2001.' }] }] };
// and a second annex, which the new version deletes whole (the first is then « Annexe », not « Annexe I »)
old2.parts[1]!.parts.push({ id: 'pgone', kind: 'annex', blocks: [{ id: 'bgone', kind: 'paragraph', numbered: false }], parts: [] });
old2.text.fr!.pgone = { content: [{ type: 'text', text: 'Liste des documents examinés' }] };
old2.text.fr!.bgone = { content: [{ type: 'text', text: 'Note de cadrage sur la technologie (S/2016/1019).' }] };
const edited2: RDocument = structuredClone(old2);
edited2.parts[1]!.parts.pop();
delete edited2.text.fr!.pgone;
delete edited2.text.fr!.bgone;
const fr2 = edited2.text.fr!;
const annex = edited2.parts[1]!.parts[0]!;
fr2[annex.id] = { content: [{ type: 'text', text: 'Réunions tenues par le Groupe de travail en 2016' }] };
const table = annex.blocks.find((b) => b.kind === 'table')!;
const cell = table.kind === 'table' ? table.rows[1]!.cells[0]!.blocks[0]!.id : '';
fr2[cell] = { content: [{ type: 'text', text: '29 avril' }] };
// a row inserted after the first meeting, the fourth row deleted
if (table.kind === 'table') {
  const gone = table.rows.splice(4, 1)[0]!;
  for (const c of gone.cells) for (const x of c.blocks) delete fr2[x.id];
  const ids = ['bx1', 'bx2', 'bx3'];
  table.rows.splice(2, 0, { id: 'rnew', cells: ids.map((id, i) => ({ id: `cnew${i}`, blocks: [{ id, kind: 'paragraph', numbered: false }] })) });
  ['12 mai', 'M. Jean-Pierre Lacroix, Secrétaire général adjoint', 'Réunion ajoutée sur la planification'].forEach((text, i) => (fr2[ids[i]!] = { content: [{ type: 'text', text }] }));
}
const b21 = fr2.b21!.content[0] as { type: 'text'; text: string };
const [before21, after21] = b21.text.split(/(?<=le Président) /) as [string, string];
fr2.b21 = { content: [{ type: 'text', text: `${before21} ` }, { type: 'text', text: after21.split(' ')[0]!, marks: ['bold'] }, { type: 'text', text: after21.slice(after21.indexOf(' ')) }] };
fr2.b9 = { content: [...fr2.b9!.content.slice(0, -1), { type: 'footnote', id: 'fn1', content: [{ type: 'text', text: 'Voir la déclaration du Président du Conseil de sécurité du 31 janvier 2001 (S/PRST/2001/3).' }] }] };

describe('the tracked-changes DOCX marks titles, table rows and cells, formatting and footnotes too', () => {
  let xml2: string;
  let notes2: string;
  let r2: Review;
  let new2: Review;
  let old2Text: Review;
  beforeAll(async () => {
    const bytes = (await exportDocx(edited2, options, { ...changes, from: old2 })).bytes;
    const files = unzipSync(bytes);
    xml2 = new TextDecoder().decode(files['word/document.xml']!);
    notes2 = new TextDecoder().decode(files['word/footnotes.xml']!);
    [r2, new2, old2Text] = await Promise.all([
      review('tracked2.docx', bytes),
      exportDocx(edited2, options).then((r) => review('new2.docx', r.bytes)),
      exportDocx(old2, options).then((r) => review('old2.docx', r.bytes)),
    ]);
  }, 400_000);

  it('writes them as revisions: the title’s and the cell’s words, w:rPrChange for the bold word, the footnote’s words inside the footnote', () => {
    expect(xml2).toMatch(/<w:ins [^>]*><w:r>(?:(?!<\/w:ins>).)*tenues par(?:(?!<\/w:ins>).)*<\/w:ins>/);
    expect(xml2).toMatch(/<w:delText[^>]*>28<\/w:delText>/);
    expect(xml2).toMatch(/<w:rPrChange [^>]*w:author="Awa Diop"[^>]*>/);
    expect(notes2).toMatch(/<w:ins [^>]*w:author="Awa Diop"[^>]*>(?:(?!<\/w:ins>).)*S\/PRST\/2001\/3/);
    // the rows: one inserted, one deleted, each as a whole row
    expect(xml2).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins [^>]*w:author="Awa Diop"/);
    expect(xml2).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del [^>]*w:author="Awa Diop"/);
    // one footnote, its reference kept
    expect(notes2.match(/<w:footnote [^>]*w:id="[1-9]/g)).toHaveLength(1);
  });

  it('LibreOffice lists them as tracked changes by the author', () => {
    const types = r2.changes.map((c) => c.type);
    expect(types).toContain('Format');
    expect(types.filter((t) => t === 'Insert').length).toBeGreaterThanOrEqual(3);
    for (const c of r2.changes) expect(c).toMatchObject({ author: 'Awa Diop', date: '2017-02-01' });
  });

  it('accepting all gives the new text and footnote, rejecting all the old ones, word by word', () => {
    expect([r2.afterAccept, r2.afterReject]).toEqual([0, 0]);
    expect(words(r2.accepted)).toEqual(words(new2.marked));
    expect(words(r2.rejected)).toEqual(words(old2Text.marked));
    expect(words(r2.accepted)).not.toEqual(words(r2.rejected));
    expect(r2.acceptedNotes).toEqual(new2.markedNotes);
    expect(r2.rejectedNotes).toEqual(old2Text.markedNotes);
    expect(new2.markedNotes).toHaveLength(1);
    expect(new2.markedNotes[0]).toContain('(S/PRST/2001/3)');
  });

  it('strike-out and bold: the deleted row is written where it stood, struck out, the new one in bold', async () => {
    const plain = new TextDecoder().decode(unzipSync((await exportDocx(edited2, options, { ...changes, from: old2, style: 'strike-bold' })).bytes)['word/document.xml']!);
    expect(plain).not.toMatch(/<w:(ins|del|trPr><w:del) /);
    expect(plain).toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:strike\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>27 juillet<\/w:t>/);
    expect(plain).toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>12 mai<\/w:t>/);
  });
});
