/**
 * One measurement of size.bench.ts, in a process of its own so that its peak memory is its own:
 * `node --import tsx tests/bench/size-child.ts MODE FILE [OUT]` prints {"ms", "peakMb"} on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { importBytes, readDocx } from '../../src/services/import';
import { streamXml } from '../../src/services/import/xml-stream';
import { exportDocx } from '../../src/services/export/docx';
import { defaultExportOptions } from '../../src/core/render/options';
import { parseDocumentJson } from '../../src/core/model/validate';

async function main(): Promise<void> {
  const [mode, file, out] = process.argv.slice(2) as [string, string, string | undefined];
  const bytes = readFileSync(file);
  const started = performance.now();
  if (mode === 'import') importBytes(bytes, { name: file });
  else if (mode === 'read-docx') readDocx(bytes, file);
  else if (mode === 'parse-docx') streamXml(new TextDecoder().decode(unzipSync(bytes)['word/document.xml']!), { keep: () => false, element: () => undefined }, 'word/document.xml', file);
  else if (mode === 'split-text') bytes.toString('utf8').split(/\n[ \t]*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  else if (mode === 'export' || mode === 'json') {
    const parsed = parseDocumentJson(bytes.toString('utf8'));
    if (!parsed.ok) throw new Error('the bench document is not valid');
    if (mode === 'export') {
      const { bytes } = await exportDocx(parsed.value, defaultExportOptions('fr'));
      if (out) writeFileSync(out, bytes);
    }
    else JSON.stringify(parsed.value);
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
