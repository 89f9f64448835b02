#!/usr/bin/env node
// The `rapporteur` command. Runs the bundled CLI (dist/cli, built by `npm run build:cli`, which
// `npm install` runs) when it is up to date with src/, and otherwise the TypeScript sources
// through tsx, so it always runs what the sources say. An older Node is refused first, in one line.
import '../scripts/require-node.mjs';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (process.env.RAPPORTEUR_FROM_SOURCE || !existsSync(bundle)) return false;
  return statSync(bundle).mtimeMs >= newestSource(join(root, 'src'));
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
