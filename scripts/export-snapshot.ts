/**
 * Export snapshots, to prove that a refactor leaves every export as it was:
 *
 *   node --import tsx scripts/export-snapshot.ts write DIR     writes the snapshot into DIR
 *   node --import tsx scripts/export-snapshot.ts compare A B   lists what differs between two,
 *                                                              grouped by the lines that changed
 *
 * A snapshot holds, for every template (6 kinds × French and English), the five seeds (imported
 * from ../shared/seeds as the CLI does) and the test suite's richer documents, in each profile
 * and paper: the DOCX's word/document.xml, numbering.xml, styles.xml, footnotes.xml, headers and
 * footers, the HTML print view, and the warnings of both exports. Ids are sequential, so two
 * runs of the same code write the same bytes (the script checks that on a few documents).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { LANGS, type RDocument } from '../src/core/model/schema';
import { sequentialIds } from '../src/core/model/builder';
import { defaultVersion } from '../src/core/model/versions';
import { createFromTemplate, TEMPLATE_KINDS } from '../src/core/templates';
import { importText } from '../src/core/import';
import { commonSubsequence } from '../src/core/compare/sequence';
import { exportDocx } from '../src/services/export/docx';
import { renderHtml } from '../src/services/export/html';
import { defaultExportOptions, EXPORT_PROFILES, PAPERS, type ExportOptions } from '../src/core/render/options';
import { readSeed, seed000, seed004, seedMeta } from '../tests/fixtures/seeds';
import { featureDocument, jointLetter } from '../tests/integration/export/docx-documents';
import { png } from '../tests/integration/export/print-helpers';

/** The parts of a DOCX that carry what the page shows. */
const DOCX_PARTS = /^word\/(document|numbering|styles|footnotes|header\d+|footer\d+)\.xml$/;

type Case = { name: string; doc: RDocument; options: ExportOptions };

function everyProfile(name: string, doc: RDocument, lang = defaultVersion(doc)): Case[] {
  return EXPORT_PROFILES.flatMap((profile) => PAPERS.map((paper) => ({ name: `${name}/${profile}-${paper}`, doc, options: { ...defaultExportOptions(lang, profile), paper } })));
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const kind of TEMPLATE_KINDS) for (const lang of LANGS) out.push(...everyProfile(`template-${kind}-${lang}`, createFromTemplate(kind, lang, sequentialIds()), lang));
  for (const seed of ['000', '001', '002', '003', '004']) out.push(...everyProfile(`seed-${seed}-imported`, importText(readSeed(seed), { ids: sequentialIds() }).doc));
  out.push(...everyProfile('seed-000-built', seed000().doc), ...everyProfile('seed-004-built', seed004().doc));
  for (const prefix of ['001', '002', '003'] as const) out.push(...everyProfile(`seed-${prefix}-meta`, seedMeta(prefix).doc));
  for (const lang of LANGS) {
    out.push(...everyProfile(`feature-${lang}`, featureDocument(lang).doc, lang), ...everyProfile(`joint-letter-${lang}`, jointLetter(lang), lang));
    // The options that change what is drawn: images, a signed letterhead, a watermark.
    const feature = featureDocument(lang).doc;
    const letterhead = { lines: ['Permanent Mission of Senegal', '229 East 44th Street, New York'], reference: 'No 17/2024', place: 'New York', logo: png(60, 30) };
    const signatures = { chair: png(90, 30), deputy: png(80, 30) };
    const base = defaultExportOptions(lang, 'letterhead');
    out.push(
      { name: `feature-${lang}/letterhead-signed`, doc: feature, options: { ...base, letterhead, signatures, finalised: true } },
      { name: `feature-${lang}/letterhead-unsigned`, doc: feature, options: { ...base, letterhead, signatures } },
      { name: `feature-${lang}/letterhead-one-signature`, doc: feature, options: { ...base, letterhead, signatures: { chair: signatures.chair }, finalised: true } },
      { name: `feature-${lang}/issued-image-watermark`, doc: feature, options: { ...defaultExportOptions(lang, 'issued'), mastheadImage: png(50, 50), watermark: true } },
    );
  }
  return out;
}

/**
 * The docx library names each watermark shape at random and numbers drawings (`wp:docPr`) across
 * the whole process: the only bytes that vary between runs, numbered here again in file order.
 */
