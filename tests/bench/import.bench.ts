/**
 * Import speed: a 1,000-paragraph report as PDF-extracted text (seed 000's report paragraphs
 * repeated and renumbered) and the same length as DOCX with Word numbering. Each row has a
 * baseline measured in the same run: for text, only cutting the text into paragraphs with a
 * regular expression; for DOCX, only unzipping word/document.xml and one pass of the XML reader over it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { importText } from '../../src/core/import';
import { importBytes } from '../../src/services/import';
import { streamXml } from '../../src/services/import/xml-stream';
import { toRoman } from '../../src/core/numbering/numerals';
import { SEEDS_DIR } from '../fixtures/seeds';
import { buildLongDocx } from '../integration/import/fixtures';

export function median(f: () => unknown, runs = 9): number {
  f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Seed 000 with its report repeated until it has `paragraphs` numbered paragraphs, renumbered. */
export function longReport(paragraphs = 1000): string {
  const lines = readFileSync(join(SEEDS_DIR, '000_364a0ca6f4d75822.txt'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\s*I\.\s+Introduction/.test(l));
  const end = lines.findIndex((l) => /^\s*Annexe\s*$/.test(l));
  const head = lines.slice(0, start);
  const body = lines.slice(start, end);
  const out = [...head];
  let para = 0;
  let chapter = 0;
  while (para < paragraphs) {
    for (const line of body) {
      const p = /^(\s*)(\d{1,3})\.(\s.*)$/.exec(line);
      const c = /^(\s*)(I|II|III)\.(\s.*)$/.exec(line);
      if (p) {
        if (para >= paragraphs) break;
        out.push(`${p[1]}${++para}.${p[3]}`);
      } else if (c) out.push(`${c[1]}${toRoman(++chapter)}.${c[3]}`);
      else out.push(line);
    }
  }
  return out.join('\n');
}

export default async function bench() {
  const text = longReport(1000);
  const check = importText(text);
  if (check.report.numberedParagraphs !== 1000) throw new Error(`expected 1000 paragraphs, got ${check.report.numberedParagraphs}`);
  const textMs = median(() => importText(text));
  const splitMs = median(() => text.split(/\n[ \t]*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p !== ''));

  const docx = await buildLongDocx(1000);
  const docxMs = median(() => importBytes(docx, { name: 'long.docx' }));
  const parseMs = median(() => streamXml(new TextDecoder().decode(unzipSync(docx)['word/document.xml']!), { keep: () => false, element: () => undefined }, 'word/document.xml', 'long.docx'));

  // A letter with 1,000 annexes beside the same paragraphs without annex headings: the annex
  // headings' regeneration check was once quadratic (8.6 s for 1,000).
  const letter = (annexes: boolean) => {
    const lines = ['Lettre datée du 3 mars 2022', '', 'J’ai l’honneur de vous faire tenir ci-joint les annexes.', ''];
    for (let i = 1; i <= 1000; i++) lines.push(annexes ? `Annexe ${i}` : `Paragraphe ${i}`, '', `Texte de l’annexe numéro ${i}, qui est complet.`, '');
    return lines.join('\n');
  };
  const withAnnexes = letter(true);
  const withoutAnnexes = letter(false);
  if (importText(withAnnexes).report.annexes !== 1000) throw new Error('expected 1,000 annexes');
  const annexMs = median(() => importText(withAnnexes), 3);
  const plainMs = median(() => importText(withoutAnnexes), 3);

  return [
    { name: 'import a letter with 1,000 annexes (text)', value: annexMs, unit: 'ms', baselineName: 'the same paragraphs without annex headings', baselineValue: plainMs },
    { name: 'import 1,000-paragraph report (PDF text, 0.5 MB)', value: textMs, unit: 'ms', baselineName: 'split the same text into paragraphs (regex)', baselineValue: splitMs },
    { name: 'import 1,000-paragraph report (DOCX, Word numbering)', value: docxMs, unit: 'ms', baselineName: 'unzip + one pass of the XML reader over word/document.xml', baselineValue: parseMs },
  ];
}
