/**
 * Growth with size (issue 16): importing a 100,000-paragraph DOCX and the same text, and exporting
 * a 100,000-block document, each in a process of its own so its peak memory (maxRSS) is measured.
 * Rows give throughput in MB/s of input beside a baseline that only reads the same bytes (unzip +
 * a pass of the streaming XML reader over word/document.xml; split into paragraphs; JSON.parse + validate + JSON.stringify), and peak memory beside
 * the input size, so the ratio column is memory ÷ input. Both should stay flat as inputs grow.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBytes } from '../../src/services/import';
import { minimalDocx, para } from '../integration/hostile/zip-fixtures';

const PARAGRAPHS = 100_000;

function measure(mode: string, file: string): { ms: number; peakMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(dirname(fileURLToPath(import.meta.url)), 'size-child.ts'), mode, file], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  return JSON.parse(out) as { ms: number; peakMb: number };
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-size-'));
  try {
    const lines: string[] = ['Rapport du Groupe de travail', ''];
    const paras: string[] = [para('Rapport du Groupe de travail')];
    for (let i = 1; i <= PARAGRAPHS; i++) {
      const t = `${i}. Le Groupe de travail a examiné la question numéro ${i} et en a débattu longuement.`;
      lines.push(t, '');
      paras.push(para(t));
    }
    const txt = join(dir, 'long.txt');
    const docx = join(dir, 'long.docx');
    const json = join(dir, 'long.json');
    writeFileSync(txt, lines.join('\n'));
    writeFileSync(docx, minimalDocx(paras.join('')));
    writeFileSync(json, JSON.stringify(importBytes(new TextEncoder().encode(lines.join('\n')), { name: 'long.txt' }).doc));
    const mb = (f: string) => statSync(f).size / (1024 * 1024);
    const rows = [];
    for (const [what, file, mode, baseMode, baseName] of [
      [`import ${PARAGRAPHS.toLocaleString('en')}-paragraph DOCX`, docx, 'import', 'parse-docx', 'unzip + one pass of the XML reader over word/document.xml'],
      [`import ${PARAGRAPHS.toLocaleString('en')}-paragraph text`, txt, 'import', 'split-text', 'split the text into paragraphs'],
      [`export ${PARAGRAPHS.toLocaleString('en')}-block document to DOCX`, json, 'export', 'json', 'JSON.parse + validate + JSON.stringify'],
    ] as const) {
      const size = mb(file);
      const run = measure(mode, file);
      const base = measure(baseMode, file);
      rows.push({ name: `${what} (${size.toFixed(1)} MB): throughput`, value: size / (run.ms / 1000), unit: 'MB/s', baselineName: baseName, baselineValue: size / (base.ms / 1000) });
      rows.push({ name: `${what}: peak memory`, value: run.peakMb, unit: 'MB', baselineName: 'input file size (ratio = memory ÷ input)', baselineValue: size });
    }
    // The DOCX reader alone (no recogniser): its peak beside the unpacked XML it reads.
    const xmlMb = unzipSync(readFileSync(docx))['word/document.xml']!.length / (1024 * 1024);
    rows.push({ name: `read ${PARAGRAPHS.toLocaleString('en')}-paragraph DOCX into source paragraphs: peak memory`, value: measure('read-docx', docx).peakMb, unit: 'MB', baselineName: 'unpacked word/document.xml (ratio = memory ÷ XML)', baselineValue: xmlMb });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