function stable(xml: string): string {
  let drawing = 0;
  return xml.replace(/PowerPlusWaterMarkObject[\w-]+/g, 'PowerPlusWaterMarkObject').replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
}

async function snapshot(c: Case): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const docx = await exportDocx(c.doc, c.options);
  for (const [path, bytes] of Object.entries(unzipSync(docx.bytes))) {
    if (DOCX_PARTS.test(path)) files[`docx/${path.slice('word/'.length)}`] = stable(strFromU8(bytes));
  }
  const html = renderHtml(c.doc, c.options);
  files['print-view.html'] = html.html;
  files['warnings.json'] = `${JSON.stringify({ docx: docx.warnings, html: html.warnings }, null, 1)}\n`;
  return files;
}

async function write(dir: string): Promise<void> {
  const all = cases();
  // Two runs of the same code must agree, or a comparison would report noise.
  for (const c of all.filter((x) => x.name.startsWith('feature-fr/'))) {
    const [a, b] = [await snapshot(c), await snapshot(c)];
    for (const k of Object.keys(a)) if (a[k] !== b[k]) throw new Error(`${c.name}/${k} differs between two runs: the snapshot would not be reproducible\n${changedLines(k, a[k]!, b[k]!).slice(0, 6).join('\n')}`);
  }
  for (const c of all) {
    for (const [file, text] of Object.entries(await snapshot(c))) {
      const path = join(dir, c.name, file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
  }
  console.log(`${all.length} exports written to ${dir}`);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

/** A file's lines, XML cut after each tag so that a change shows as the few elements it touches. */
function lines(file: string, text: string): string[] {
  return file.endsWith('.xml') ? text.replace(/>/g, '>\n').split('\n') : text.split('\n');
}

/** The lines removed ("- ") and added ("+ ") between two texts, from their longest common subsequence. */
function changedLines(file: string, before: string, after: string): string[] {
  const a = lines(file, before);
  const b = lines(file, after);
  const ids = new Map<string, number>();
  const key = (l: string) => ids.get(l) ?? (ids.set(l, ids.size), ids.size - 1);
  const common = commonSubsequence(a.map(key), b.map(key));
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (const [ci, cj] of [...common, [a.length, b.length] as [number, number]]) {
    for (; i < ci; i++) out.push(`- ${a[i]}`);
    for (; j < cj; j++) out.push(`+ ${b[j]}`);
    i = ci + 1;
    j = cj + 1;
  }
  return out;
}

/**
 * Lists every file that differs, grouped by what changed: files whose changed lines are the same
 * (the same CSS rule added to every print view) are one group, shown once with its files.
 */
function compare(before: string, after: string): number {
  const a = new Set(filesUnder(before));
  const b = new Set(filesUnder(after));
  const groups = new Map<string, string[]>();
  let differences = 0;
  for (const f of [...new Set([...a, ...b])].sort()) {
    const x = a.has(f) ? readFileSync(join(before, f), 'utf8') : undefined;
    const y = b.has(f) ? readFileSync(join(after, f), 'utf8') : undefined;
    if (x === y) continue;
    differences++;
    const change = x === undefined || y === undefined ? `only in ${x === undefined ? after : before}` : changedLines(f, x, y).map((l) => (l.length > 240 ? `${l.slice(0, 240)}…` : l)).join('\n');
    groups.set(change, [...(groups.get(change) ?? []), f]);
  }
  for (const [change, files] of [...groups].sort((p, q) => q[1].length - p[1].length)) {
    console.log(`\n${files.length} file(s): ${files.slice(0, 4).join(', ')}${files.length > 4 ? ', …' : ''}\n${change}`);
  }
  console.log(differences === 0 ? `no differences (${a.size} files)` : `\n${differences} of ${a.size} files differ, in ${groups.size} different ways`);
  return differences === 0 ? 0 : 1;
}

const [command, x, y] = process.argv.slice(2);
if (command === 'write' && x) await write(x);
else if (command === 'compare' && x && y && existsSync(x) && existsSync(y)) process.exitCode = compare(x, y);
else {
  console.error('usage: export-snapshot.ts write DIR | compare BEFORE AFTER');
  process.exitCode = 1;
}
