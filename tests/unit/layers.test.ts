/**
 * The layer rules of eslint.config.js must keep reporting what they forbid: each case lints a
 * small text as if it were a file at a given path (nothing is written to disk) and checks that
 * exactly the forbidden lines are reported, by the expected rule. tests/unit/tsconfig-layers.test.ts
 * does the same for the compiler options of each layer.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let eslint: ESLint;

beforeAll(() => {
  // The probes exist in no tsconfig: the type-aware rules (which need a program) are set aside
  // here; they are not what this test proves.
  eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** Lines (1-based) reported by `rule` when `lines` are linted as the file `filePath`. */
async function reported(filePath: string, lines: string[], rule: string): Promise<number[]> {
  const [result] = await eslint.lintText(lines.join('\n') + '\n', { filePath: join(root, filePath) });
  if (!result) throw new Error('no lint result');
  const ignored = result.messages.find((m) => m.ruleId === null && /ignored/i.test(m.message));
  if (ignored) throw new Error(`${filePath} is ignored by the ESLint config: ${ignored.message}`);
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return [...new Set(result.messages.filter((m) => m.ruleId === rule).map((m) => m.line))].sort((a, b) => a - b);
}

const all = (lines: string[]) => lines.map((_, i) => i + 1);

describe('src/core is pure', () => {
  const forbidden = [
    "import { app } from 'electron';",
    "import type { BrowserWindow } from 'electron';",
    "import { ipcRenderer } from 'electron/renderer';",
    "import { readFileSync } from 'node:fs';",
    "import { readFile } from 'fs/promises';",
    "import path from 'path';",
    "import { createHash } from 'crypto';",
    "import os from 'os';",
    "import { spawn } from 'child_process';",
    "import React from 'react';",
    "import { createRoot } from 'react-dom/client';",
    "import { $getRoot } from 'lexical';",
    "import { ListNode } from '@lexical/list';",
    "import Database from 'better-sqlite3';",
    "import { Document } from 'docx';",
    "import { createMainWindow } from '../../main/window';",
    "import { api } from '../../preload/index';",
    "import { App } from '../../renderer/App';",
    "import { openStore } from '../../services/store/index';",
    "import { run } from '../../cli/main';",
    "import { ipcContract } from '../../shared/ipc-contract';",
    "export { join } from 'node:path';",
  ];

  it('reports every forbidden import', async () => {
    expect(await reported('src/core/model/__layer_probe__.ts', forbidden, 'no-restricted-imports')).toEqual(all(forbidden));
  });

  it('applies at every depth of src/core', async () => {
    expect(await reported('src/core/__layer_probe__.ts', ["import { app } from 'electron';", "import { x } from '../main/index';"], 'no-restricted-imports')).toEqual([1, 2]);
    expect(await reported('src/core/a/b/c/__layer_probe__.ts', ["import fs from 'node:fs';", "import { x } from '../../../../renderer/App';"], 'no-restricted-imports')).toEqual([1, 2]);
  });

  it('allows pure libraries and core itself', async () => {
    const allowed = [
      "import { z } from 'zod';",
      "import { numberDocument } from '../numbering/numbering';",
      "import type { RDocument } from './schema';",
      // A folder of core that happens to be named like a layer stays inside core.
      "import { x } from '../main/thing';",
    ];
    expect(await reported('src/core/model/__layer_probe__.ts', allowed, 'no-restricted-imports')).toEqual([]);
  });

  it('reports DOM and Node globals', async () => {
    const lines = ['export const a = window.innerWidth;', 'export const b = document.title;', "export const c = localStorage.getItem('x');", "export const d = process.env['X'];", 'export const e = navigator.language;'];
    expect(await reported('src/core/model/__layer_probe__.ts', lines, 'no-restricted-globals')).toEqual(all(lines));
  });
});

