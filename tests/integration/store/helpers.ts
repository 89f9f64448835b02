/** Shared bits of the store tests: real temporary folders (cleaned up) and a clock the test drives. */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, StoreError, type Store, type StoreOptions } from '../../../src/services/store';
import { prng } from './docs';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder under the OS temp folder, removed after the test. */
export function tempDir(prefix = 'rapporteur-store-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clock that only moves when told to. Starts at 2026-03-12 09:00 UTC. */
export class Clock {
  t = Date.UTC(2026, 2, 12, 9, 0, 0);
  now = () => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
}

/** Opens a store on a new temporary folder (closed after the test). */
export async function freshStore(opts: StoreOptions = {}): Promise<{ store: Store; dir: string; clock: Clock }> {
  const dir = tempDir();
  const clock = new Clock();
  const store = await openStore(dir, { now: clock.now, ...opts });
  stores.push(store);
  return { store, dir, clock };
}

/** Registers a store opened by the test itself, so it is closed after the test. */
export function track(store: Store): Store {
  stores.push(store);
  return store;
}

/** A real 1×1 PNG (a letterhead logo stand-in). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A real 1×1 GIF (a signature stand-in). */
export const TINY_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The page size written in an SQLite file's header. */
export function pageSizeOf(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(18);
    readSync(fd, header, 0, 18, 0);
    const n = header.readUInt16BE(16);
    return n === 1 ? 65536 : n;
  } finally {
    closeSync(fd);
  }
}

/** Overwrites `pages` whole pages in the middle of an SQLite file with seeded random bytes. */
export function damageMiddle(file: string, pages = 2, seed = 7): void {
  const pageSize = pageSizeOf(file);
  const first = Math.floor(statSync(file).size / pageSize / 2);
  const rnd = prng(seed);
  const junk = Buffer.alloc(pageSize * pages);
  for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(rnd() * 256);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, junk, 0, junk.length, first * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of a file's bytes: proves a file was kept byte for byte. */
export const fileHash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

/** The StoreError a promise rejects with (any other outcome fails the test). */
export async function rejects(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}
