/**
 * A returned file's comments kept as notes on the blocks they were written on. The file is read
 * as paragraphs (services/import/docx.ts says, for each comment, the text of its paragraph and
 * the words its range covered); the document those paragraphs became is searched for the block
 * (or part title) with that text, as the file's tracked changes are found (compare/tracked.ts).
 */
import { noteSchema, type Lang, type Note, type RDocument } from '../model/schema';
import { listBlocks, listParts } from '../model/walk';
import { numberDocument } from '../numbering/numbering';
import { blockText } from '../render/text';
import { norm, samePara } from '../compare/tracked';

/** One comment of a file: what it says, whose, when, and where (its paragraph's text, the words it covers). */
export type FileComment = { id: string; text: string; author?: string; date?: string; paragraph: string; quote?: string };

/**
 * Notes for `comments` on the blocks of `doc` in `lang` whose text is their paragraph's. A
 * comment whose paragraph is not there (one in a footnote, on a paragraph left out) is kept on
 * the first part, quoting its paragraph, and also returned as `unplaced` to be reported.
 */
export function placeComments(doc: RDocument, lang: Lang, comments: FileComment[], source?: string): { notes: Note[]; unplaced: FileComment[] } {
  if (comments.length === 0) return { notes: [], unplaced: [] };
  const n = numberDocument(doc, lang);
  const targets = [...listParts(doc).map((x) => x.part.id), ...listBlocks(doc).map((x) => x.block.id)]
    .map((id) => ({ id, text: norm(blockText(doc, id, n, { footnotes: 'omit' })) }))
    .filter((t) => t.text !== '');
  const taken = new Set((doc.notes ?? []).map((x) => x.id));
  const notes: Note[] = [];
  const unplaced: FileComment[] = [];
  let next = 1;
  for (const c of comments) {
    const para = norm(c.paragraph);
    const target = targets.find((t) => samePara(para, t.text)) ?? (c.quote ? targets.find((t) => t.text.includes(norm(c.quote!))) : undefined);
    const text = c.text.trim();
    if (text === '') continue;
    if (!target) unplaced.push(c);
    while (taken.has(`note${next}`)) next++;
    const id = `note${next}`;
    taken.add(id);
    const note: Note = { id, block: target?.id ?? doc.parts[0]!.id, lang, text: text.slice(0, 20_000) };
    if (c.author?.trim()) note.author = c.author.trim().slice(0, 200);
    if (c.date && noteSchema.shape.date.safeParse(c.date).success) note.date = c.date;
    const quote = target ? c.quote : c.paragraph.trim() || c.quote;
    if (quote) note.quote = quote.slice(0, 2000);
    if (source) note.source = source.slice(0, 200);
    notes.push(note);
  }
  return { notes, unplaced };
}
