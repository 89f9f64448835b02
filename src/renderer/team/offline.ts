/**
 * The offline copy of a shared language version, kept in the local library through the contract
 * (`team.offlineLoad`, `team.offlineAppend`): every change of the Yjs document, made here or
 * received from the others, is sent to the host (a quarter of a second's worth at a time) and
 * appended there; on open the copy is applied before connecting, so the text is on screen
 * without the server, and edits made offline are sent when the connection comes back (Yjs sync
 * exchanges what each side lacks).
 */
import * as Y from 'yjs';
import type { Lang } from '../../core/model/schema';
import { api } from '../api';

/** The origin of updates applied from the library: not sent back to it. */
export const FROM_LIBRARY = Symbol('rapporteur:offline-copy');

const BATCH_MS = 250;

export class OfflineCopy {
  private queue: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_LIBRARY) return;
    this.queue.push(update);
    this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly id: string,
    private readonly lang: Lang,
    /** Told when the library could not keep an update (it is retried with the next ones). */
    private readonly onError: (message: string) => void,
  ) {
    doc.on('update', this.onUpdate);
  }

  /** Applies the library's copy to the document; true when it held something. */
  async load(): Promise<boolean> {
    const r = await api.invoke('team.offlineLoad', { id: this.id, lang: this.lang });
    if (!r.ok) {
      this.onError(r.error.message);
      return false;
    }
    if (r.value === null) return false;
    Y.applyUpdate(this.doc, r.value, FROM_LIBRARY);
    return true;
  }

  /** Sends what is queued; resolves once the host has it. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return this.writing;
    const pieces = this.queue;
    this.queue = [];
    const update = new Uint8Array(pieces.length === 1 ? pieces[0]! : Y.mergeUpdates(pieces));
    this.writing = this.writing.then(async () => {
      const r = await api.invoke('team.offlineAppend', { id: this.id, lang: this.lang, update });
      if (!r.ok) {
        // Kept for the next write: nothing is dropped because the disk refused once.
        this.queue.unshift(update);
        this.onError(r.error.message);
      }
    });
    return this.writing;
  }

  async dispose(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    await this.flush();
  }
}
