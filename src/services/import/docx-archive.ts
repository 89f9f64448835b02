/**
 * The zip archive of a .docx, opened for reading: the file told from other formats by its first
 * bytes, the parts the importer reads inflated under the archive limits (zip.ts), and a damaged
 * archive read as far as it goes, saying what is missing.
 */
import { ImportError, MAX_DOCX_BYTES, megabytes } from './errors';
import { readArchive } from './zip';

const WANTED = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'];

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function describeNonZip(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return `${name} is a Word 97–2003 (.doc) or other older Office file, not a .docx. Open it in Word and save it as .docx, then import that.`;
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return `${name} is a PDF, not a .docx. Extract its text (for example with "pdftotext") and import the .txt file.`;
  }
  if (bytes[0] === 0x7b && bytes[1] === 0x5c && bytes[2] === 0x72 && bytes[3] === 0x74) return `${name} is an RTF file, not a .docx. Save it as .docx in Word.`;
  return `${name} is not a .docx file (a .docx is a zip archive; this file is not one). It may be damaged or have the wrong extension.`;
}

/** The parts of a .docx the importer reads, by path; word/document.xml is always there. */
export function openDocx(bytes: Uint8Array, name: string, warnings: string[]): Map<string, Uint8Array> {
  if (bytes.length === 0) throw new ImportError('empty', `${name} is empty: there is nothing to import.`);
  if (!isZip(bytes)) throw new ImportError('not-docx', describeNonZip(bytes, name));
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new ImportError('too-large', `${name} is too large to import (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_DOCX_BYTES)}).`);
  }
  const archive = readArchive(bytes, name, WANTED);
  const files = archive.files;
  warnings.push(...archive.warnings);
  if (archive.repaired) {
    if (!files.has('word/document.xml')) {
      throw new ImportError('damaged-docx', `${name} is a damaged .docx: the archive is cut short or corrupt, and the document text (word/document.xml) cannot be read.`);
    }
    const missing = ['word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml'].filter((f) => !files.has(f));
    warnings.push(
      `${name} is a damaged .docx (the archive is cut short or corrupt): the text was read${missing.length > 0 ? `, but not ${missing.join(', ')} (styles, automatic numbers or footnotes may be missing)` : ''}. Check the result against the original.`,
    );
  }
  if (!files.has('word/document.xml')) {
    const types = files.get('[Content_Types].xml');
    const t = types ? new TextDecoder().decode(types) : '';
    if (/spreadsheetml/.test(t)) throw new ImportError('not-docx', `${name} is an Excel workbook, not a Word document.`);
    if (/presentationml/.test(t)) throw new ImportError('not-docx', `${name} is a PowerPoint presentation, not a Word document.`);
    throw new ImportError('not-docx', `${name} is a zip archive but not a Word document (it has no word/document.xml).`);
  }
  return files;
}
