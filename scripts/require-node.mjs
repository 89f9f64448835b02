// Refuses to go on under a Node.js older than package.json's "engines" asks for, in one line that
// says which version is needed and how to get one. Imported first by every entry point (the CLI's
// bin, scripts/test.mjs, scripts/bench.mjs, `npm run serve`, `npm start`), because under an older
// Node the project does not fail cleanly: better-sqlite3 ends in "Segmentation fault" and Vitest
// in "Map.groupBy is not a function". Written for old Nodes too (no newer syntax or API).
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The major version a ">=22" / ">=22.0.0" engines range asks for. */
export function requiredMajor(range) {
  const m = /^\s*>=\s*v?(\d+)(?:\.\d+){0,2}\s*$/.exec(range || '');
  if (!m) throw new Error(`package.json: engines.node should read ">=N", not "${range}"`);
  return Number(m[1]);
}

/** The one-line refusal for `version` ("20.20.2"), or undefined when it is recent enough. */
export function nodeVersionProblem(version, range = manifest.engines.node) {
  const needed = requiredMajor(range);
  const major = Number(String(version).split('.')[0]);
  if (major >= needed) return undefined;
  return (
    `rapporteur: Node.js ${needed} or later is needed, and this is Node.js ${version}. ` +
    `Install Node.js ${needed} from https://nodejs.org/en/download (or run \`nvm install ${needed}\`), then run \`npm install\` again.`
  );
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
