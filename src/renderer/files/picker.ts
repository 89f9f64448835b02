/**
 * Where a file to import comes from, behind one small interface: the renderer asks for a file of
 * some kinds and gets its name and bytes — it never sees or names a path. In a browser (the
 * loopback host) the file comes from an <input type="file">; the desktop shell can install a
 * picker backed by its native dialog with `setFilePicker`.
 */
export type PickedFile = { name: string; bytes: Uint8Array<ArrayBuffer> };

export type PickRequest = {
  /** Extensions offered, with their dot: ['.docx', '.txt']. */
  accept: string[];
  /** What the file is for (a native dialog may title itself with it). */
  purpose: 'import' | 'returned-version';
};

export interface FilePicker {
  /** The file chosen, or undefined when the person cancelled. */
  pick(request: PickRequest): Promise<PickedFile | undefined>;
}

/** The browser's own file dialog, through a hidden <input type="file">. */
export const browserFilePicker: FilePicker = {
  pick: ({ accept }) =>
    new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept.join(',');
      input.hidden = true;
      input.dataset['testid'] = 'file-input';
      const done = () => input.remove();
      input.addEventListener('cancel', () => {
        done();
        resolve(undefined);
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        done();
        if (!file) return resolve(undefined);
        file.arrayBuffer().then((b) => resolve({ name: file.name, bytes: new Uint8Array(b) }), reject);
      });
      document.body.append(input);
      input.click();
    }),
};

let current: FilePicker = browserFilePicker;

export function filePicker(): FilePicker {
  return current;
}

/** Installs another picker (the desktop shell's native dialog). */
export function setFilePicker(picker: FilePicker): void {
  current = picker;
}
