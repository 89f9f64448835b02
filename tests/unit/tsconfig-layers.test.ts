/**
 * Each layer's tsconfig must keep refusing what its layer may not use: a small probe file is
 * compiled as if it sat in the layer's folder (nothing is written to disk), with that layer's
 * compiler options, and must fail exactly on the names its layer has no types for.
 */
import ts from 'typescript';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function options(config: string): ts.CompilerOptions {
  const read = ts.readConfigFile(join(root, config), (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, root).options;
}

/** The names TypeScript cannot find ("Cannot find name 'x'") in `source`, compiled as `file` under `config`. */
function unknownNames(config: string, file: string, source: string, extraFiles: string[] = []): string[] {
  const compilerOptions = options(config);
  const path = join(root, file);
  const host = ts.createCompilerHost(compilerOptions);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === path ? ts.createSourceFile(name, source, language) : read(name, language, ...rest));
  const program = ts.createProgram([path, ...extraFiles.map((f) => join(root, f))], compilerOptions, host);
  const sourceFile = program.getSourceFile(path)!;
  return ts
    .getPreEmitDiagnostics(program, sourceFile)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .map((m) => /Cannot find name '([^']+)'/.exec(m)?.[1] ?? m)
    .sort();
}

const PROBE = [
  'export const title = document.title;',
  'export const home = process.env.HOME;',
  'export const when = setTimeout(() => undefined, 1);',
  'export const copy = structuredClone({ a: 1 });',
  'export const bytes = new TextEncoder().encode("x");',
].join('\n');

describe('each layer compiles only against what it may use', () => {
  it('src/core: no DOM, no Node, only the host functions it declares', () => {
    expect(unknownNames('tsconfig.core.json', 'src/core/__probe__.ts', PROBE, ['types/core-platform.d.ts'])).toEqual(['document', 'process', 'setTimeout']);
  });
  it('src/renderer: the DOM, not Node', () => {
    expect(unknownNames('tsconfig.renderer.json', 'src/renderer/__probe__.ts', PROBE)).toEqual(['process']);
  });
  it('src/services and the other Node processes: Node, not the DOM', () => {
    expect(unknownNames('tsconfig.node.json', 'src/services/__probe__.ts', PROBE)).toEqual(['document']);
  });
});
