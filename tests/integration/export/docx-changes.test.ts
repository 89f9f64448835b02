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

type Review = { changes: { type: string; author: string; date: string; moved: boolean }[]; marked: [string, string][]; accepted: [string, string][]; rejected: [string, string][]; afterAccept: number; afterReject: number };

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
