#!/usr/bin/env node
// The `rapporteur` command. Runs the TypeScript CLI through tsx, so it works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
