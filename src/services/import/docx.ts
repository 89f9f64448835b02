/**
 * DOCX → source paragraphs for the recogniser (src/core/import/recognize/).
 *
 * Reads the parts a Word document keeps its text in — word/document.xml, styles.xml,
 * numbering.xml, footnotes.xml, endnotes.xml — with Node’s zlib (unzip, zip.ts) and a
 * streaming XML reader (xml-stream.ts): the body is read one paragraph or table at a time, so
 * memory stays a small multiple of the file's unpacked XML. Mammoth was the other candidate; it
 * turns Word's automatic numbering into "ordered list, level n" and loses the number format (a) /
 * (i) / I. / A.) that tells a subparagraph from a chapter, so numbering.xml is read here directly
 * (docx-styles.ts), and every automatic number is computed as Word shows it.
 *
 * Kept: paragraphs and line breaks, bold / italic / superscript (direct, character-style and
 * paragraph-style), footnotes and endnotes, tables (merged cells padded), hyperlinks, tracked
 * insertions, content controls, field results, text boxes (docx-body.ts). Left out, and reported:
 * images and tracked deletions. A damaged archive is read as far as it goes and says what is
 * missing. Tracked changes are also listed, per paragraph, with their author and date
 * (`tracked`), so that a returned version's comparison can say whose they were; and comments
 * (word/comments.xml) with the paragraph they are on (`comments`), to be kept as notes.
 */
import { counted } from '../../core/locale/counted';
import type { TrackedParagraph } from '../../core/compare/types';
import type { FileComment } from '../../core/import/notes';
import { paragraphText, type SourceBlock } from '../../core/import/source';
import { openDocx } from './docx-archive';
import { readNote, readParagraph, readTable, type BodyState } from './docx-body';
import { Numbering, Styles } from './docx-styles';
import { ImportError } from './errors';
import { attr, checkElementCount, kid, kids, streamXml, XmlSyntaxError, type XEl } from './xml-stream';

export type DocxRead = { blocks: SourceBlock[]; warnings: string[]; tracked: TrackedParagraph[]; comments: FileComment[] };

const PART_ROLE: Record<string, string> = {
  'word/styles.xml': 'the styles',
  'word/numbering.xml': 'the automatic numbers',
  'word/footnotes.xml': 'the footnotes',
  'word/endnotes.xml': 'the endnotes',
  'word/comments.xml': 'the comments',
};

/**
 * The top-level elements of an optional part (styles, numbering, notes). A part that is not
 * well-formed XML is left out whole, with a warning, as if it were absent.
 */
function topLevel(files: Map<string, Uint8Array>, part: string, name: string, warnings: string[]): XEl[] {
  const bytes = files.get(part);
  if (!bytes) return [];
  checkElementCount(bytes, part, name);
  const out: XEl[] = [];
  try {
    streamXml(new TextDecoder('utf-8').decode(bytes), { keep: (_el, parents) => parents.length === 1, element: (el) => out.push(el) }, part, name);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    warnings.push(`${name}: ${part} is not well-formed XML and could not be read; what it holds (${PART_ROLE[part] ?? 'part of the document'}) is left out.`);
    return [];
  }
  return out;
}

/** The file's comments (word/comments.xml) with the paragraph each was found on; one on no paragraph is passed over. */
function readComments(els: XEl[], ctx: BodyState): FileComment[] {
  const out: FileComment[] = [];
  for (const el of els) {
    const id = attr(el, 'id') ?? '';
    const at = ctx.commentAt.get(id);
    if (!at) continue;
    // its own paragraphs, read as the body's are (their changes are not the text's)
    const saved = ctx.tracked.length;
    const text = kids(el, 'p').map((p) => paragraphText(readParagraph(p, ctx)).trim()).filter((t) => t !== '').join('\n');
    ctx.tracked.length = saved;
    const c: FileComment = { id, text, paragraph: at.paragraph };
    const author = attr(el, 'author');
    const date = attr(el, 'date');
    if (author) c.author = author;
    if (date) c.date = date;
    if (at.quote) c.quote = at.quote;
    if (text !== '') out.push(c);
  }
  return out;
}

/** Reads a .docx into source paragraphs and tables, in document order. */
export function readDocx(bytes: Uint8Array, name = 'the file'): DocxRead {
  const warnings: string[] = [];
  const files = openDocx(bytes, name, warnings);
  const documentBytes = files.get('word/document.xml')!;
  checkElementCount(documentBytes, 'word/document.xml', name);
  const ctx: BodyState = {
    styles: new Styles(topLevel(files, 'word/styles.xml', name, warnings)),
    numbering: new Numbering(topLevel(files, 'word/numbering.xml', name, warnings)),
    notes: new Map(),
    images: 0,
    deletions: 0,
    textBoxes: [],
    changes: [],
    tracked: [],
    commentOpen: new Map(),
    commentIds: [],
    commentAt: new Map(),
  };
  for (const note of topLevel(files, 'word/footnotes.xml', name, warnings)) readNote(note, 'f', ctx);
  for (const note of topLevel(files, 'word/endnotes.xml', name, warnings)) readNote(note, 'e', ctx);
  const commentEls = topLevel(files, 'word/comments.xml', name, warnings).filter((el) => el.local === 'comment');

  const blocks: SourceBlock[] = [];
  const block = (el: XEl): void => {
    if (el.local === 'p') {
      blocks.push(readParagraph(el, ctx));
      if (ctx.textBoxes.length > 0) {
        blocks.push(...ctx.textBoxes);
        warnings.push(`${counted(ctx.textBoxes.length, 'paragraph', 'paragraphs')} from text boxes imported as ordinary paragraphs.`);
        ctx.textBoxes = [];
      }
    } else if (el.local === 'tbl') readTable(el, ctx, blocks);
    else if (el.local === 'sdt') (kid(el, 'sdtContent') ?? el).children.forEach((c) => typeof c !== 'string' && block(c));
    else if (el.local === 'customXml') el.children.forEach((c) => typeof c !== 'string' && block(c));
    else if (el.local === 'altChunk') warnings.push('an embedded document (altChunk) could not be imported.');
  };
  // Only the first w:body's children are read, each whole and then let go.
  let body: XEl | undefined;
  const text = new TextDecoder('utf-8').decode(documentBytes);
  files.clear();
  try {
    streamXml(
      text,
      {
        keep: (el, parents) => {
          if (parents.length === 1 && el.local === 'body' && !body) body = el;
          return parents.length === 2 && parents[1] === body;
        },
        element: block,
      },
      'word/document.xml',
      name,
    );
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    // The parser's own message ("unclosed xml tag(s)", "namespace prefix …") tells a drafting officer nothing.
    throw new ImportError('damaged-docx', `${name} is a damaged .docx: word/document.xml (the document text) is not well-formed XML, so it cannot be read.`);
  }
  if (!body) throw new ImportError('damaged-docx', `${name} is a damaged .docx: word/document.xml has no body.`);
  if (ctx.images > 0) warnings.push(`${counted(ctx.images, 'image or drawing', 'images or drawings')} not imported (add images in Rapporteur).`);
  if (ctx.deletions > 0) warnings.push(`${counted(ctx.deletions, 'tracked deletion', 'tracked deletions')} left out: the text was imported as if the changes were accepted.`);
  return { blocks, warnings, tracked: ctx.tracked, comments: readComments(commentEls, ctx) };
}
