/**
 * Special files and huge files, through every command that reads one (campaign finding 1): a
 * named pipe, /dev/zero, /dev/urandom, a folder — refused at once in one sentence, never read
 * forever; a size over the limit refused whatever `stat` says.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile, MAX_TEXT_BYTES } from '../../../src/services/import';
import { failureAsync, runCliIn } from '../import/refusals';
import { readRegularFile } from '../../../src/services/import/read-file';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = join(dir, 'pipe.docx');
execFileSync('mkfifo', [fifo]);

const run = (...argv: string[]) => runCliIn(dir, ...argv);


describe('the import service refuses what is not a regular file', () => {
  it.each([
    [fifo, /^pipe\.docx is a named pipe, not a file/],
    ['/dev/zero', /^zero is a device, not a file\.$/],
    ['/dev/urandom', /^urandom is a device, not a file\.$/],
    [dir, /is a folder, not a file\.$/],
  ])('%s', async (path, message) => {
    const e = await failureAsync(() => importFile(path));
    expect(e.code).toBe('not-a-file');
    expect(e.message).toMatch(message);
  });
});

describe('every command that reads a file refuses them in one line, exit 1', () => {
  const commands: string[][] = [['validate'], ['check'], ['import'], ['outline'], ['export', '-f', 'html', '-o', 'out.html'], ['db', '--data-dir', join(dir, 'lib'), 'import']];
  for (const cmd of commands) {
    it(`${cmd[0]} of a named pipe, /dev/zero and a folder`, async () => {
      for (const [file, said] of [[fifo, 'is a named pipe, not a file'], ['/dev/zero', 'is a device, not a file'], [dir, 'is a folder, not a file']] as const) {
        const r = await run(...cmd, file);
        expect(r.code, `${cmd.join(' ')} ${file}`).toBe(1);
        expect(r.err.split('\n')).toHaveLength(1);
        expect(r.err).toContain(said);
      }
    });
  }
});

describe('the size limit does not trust stat', () => {
  it('a reader stops one chunk past the limit on a file that never ends', async () => {
    // /dev/zero says its size is 0; a bounded read must still stop (readRegularFile refuses devices
    // first, so the bound is checked on a regular file bigger than the limit given).
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 0x61));
    const e = await failureAsync(() => readRegularFile(big, { name: 'big.txt', limit: 1024 * 1024 }));
    expect(e).toMatchObject({ code: 'too-large', message: 'big.txt is too large (3.0 MB; the limit is 1.0 MB).' });
  });
  it('a text file over the limit is refused with the documented sentence', async () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, Buffer.alloc(MAX_TEXT_BYTES + 1, 0x61));
    const e = await failureAsync(() => importFile(path));
    expect(e.message).toBe('huge.txt is too large to import as text (16.0 MB; the limit is 16.0 MB). Split it, or import the DOCX instead.');
  });
});
