/** Test helpers: the ImportError an import must end in, and the CLI run in-process in a folder. */
import { expect } from 'vitest';
import { ImportError } from '../../../src/services/import';
import { main } from '../../../src/cli/main';

export function failure(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError, got a result');
}

export async function failureAsync(f: () => Promise<unknown>): Promise<ImportError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError, got a result');
}

/** Runs `rapporteur ARGV` in-process with `cwd` as its folder; what it printed, and its exit code. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
