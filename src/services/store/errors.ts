/**
 * Errors of the store that a user may see. Every one has a stable `code` (the UI translates by
 * code) and a plain English message that says what happened and what to do, never a stack trace
 * or an SQLite error name. `details` carries the facts the UI needs to act (the backup to offer,
 * the current version after a conflict…). Errors cross IPC as data (`toErrorData`).
 */

import { STORE_ERROR_CODES, type ConflictDetails, type StoreErrorCode } from '../../shared/library';
import type { IpcError, Result } from '../../shared/ipc-contract';

export { STORE_ERROR_CODES, type StoreErrorCode };

export type StoreErrorDetails = Record<string, unknown>;

export class StoreError extends Error {
  override name = 'StoreError';
  readonly details: StoreErrorDetails;
  constructor(code: 'conflict', message: string, details: ConflictDetails);
  constructor(code: Exclude<StoreErrorCode, 'conflict'>, message: string, details?: StoreErrorDetails);
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    details: StoreErrorDetails | ConflictDetails = {},
  ) {
    super(message);
    this.details = details;
  }

  /** The error as data, as it crosses IPC (a conflict's details are its ConflictDetails, by the constructor). */
  toData(): IpcError {
    return { code: this.code, message: this.message, details: this.details } as IpcError;
  }
}

export function isStoreError(e: unknown, code?: StoreErrorCode): e is StoreError {
  return e instanceof StoreError && (code === undefined || e.code === code);
}

/**
 * Runs `fn` and returns its value or its StoreError as data (the contract's `Result`), for hosts
 * that carry errors as values (IPC). Anything that is not a StoreError is a bug and is rethrown.
 */
export async function asResult<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof StoreError) return { ok: false, error: e.toData() };
    throw e;
  }
}

/** SQLite result codes (better-sqlite3 puts them in `err.code`, e.g. "SQLITE_CORRUPT_VTAB"). */
export function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export function isCorruptionError(e: unknown): boolean {
  const code = sqliteCode(e);
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Turns an SQLite or file-system failure into a StoreError a user can act on. `file` names the
 * database for the message. Returns undefined for errors that are not environmental (bugs).
 */
export function environmentError(e: unknown, file: string): StoreError | undefined {
  if (e instanceof StoreError) return e;
  const code = sqliteCode(e) ?? (e as NodeJS.ErrnoException | null)?.code;
  if (code === undefined) return undefined;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError(
      'corrupt',
      `The library file ${file} is damaged. Close Rapporteur and open it again: it will set the damaged file aside and offer your newest backup.`,
      { file },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StoreError('read-only', `Rapporteur cannot write to ${file}: the file or its folder is read-only. Nothing was changed.`, { file });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'busy',
      `The library ${file} is locked by another program (another Rapporteur window or command?). Try again in a moment; nothing was changed.`,
      { file },
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new StoreError('disk-full', `The disk holding ${file} is full: the last change was not saved. Free some space and try again; everything saved before is safe.`, { file });
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError('io-error', `The computer could not read or write ${file} (${code}). Check the disk; nothing saved before was lost.`, { file, cause: code });
  }
  return undefined;
}
