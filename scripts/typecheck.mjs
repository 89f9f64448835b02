#!/usr/bin/env node
// `npm run typecheck`: every layer's tsconfig, each against what its code may use.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYER_TSCONFIGS } from './tsconfigs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let failed = 0;
for (const config of LAYER_TSCONFIGS) {
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', config], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`typecheck: ${config} has errors`);
  }
}
process.exit(failed === 0 ? 0 : 1);
