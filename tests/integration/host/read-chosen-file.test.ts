/**
 * Reading the file chosen in the open dialog (services/host/folders.ts readChosenFile): the
 * bounded reader's refusal codes (services/import/read-file.ts) are mapped by code, never by the
 * wording of the message: a file system that failed is `io-error`, a path that is not a regular
 * file or a file over the limit is `invalid-file`. Real files, a real FIFO, real devices.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChosenFile } from '../../../src/services/host/folders';
import { readRegularFile } from '../../../src/services/import/read-file';
import { failureAsync } from '../import/refusals';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-chosen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'note.txt');
writeFileSync(file, 'Le Groupe de travail a tenu sa session.');
// names that hold the words the old mapping looked for: the code decides, not the message
const folder = join(dir, 'no such file, permission, cannot be read');
mkdirSync(folder);
const fifo = join(dir, 'pipe.txt');
execFileSync('mkfifo', [fifo]);
const locked = join(dir, 'locked.txt');
writeFileSync(locked, 'secret');
chmodSync(locked, 0o000);

const refusalOf = (path: string, limit = 1024) => failureAsync(() => readRegularFile(path, { limit, name: 'f' }));

describe('the bounded reader says why in its code', () => {
  it.each([
    [join(dir, 'absent.docx'), 'not-found'],
    [join(file, 'inside'), 'not-found'],
    [folder, 'not-a-file'],
    [fifo, 'not-a-file'],
    ['/dev/zero', 'not-a-file'],
    ['/proc/self/mem', 'unreadable'],
  ])('%s: %s', async (path, code) => {
    expect((await refusalOf(path)).code).toBe(code);
  });
  it('a file over the limit: too-large', async () => {
    expect((await refusalOf(file, 10)).code).toBe('too-large');
  });
  // root reads any file whatever its mode, so the refusal only exists for another user
  it.skipIf(process.getuid?.() === 0)('a file without read permission: permission-denied', async () => {
    expect(await refusalOf(locked)).toMatchObject({ code: 'permission-denied', message: 'f cannot be read: permission denied.' });
  });
});

describe('readChosenFile maps the codes, not the words', () => {
  it('reads a regular file', async () => {
    const r = await readChosenFile(file);
    expect(r.ok && new TextDecoder().decode(r.value)).toBe('Le Groupe de travail a tenu sa session.');
  });
  it.each([
    [join(dir, 'absent.docx'), 'io-error', 'absent.docx: no such file.'],
    ['/proc/self/mem', 'io-error', 'mem cannot be read (EIO).'],
    [folder, 'invalid-file', 'no such file, permission, cannot be read is a folder, not a file.'],
    [fifo, 'invalid-file', 'pipe.txt is a named pipe, not a file: save what it carries to a file and give that.'],
    ['/dev/zero', 'invalid-file', 'zero is a device, not a file.'],
  ])('%s: %s', async (path, code, message) => {
    expect(await readChosenFile(path)).toEqual({ ok: false, error: { code, message } });
  });
  it('a file over the limit: invalid-file, with the size', async () => {
    expect(await readChosenFile(file, 10)).toEqual({ ok: false, error: { code: 'invalid-file', message: 'note.txt is too large to open (0.0 MB; the limit is 0.0 MB).' } });
  });
});
