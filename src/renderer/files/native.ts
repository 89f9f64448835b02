/**
 * The desktop app's file picker: the host's own open dialog (`files.open`), so the page never
 * sees or names a path; installed at start where the host has dialogs (see ../main.tsx).
 */
import { FILE_EXTENSIONS } from '../../shared/ipc-contract';
import { api } from '../api';
import type { FilePicker } from './picker';

type Extension = (typeof FILE_EXTENSIONS)[number];
const isOffered = (e: string): e is Extension => (FILE_EXTENSIONS as readonly string[]).includes(e);

export const hostFilePicker: FilePicker = {
  async pick({ accept, purpose }) {
    const r = await api.invoke('files.open', { purpose, extensions: accept.filter(isOffered) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value === null ? undefined : { name: r.value.name, bytes: new Uint8Array(r.value.bytes) };
  },
};
