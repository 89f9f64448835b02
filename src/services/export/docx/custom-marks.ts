/**
 * Footnote reference marks typed by us rather than numbered by Word: Word numbers every
 * footnote of a file in one sequence, so in the bilingual review (two versions side by side)
 * the right column's first note would be "3" after the left's two. A reference written with
 * `w:customMarkFollows="1"` and the mark's text in the same run is shown with that text in the
 * body; the note keeps its `w:footnoteRef`, which LibreOffice shows as the same custom mark
 * (a note that starts with the mark as text shows it twice there: "11").
 *
 * The `docx` library (9.15) writes `w:footnoteReference` with its id only (no way to say
 * customMarkFollows): the written document part is changed here.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The file with footnote `id` (Word's id) shown as `marks.get(id)`, for every id in `marks`. */
export function withCustomMarks(bytes: Uint8Array, marks: ReadonlyMap<number, string>): Uint8Array {
  if (marks.size === 0) return bytes;
  const files = unzipSync(bytes);
  const body = files['word/document.xml'];
  if (!body) throw new Error('The DOCX written has no document part.');
  const mark = (id: string) => marks.get(Number(id));
  files['word/document.xml'] = strToU8(
    strFromU8(body).replace(/<w:footnoteReference w:id="(\d+)"\/>/g, (all, id: string) => {
      const m = mark(id);
      return m === undefined ? all : `<w:footnoteReference w:customMarkFollows="1" w:id="${id}"/><w:t xml:space="preserve">${escape(m)}</w:t>`;
    }),
  );
  return zipSync(files);
}
