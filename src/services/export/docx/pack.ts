/**
 * Packing a DOCX whose body is written a block at a time (issue 16: a 100,000-block document
 * peaked at 1.2 GB in `Packer.toBuffer`, which holds docx's component tree, the object tree
 * formatted from it, a resolved copy of that and the strings built from it, all for the whole
 * body at once).
 *
 * docx still writes every part, document.xml's frame included: its body holds one placeholder
 * paragraph. Each body block is formatted beforehand in the order and context docx's compiler
 * would give it (the document, then its body, on the stack), written as XML (xml-text.ts), and let
 * go; the placeholder is then replaced by those blocks. The `{key}` placeholders docx leaves in
 * the body for list instances and images are filled as its compiler fills them, and the images
 * the body uses are named in the placeholder paragraph so that docx writes their relationships.
 * The bytes are those `Packer.toBuffer` writes (tests/integration/export/docx-pack.test.ts).
 */
import { zipSync } from 'fflate';
import { Document, Packer, Paragraph, TextRun, encodeUtf8, type FileChild, type IPropertiesOptions, type ISectionOptions, type XmlComponent } from 'docx';
import { concat } from './bytes';
import { writeXml } from './xml-text';

/** Text no document holds: where the body goes in docx's document.xml. */
const MARKER = 'RAPPORTEUR-BODY-0b7c55e2';
const PLACEHOLDER_XML = `<w:p><w:r><w:t xml:space="preserve">${MARKER}`;
const PLACEHOLDER_KEY = /\{([^{}]+)\}/g;

/** What docx's compiler reads and keeps out of its public types. */
type Compiler = { compile(file: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array> };
type Formattable = { prepForXml(context: unknown): object | undefined };

export type DocxPackage = { options: Omit<IPropertiesOptions, 'sections'>; section: Omit<ISectionOptions, 'children'>; body: FileChild[] };

/** The same bytes as `Packer.toBuffer(new Document({...options, sections: [{...section, children: body}]}))`. `body` is emptied as it is written. */
export function packDocx(pkg: DocxPackage): Uint8Array {
  const placeholder = new Paragraph({ children: [new TextRun(MARKER)] });
  const document = new Document({ ...pkg.options, sections: [{ ...pkg.section, children: [placeholder] }] });
  const view = document.Document.View as unknown as XmlComponent & { Body: XmlComponent };
  const context = { viewWrapper: document.Document, file: document, stack: [view, view.Body] };
  const chunks: string[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < pkg.body.length; i++) {
    const xml = (pkg.body[i] as unknown as Formattable).prepForXml(context);
    pkg.body[i] = undefined as unknown as FileChild; // let the block's components go once written
    if (!xml) continue;
    const text = writeXml(xml);
    for (const [, key] of text.matchAll(PLACEHOLDER_KEY)) keys.add(key!);
    chunks.push(text);
  }
  pkg.body.length = 0;
  // Lists are numbered as they are met: the body's instances all exist now, as when docx replaced them.
  const values = new Map<string, string>();
  for (const n of document.Numbering.ConcreteNumbering) values.set(n.restartedListId === undefined ? `${n.reference}-${n.instance}` : `${n.reference}-restart ${n.restartedListId}`, n.numId.toString());
  const images = document.Media.Entries.filter(([key]) => keys.has(key)).map(([key]) => key);
  // docx writes a relationship for each image named in document.xml: name the body's in the placeholder.
  for (const key of images) placeholder.addChildElement(new TextRun(`{${key}}`));

  const files = (Packer as unknown as { compiler: Compiler }).compiler.compile(document, undefined, []);
  const frame = files.get('word/document.xml');
  if (typeof frame !== 'string') throw new Error('docx wrote no word/document.xml');
  const at = frame.indexOf(PLACEHOLDER_XML);
  const end = frame.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || frame.indexOf(MARKER, at + PLACEHOLDER_XML.length) >= 0) throw new Error('docx wrote the body placeholder in a way the packer does not know');
  // Image ids follow the document's other relationships, in the order the images were added.
  const offset = document.Document.Relationships.RelationshipCount + 1;
  images.forEach((key, i) => values.set(key, (offset + i).toString()));

  const parts = [encodeUtf8(frame.slice(0, at))];
  for (let i = 0; i < chunks.length; i++) {
    parts.push(encodeUtf8(chunks[i]!.replace(PLACEHOLDER_KEY, (whole, key: string) => values.get(key) ?? whole)));
    chunks[i] = '';
  }
  parts.push(encodeUtf8(frame.slice(end)));
  files.set('word/document.xml', concat(parts));
  return zipSync(Object.fromEntries([...files].map(([path, data]) => [path, typeof data === 'string' ? encodeUtf8(data) : data])));
}