describe('src/renderer has no Node and reaches the host only through the contract', () => {
  const forbidden = [
    "import { ipcRenderer } from 'electron';",
    "import { readFileSync } from 'node:fs';",
    "import { join } from 'path';",
    "import Database from 'better-sqlite3';",
    "import { registerIpcHandlers } from '../../main/ipc';",
    "import { openStore } from '../../services/store/index';",
    "import { createHostHandlers } from '../../services/host/handlers';",
    "import { startHttpHost } from '../../services/host/http';",
    "import { run } from '../../cli/main';",
    "import '../../preload/index';",
  ];

  it('reports every forbidden import', async () => {
    expect(await reported('src/renderer/components/__layer_probe__.tsx', forbidden, 'no-restricted-imports')).toEqual(all(forbidden));
    expect(await reported('src/renderer/__layer_probe__.tsx', ["import { app } from 'electron';", "import { x } from '../main/index';"], 'no-restricted-imports')).toEqual([1, 2]);
  });

  it('allows React, core, shared and its own files', async () => {
    const allowed = [
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { numberDocument } from '../../core/numbering/numbering';",
      "import type { RapporteurApi } from '../../shared/ipc-contract';",
      "import en from '../../../locales/en/app.json';",
      // src/renderer/main.tsx, not src/main.
      "import '../main';",
    ];
    expect(await reported('src/renderer/components/__layer_probe__.tsx', allowed, 'no-restricted-imports')).toEqual([]);
  });
});

describe('src/services and src/cli do not import electron', () => {
  it('reports electron in the host handlers too (they serve Electron and the HTTP host alike)', async () => {
    expect(
      await reported('src/services/host/__layer_probe__.ts', ["import { dialog } from 'electron';", "import { createServer } from 'node:http';", "import { x } from '../../main/index';"], 'no-restricted-imports'),
    ).toEqual([1, 3]);
  });

  it('reports electron in services, allows Node', async () => {
    expect(
      await reported('src/services/store/__layer_probe__.ts', ["import { app } from 'electron';", "import { readFileSync } from 'node:fs';", "import Database from 'better-sqlite3';"], 'no-restricted-imports'),
    ).toEqual([1]);
  });

  it('reports electron and the main process in the CLI', async () => {
    expect(await reported('src/cli/__layer_probe__.ts', ["import { app } from 'electron';", "import { x } from '../main/index';", "import { readFile } from 'node:fs/promises';"], 'no-restricted-imports')).toEqual([1, 2]);
  });
});

describe('src/shared imports only zod and src/core', () => {
  it('reports anything else', async () => {
    const lines = [
      "import { z } from 'zod';",
      "import { LANGS } from '../core/model/schema';",
      "import { x } from './csp';",
      "import { readFileSync } from 'node:fs';",
      "import React from 'react';",
      "import { app } from 'electron';",
      "import { x } from '../main/index';",
      "import { x } from '../services/store/index';",
      "import pkg from '../../package.json';",
    ];
    expect(await reported('src/shared/__layer_probe__.ts', lines, 'no-restricted-imports')).toEqual([4, 5, 6, 7, 8, 9]);
  });
});

describe('src/preload loads only electron and the contract', () => {
  it('reports anything else', async () => {
    const lines = [
      "import { contextBridge } from 'electron';",
      "import { CHANNELS } from '../shared/ipc-contract';",
      "import { readFileSync } from 'node:fs';",
      "import { x } from '../main/index';",
      "import React from 'react';",
    ];
    expect(await reported('src/preload/__layer_probe__.ts', lines, 'no-restricted-imports')).toEqual([3, 4, 5]);
  });
});

describe('src/server runs in Node and uses only the editor’s document mapping from the renderer', () => {
  it('reports electron, main, preload, cli and the rest of the renderer', async () => {
    const forbidden = [
      "import { app } from 'electron';",
      "import { createMainWindow } from '../main/window';",
      "import '../preload/index';",
      "import { main } from '../cli/main';",
      "import { App } from '../renderer/App';",
      "import { DossierEditor } from '../renderer/editor/components/DossierEditor';",
    ];
    expect(await reported('src/server/__layer_probe__.ts', forbidden, 'no-restricted-imports')).toEqual(all(forbidden));
    expect(await reported('src/server/db/__layer_probe__.ts', ["import { x } from '../../renderer/App';", "import { y } from '../../main/index';"], 'no-restricted-imports')).toEqual([1, 2]);
  });

  it('allows Node, the store, core and the editor’s nodes and mapping', async () => {
    const allowed = [
      "import { createServer } from 'node:http';",
      "import pg from 'pg';",
      "import { parseDocument } from '../core/model/validate';",
      "import { openStore } from '../services/store/index';",
      "import { EDITOR_NODES } from '../renderer/editor/nodes';",
      "import { $editorToDocument } from '../renderer/editor/mapping/toModel';",
    ];
    expect(await reported('src/server/__layer_probe__.ts', allowed, 'no-restricted-imports')).toEqual([]);
  });
});
