/** LibreOffice's Python UNO bridge for the tests that have LibreOffice itself edit or review a DOCX. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** The Python that has LibreOffice's UNO bridge (Debian: python3-uno; `bash .ci/run` installs it). */
export async function unoPython(): Promise<string> {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      await run(python, ['-c', 'import uno'], { timeout: 30_000 });
      return python;
    } catch {
      // try the next one
    }
  }
  throw new Error('no Python with LibreOffice’s UNO bridge: install python3-uno (Debian) to run this test');
}
