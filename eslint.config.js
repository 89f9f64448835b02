// ESLint flat config. Besides the usual recommended rules, it enforces the layers of
// README, "Layout of src/" (layers import only downward, as VS Code does):
//
//   src/core      pure TypeScript: no electron, Node built-ins, React, Lexical, SQLite, docx,
//                 DOM globals, and nothing from the layers above it
//   src/shared    zod and src/core only (the IPC contract is imported by every process)
//   src/services  no electron (so Node tests, the CLI and other hosts can use them)
//   src/cli       no electron, and nothing from main / preload / renderer
//   src/preload   electron, zod and src/shared (+ core) only: a sandboxed preload can load nothing else
//   src/renderer  no electron, Node built-ins, better-sqlite3, and nothing from main / preload /
//                 services / cli
//   src/server    no electron, nothing from main / preload / cli; of the renderer only the editor's
//                 nodes and mapping
//
// tests/unit/layers.test.ts checks that these rules really report what they forbid.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const SOURCE = '*.{ts,tsx,mts,cts,js,mjs,cjs}';
/** Directory depth covered by the relative-path rules (src/<layer>/a/b/…/file). */
const MAX_DEPTH = 10;

/** Node built-ins, bare ("fs", "fs/promises") and prefixed ("node:fs"). */
const nodeBuiltins = (message) => ({
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message })),
  patterns: [{ regex: '^node:', message }],
});

const pkg = (names, message) => names.map((name) => ({ name, message }));

/**
 * `no-restricted-imports` options for the files of one layer at one directory depth, so that a
 * relative import is checked against the folder it really lands in: from src/<layer>/a/b.ts
 * (depth 2), "../../main/x" is src/main/x, while "../main/x" stays inside the layer.
 *
 * @param layer          src/<layer>
 * @param depth          1 for src/<layer>/file.ts, 2 for src/<layer>/dir/file.ts, …
 * @param forbidden      sibling layers (src/<name>) this layer may not import
 * @param allowedLayers  if set, the only sibling layers it may import (everything else under
 *                       src/ and anything outside src/ is forbidden)
 * @param paths          forbidden packages ({ name, message })
 * @param patterns       further forbidden patterns ({ regex | group, message })
 */
function layerImports({ layer, depth, forbidden = [], allowedLayers, paths = [], patterns = [] }) {
  const up = `^(?:\\./)?(?:\\.\\./){${depth}}`;
  const relative = [];
  if (forbidden.length > 0) {
    relative.push({
      regex: `${up}(?:${forbidden.join('|')})(?:/|$)`,
      message: `src/${layer} may not import from src/{${forbidden.join(',')}} (layers import only downward).`,
    });
  }
  if (allowedLayers) {
    relative.push({
      regex: `${up}(?!(?:${[layer, ...allowedLayers].join('|')})(?:/|$))`,
      message: `src/${layer} may import only from src/{${allowedLayers.join(',')}}.`,
    });
  }
  return ['error', { paths, patterns: [...patterns, ...relative] }];
}

/** One config object per depth (flat config replaces, not merges, a rule's options). */
function layer(name, { forbidden, allowedLayers, paths, patterns, extraRules = {} }) {
  return Array.from({ length: MAX_DEPTH }, (_, i) => ({
    name: `rapporteur/layers/${name}/depth-${i + 1}`,
    files: [`src/${name}/${'*/'.repeat(i)}${SOURCE}`],
    rules: {
      'no-restricted-imports': layerImports({ layer: name, depth: i + 1, forbidden, allowedLayers, paths, patterns }),
      ...extraRules,
    },
  }));
}

const node = nodeBuiltins('Node built-ins are not available here; this layer must run in any JavaScript host.');
const ELECTRON = [{ regex: '^electron(?:/|$)', message: 'electron belongs to src/main and src/preload only.' }];

