/**
 * Renders DOCX files through LibreOffice (`soffice --headless --convert-to pdf`) and reads back
 * the text of each page with `pdftotext -layout`, so export tests assert on what a word processor
 * lays out, not on our own XML.
 *
 * Each conversion runs with its own LibreOffice profile (`-env:UserInstallation=file:///tmp/
 * lo-<pid>-<n>`), so test workers never share (and lock) one, and converts all its files in one
 * soffice call: starting LibreOffice costs more than converting a document.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import type { RDocument } from '../../../src/core/model/schema';
import type { ExportOptions } from '../../../src/core/render/options';
import { exportDocx } from '../../../src/services/export/docx';

const run = promisify(execFile);
let conversions = 0;

async function need(tool: string, args: string[], hint: string): Promise<void> {
  try {
    await run(tool, args, { timeout: 60_000 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is not installed: ${hint}`, { cause: e });
  }
}

export type Rendered = {
  /** pdftotext -layout output, one string per page. */
  pages: string[];
  pdf: string;
};

/**
 * Converts the given DOCX files (name → bytes) to PDF in one LibreOffice run and returns each
 * one's pages. Throws with a clear message when LibreOffice or poppler is missing. The files
 * stay in `dir` (to look at the pages) until `cleanup(dir)`.
 */
export async function renderDocx(files: Record<string, Uint8Array>): Promise<{ dir: string; rendered: Record<string, Rendered> }> {
  await need('soffice', ['--version'], 'install LibreOffice Writer (Debian: libreoffice-writer-nogui; `bash .ci/run` does it) to run the DOCX rendering tests');
  await need('pdftotext', ['-v'], 'install poppler-utils to run the DOCX rendering tests');
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-docx-'));
  const profile = join(tmpdir(), `lo-${process.pid}-${++conversions}`);
  const names = Object.keys(files);
  try {
    for (const name of names) await writeFile(join(dir, `${name}.docx`), files[name]!);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))], {
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const rendered: Record<string, Rendered> = {};
    for (const name of names) {
      const pdf = join(dir, `${name}.pdf`);
      try {
        await readFile(pdf);
      } catch (e) {
        throw new Error(`LibreOffice did not convert ${name}.docx to PDF`, { cause: e });
      }
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
      const pages = stdout.split('\f');
      if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
      rendered[name] = { pages, pdf };
    }
    return { dir, rendered };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Removes a folder made by renderDocx. */
export async function cleanup(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export type RenderJob = { doc: RDocument; options: ExportOptions };

/**
 * A test file's renderings: each job exported to DOCX and all of them rendered by LibreOffice in
 * one run before the file's tests, the files removed after them (kept, with their folder printed,
 * when RAPPORTEUR_KEEP_RENDERS is set). Returns the rendering of a job by name.
 */
export function renderJobs(jobs: Record<string, RenderJob>, label = 'renderings'): (name: string) => Rendered {
  let rendered: Record<string, Rendered> = {};
  let dir = '';
  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, job] of Object.entries(jobs)) files[name] = (await exportDocx(job.doc, job.options)).bytes;
    ({ dir, rendered } = await renderDocx(files));
    if (process.env['RAPPORTEUR_KEEP_RENDERS']) console.log(`${label} in ${dir}`);
  }, 240_000);
  afterAll(async () => {
    if (dir && !process.env['RAPPORTEUR_KEEP_RENDERS']) await cleanup(dir);
  });
  return (name) => {
    const r = rendered[name];
    if (!r) throw new Error(`no rendering named "${name}" (the jobs: ${Object.keys(jobs).join(', ')})`);
    return r;
  };
}

/** Images on each page (pdfimages -list), to check a barcode or a signature was drawn. */
export async function imagesPerPage(pdf: string): Promise<Map<number, number>> {
  await need('pdfimages', ['-v'], 'install poppler-utils to run the DOCX rendering tests');
  const { stdout } = await run('pdfimages', ['-list', pdf]);
  const counts = new Map<number, number>();
  for (const line of stdout.split('\n').slice(2)) {
    const page = Number(line.trim().split(/\s+/)[0]);
    if (Number.isInteger(page) && page > 0) counts.set(page, (counts.get(page) ?? 0) + 1);
  }
  return counts;
}
