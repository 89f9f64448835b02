/**
 * DOCX export of a 1,000-paragraph report: in-process (median of several runs), and as a whole
 * CLI command (`node bin/rapporteur.mjs export … --format docx`) beside pandoc converting the
 * same text from Markdown to DOCX, both measured in this run on this machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Meta, RDocument } from '../../src/core/model/schema';
import { DocumentBuilder, run, sequentialIds } from '../../src/core/model/builder';
import { exportDocx } from '../../src/services/export/docx';
import { defaultExportOptions } from '../../src/core/render/options';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SENTENCES = [
  'The Working Group continued to promote triangular cooperation among the Security Council, troop- and police-contributing countries and the Secretariat.',
  'Members stressed that peacekeeping operations increasingly deploy in complex, hostile and volatile environments where mandates are harder to implement.',
  'Several delegations called for better information sharing, earlier consultations before mandate renewals and a more structured dialogue with host countries.',
];

/** The report as a document and as Markdown with the same words. */
export function report(paragraphs: number): { doc: RDocument; markdown: string } {
  const meta: Meta = {
    kind: 'annual-report',
    originalLanguage: 'en',
    symbols: ['S/2024/100'],
    organs: ['SC'],
    distribution: 'general',
    issueDate: '2024-03-15',
    letterDate: '2024-03-14',
    jobNumber: '24-04321',
    sessions: [],
    sender: 'chair',
    addressees: [{ kind: 'president-security-council', gender: 'm' }],
    people: [{ id: 'chair', name: 'Aminata Diallo', gender: 'f', role: { kind: 'permanent-representative', country: 'SEN' } }],
  };
  const b = new DocumentBuilder(meta, 'en', sequentialIds());
  const md: string[] = [];
  const letter = b.part('letter');
  b.para(letter, 'I have the honour to transmit herewith the annual report of the Working Group.', false);
  b.closing(letter);
  b.signature(letter, ['chair']);
  const body = b.part('body', { bodyType: 'report', title: 'Report of the Working Group on Peacekeeping Operations' });
  md.push('# Report of the Working Group on Peacekeeping Operations', '');
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) {
      const h = `Meetings held in period ${i / 50 + 1}`;
      b.heading(body, 'chapter', h);
      md.push(`## ${h}`, '');
    }
    const text = `${SENTENCES[i % 3]} ${SENTENCES[(i + 1) % 3]}`;
    if (i % 25 === 7) {
      b.para(body, [run(text), { type: 'footnote', id: `fn${i}`, content: [run('See S/PRST/2001/3.')] }]);
      md.push(`${i + 1}. ${text}[^${i}]`, '', `[^${i}]: See S/PRST/2001/3.`, '');
    } else {
      b.para(body, text);
      md.push(`${i + 1}. ${text}`, '');
    }
    if (i % 40 === 3) {
      b.sub(body, 1, SENTENCES[0]!);
      b.sub(body, 1, SENTENCES[1]!);
      md.push(`    a. ${SENTENCES[0]}`, '', `    b. ${SENTENCES[1]}`, '');
    }
  }
  return { doc: b.doc, markdown: md.join('\n') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of one whole process, or undefined when it fails (or is not installed). */
function timeProcess(cmd: string, args: string[]): number | undefined {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  return r.error || r.status !== 0 ? undefined : ms;
}

/**
 * Runs the two commands alternately (so a busy moment of the machine hits both alike) and
 * returns the median time of each.
 */
function timeAlternately(a: [string, string[]], b: [string, string[]], runs: number): [number | undefined, number | undefined] {
  const ta: number[] = [];
  const tb: number[] = [];
  let aOk = true;
  let bOk = true;
  for (let i = 0; i < runs; i++) {
    const x = aOk ? timeProcess(...a) : undefined;
    if (x === undefined) aOk = false;
    else ta.push(x);
    const y = bOk ? timeProcess(...b) : undefined;
    if (y === undefined) bOk = false;
    else tb.push(y);
  }
  return [aOk ? median(ta) : undefined, bOk ? median(tb) : undefined];
}

export default async function bench() {
  const { doc, markdown } = report(1000);
  const options = defaultExportOptions('en', 'issued');

  // In-process: warm up (module loading, JIT), then the median of several exports.
  for (let i = 0; i < 2; i++) await exportDocx(doc, options);
  const inProcess: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    await exportDocx(doc, options);
    inProcess.push(performance.now() - t);
  }

  // The installed command runs the bundled CLI (built by `npm install`); build it so the
  // measurement is of what users run, not of an out-of-date bundle falling back to tsx.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the CLI bundle');

  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'));
  try {
    const json = join(dir, 'report.json');
    const md = join(dir, 'report.md');
    writeFileSync(json, JSON.stringify(doc));
    writeFileSync(md, markdown);
    const [cli, pandoc] = timeAlternately(
      [process.execPath, [join(ROOT, 'bin', 'rapporteur.mjs'), 'export', json, '--format', 'docx', '-o', join(dir, 'cli.docx')]],
      ['pandoc', [md, '-o', join(dir, 'pandoc.docx')]],
      7,
    );
    if (cli === undefined) throw new Error('the CLI export failed');
    return [
      { name: 'DOCX export, 1,000-paragraph report, in-process (median)', value: median(inProcess), unit: 'ms', target: '< 300 ms' },
      {
        name: 'DOCX export, 1,000-paragraph report, whole CLI process (median)',
        value: cli,
        unit: 'ms',
        ...(pandoc === undefined ? { baselineName: 'pandoc md→docx: not installed' } : { baselineName: 'pandoc md→docx, same text (median)', baselineValue: pandoc }),
        target: 'faster than pandoc',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
