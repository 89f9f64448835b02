/** Import failures, as data: a stable code and a sentence the user can act on. */
export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'not-docx'
  | 'damaged-docx'
  | 'unsupported'
  /** Reading the file failed: no such file (`not-found`), no permission (`permission-denied`), another I/O error (`unreadable`). */
  | 'not-found'
  | 'permission-denied'
  | 'unreadable'
  /** The path names a folder, a named pipe, a device or a socket, not a regular file. */
  | 'not-a-file'
  | 'invalid-document';

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Largest text file imported (16 MiB): a 1,000-paragraph report is about 0.5 MiB of text. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;
/** Largest DOCX file imported (64 MiB, images included). */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;
/** Largest uncompressed XML part of a DOCX (guards against zip bombs). */
export const MAX_XML_BYTES = 128 * 1024 * 1024;
/** Largest uncompressed size of all the parts of a DOCX that are read, together. */
export const MAX_INFLATED_BYTES = 192 * 1024 * 1024;
/** Most files inside a DOCX's archive (Word writes a few dozen). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Most XML elements (tags) in one DOCX part: a paragraph of plain text is about 4. */
export const MAX_XML_ELEMENTS = 1_000_000;
/** Deepest nesting of XML elements read in a DOCX part (a table in a table adds 3, a hyperlink 1). */
export const MAX_XML_DEPTH = 256;

export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
