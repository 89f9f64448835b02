/**
 * Where an exported file goes, behind one small interface (as ./picker.ts is for files coming
 * in): the renderer hands over a suggested name and the bytes, and never names a path. In a
 * browser it is a download; the desktop app installs the host's save dialog (`files.save`).
 */
import { api } from '../api';

/** Where the file went: `shownAs` to tell the person (a place, or the file's name), or cancelled. */
export type Saved = { shownAs: string } | 'cancelled';

export interface FileDestination {
  save(file: { name: string; mime: string; bytes: Uint8Array }): Promise<Saved>;
}

/** The browser's download of a file. */
export const downloadDestination: FileDestination = {
  save: ({ name, mime, bytes }) => {
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    // The download has started with the click; the address is freed once it is taken.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve({ shownAs: name });
  },
};

/** The desktop app's save dialog, through the host. */
export const hostDestination: FileDestination = {
  async save({ name, bytes }) {
    const r = await api.invoke('files.save', { suggestedName: name, bytes: new Uint8Array(bytes) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value === null ? 'cancelled' : r.value;
  },
};

let current: FileDestination = downloadDestination;

export function fileDestination(): FileDestination {
  return current;
}

export function setFileDestination(d: FileDestination): void {
  current = d;
}
