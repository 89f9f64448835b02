#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and everything it imports from src/) into one ES module,
// dist/cli/main.mjs, so `rapporteur` starts without compiling TypeScript on the fly. Packages
// from node_modules stay external. bin/rapporteur.mjs uses the bundle only while it is newer
// than every file under src/, and falls back to running the sources through tsx otherwise.
// `--outdir DIR` writes the bundle elsewhere (the per-process hostile-input tests build their own).
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : join(root, 'dist/cli');
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
