#!/usr/bin/env node
// Runs every tests/bench/*.bench.ts (each default-exports an async function returning rows) and
// prints one table. Each row carries its own baseline measured in the same run, so the ratio
// means something on any machine.
import './require-node.mjs';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests', 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows = [];
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href);
  const got = await mod.default();
  for (const r of got) rows.push({ file: f, ...r });
  process.stderr.write(`bench: ${f} done\n`);
}

const fmt = (v) => (v === undefined || v === null ? '' : typeof v === 'number' ? (v >= 100 ? v.toFixed(0) : v.toFixed(2)) : String(v));
const table = rows.map((r) => [
  r.name,
  fmt(r.value) + (r.unit ? ` ${r.unit}` : ''),
  r.baselineName ?? '',
  r.baselineValue === undefined ? '' : fmt(r.baselineValue) + (r.unit ? ` ${r.unit}` : ''),
  r.baselineValue ? `${(r.value / r.baselineValue).toFixed(2)}x` : '',
  r.target ?? '',
]);
const head = ['benchmark', 'value', 'baseline', 'baseline value', 'ratio', 'target'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of table) console.log(line(row));