const core = layer('core', {
  forbidden: ['main', 'preload', 'renderer', 'services', 'cli', 'shared'],
  paths: [
    ...node.paths,
    ...pkg(['react', 'react-dom', 'better-sqlite3', 'docx', 'lexical'], 'src/core is pure TypeScript: the model and the rules, no UI, storage or file format library.'),
  ],
  patterns: [
    ...node.patterns,
    ...ELECTRON,
    { regex: '^(?:react|react-dom)/', message: 'src/core may not import React.' },
    { regex: '^@lexical/', message: 'src/core may not import Lexical: the editor maps model ⇄ Lexical, not the reverse.' },
  ],
  extraRules: {
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'history', 'XMLHttpRequest', 'WebSocket', 'requestAnimationFrame', 'getComputedStyle', 'alert', 'confirm', 'prompt', 'fetch'].map(
        (name) => ({ name, message: `src/core may not use the DOM or the network (${name}).` }),
      ),
      ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
        name,
        message: `src/core may not use Node globals (${name}).`,
      })),
    ],
  },
});

const shared = layer('shared', {
  allowedLayers: ['core'],
  patterns: [{ regex: '^(?![./])(?!zod(?:/|$))', message: 'src/shared may import only zod and src/core.' }],
});

const services = layer('services', {
  forbidden: ['main', 'preload', 'renderer'],
  patterns: [...ELECTRON.map((p) => ({ ...p, message: 'src/services may not import electron: the main process passes in what they need.' }))],
});

const cli = layer('cli', {
  forbidden: ['main', 'preload', 'renderer'],
  patterns: [...ELECTRON.map((p) => ({ ...p, message: 'src/cli runs in Node: no electron.' }))],
});

const preload = layer('preload', {
  allowedLayers: ['shared', 'core'],
  patterns: [{ regex: '^(?![./])(?!electron$)(?!zod(?:/|$))', message: 'A sandboxed preload can load only electron; import the contract from src/shared.' }],
});

const renderer = layer('renderer', {
  forbidden: ['main', 'preload', 'services', 'cli'],
  paths: [...node.paths, ...pkg(['better-sqlite3'], 'The renderer has no Node: storage goes through the IPC contract.')],
  patterns: [...node.patterns, ...ELECTRON.map((p) => ({ ...p, message: 'The renderer may not import electron: use the API from the preload (src/renderer/api.ts).' }))],
});

// The team server runs in Node (no electron, nothing of main / preload / cli). Of the renderer it
// may use only the editor's document nodes and its model ⇄ editor mapping (pure Lexical, no DOM):
// the server bootstraps and reads shared documents with the very mapping the editor uses.
const server = Array.from({ length: MAX_DEPTH }, (_, i) => ({
  name: `rapporteur/layers/server/depth-${i + 1}`,
  files: [`src/server/${'*/'.repeat(i)}${SOURCE}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...ELECTRON.map((p) => ({ ...p, message: 'src/server runs in Node: no electron.' })),
          { regex: `^(?:\\./)?(?:\\.\\./){${i + 1}}(?:main|preload|cli)(?:/|$)`, message: 'src/server may not import from src/{main,preload,cli}.' },
          {
            regex: `^(?:\\./)?(?:\\.\\./){${i + 1}}renderer/(?!editor/(?:nodes|mapping)(?:/|$))`,
            message: 'src/server may import only the editor’s nodes and mapping from src/renderer.',
          },
        ],
      },
    ],
  },
}));

/** Globals of Node scripts (.mjs / .js files outside src/). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'AbortSignal',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'performance',
    'fetch',
    'globalThis',
    'crypto',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    name: 'rapporteur/ignores',
    ignores: ['node_modules/', '.node22/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.tmp/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'rapporteur/general',
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-unused-vars': 'off',
    },
  },
  {
    // The type-aware rules (typescript-eslint's recommendedTypeChecked) on the application's code:
    // each file is linted against the types of the tsconfig.json that holds it. Tests and
    // scripts keep the syntactic rules (their JSON fixtures are `any` on purpose).
    name: 'rapporteur/type-aware',
    files: ['src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The rules of hooks and their dependency lists. The plugin's React Compiler rules (refs,
    // purity, set-state-in-effect…) are left out: this code is not compiled by React Compiler,
    // and its "latest value in a ref" pattern is what they report.
    name: 'rapporteur/react-hooks',
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    name: 'rapporteur/node-scripts',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    name: 'rapporteur/typescript',
    files: TS,
    // TypeScript checks undefined names itself (and knows the DOM / Node types).
    rules: { 'no-undef': 'off' },
  },
  ...core,
  ...shared,
  ...services,
  ...cli,
  ...preload,
  ...renderer,
  ...server,
);
