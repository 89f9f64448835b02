/**
 * Read-only rendering of a document in one language, from its resolved layout
 * (`layoutDocument(doc, lang)` in core/render/layout: the issued profile on Letter paper), the
 * one structure the DOCX and HTML exports read too: labels, generated wording (titles, annex
 * headings, closing request, opening, signatures), cross-reference text, footnote numbers and
 * placement, quotation marks, the language's typography and table column widths all come from
 * there, and the page's measurements from the CSS custom properties ../page-geometry.ts sets
 * from the same geometry. This file only turns the layout into DOM; it computes no number,
 * phrase, typography or measurement itself.
 */
import { Fragment, useMemo, type ReactNode } from 'react';
import type { HeadingLevel, Lang, RDocument } from '../../core/model/schema';
import { layoutDocument, type Layout, type LayoutBlock, type LayoutPart } from '../../core/render/layout';
import type { Span } from '../../core/render/spans';
import { partFootnotes, signatureLineSpans } from '../../core/render/traverse';
import './DocumentView.css';

type Footnote = Layout['footnotes'][number];

/** Text with its line breaks ("\n" in a run) shown as breaks, as the exports do. */
function Lines({ text }: { text: string }) {
  if (!text.includes('\n')) return <>{text}</>;
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function SpanView({ span }: { span: Span }) {
  if (span.footnote) {
    return (
      <sup className="footnote-ref" data-footnote={span.footnote.id}>
        {span.text}
      </sup>
    );
  }
  let node: ReactNode = <Lines text={span.text} />;
  if (span.superscript) node = <sup>{node}</sup>;
  if (span.italic) node = <em>{node}</em>;
  if (span.bold) node = <strong>{node}</strong>;
  if (span.xref) {
    node = (
      <span className={span.xref.broken ? 'xref broken' : 'xref'} data-target={span.xref.target}>
        {node}
      </span>
    );
  }
  if (span.missing) return <span className="missing-text">{node}</span>;
  return span.placeholder ? <span className="placeholder">{node}</span> : <>{node}</>;
}

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((s, i) => (
        <SpanView key={i} span={s} />
      ))}
    </>
  );
}

/** A space that is copied with the text ("12. Text") but takes no room: the label's box does the layout. */
const CopySpace = () => <span className="copy-space"> </span>;

function Label({ label }: { label: string | undefined }) {
  return label ? (
    <>
      <span className="label">{label}</span>
      <CopySpace />
    </>
  ) : null;
}

function headingAria(level: HeadingLevel): number {
  return level === 'part' ? 2 : level === 'chapter' ? 3 : level === 'section' ? 4 : 5;
}

/** Class names, with "untranslated" (hatched) for text this version still lacks. */
function classes(names: string, untranslated: boolean): string {
  return untranslated ? `${names} untranslated` : names;
}

function BlockView({ block }: { block: LayoutBlock }) {
  // data-kind keeps the model's block kind ("closing", "opening" for generated blocks).
  const common = { 'data-block-id': block.id, 'data-kind': block.type === 'generated' ? block.role : block.type };
  switch (block.type) {
    case 'heading':
      return (
        <div {...common} data-level={block.level} className={classes(`block heading heading-${block.level}`, block.untranslated)} role="heading" aria-level={headingAria(block.level)}>
          <Label label={block.label} />
          <span className="text">
            <Spans spans={block.spans} />
          </span>
        </div>
      );
    case 'paragraph':
      return (
        <p {...common} className={classes(block.numbered ? 'block paragraph numbered' : 'block paragraph', block.untranslated)}>
          <Label label={block.label} />
          <span className="text">
            <Spans spans={block.spans} />
          </span>
        </p>
      );
    case 'subparagraph':
      return (
        <p {...common} data-level={block.level} className={classes(`block subparagraph level-${block.level}`, block.untranslated)}>
          <Label label={block.label} />
          <span className="text">
            <Spans spans={block.spans} />
          </span>
        </p>
      );
    case 'bullet':
      return (
        <p {...common} className={classes(`block bullet level-${block.level}`, block.untranslated)}>
          <span className="label" aria-hidden="true">
            {block.level === 2 ? '–' : '•'}
          </span>
          <CopySpace />
          <span className="text">
            <Spans spans={block.spans} />
          </span>
        </p>
      );
    case 'participant':
      return (
        <p {...common} className={classes('block participant', block.untranslated)}>
          <Spans spans={block.spans} />
        </p>
      );
    case 'generated':
      return (
        <p {...common} className={`block generated ${block.role}`}>
          <Spans spans={block.spans} />
        </p>
      );
    case 'addressee':
      return (
        <div {...common} className="block addressee">
          {block.groups.map((g, i) => (
            <p key={i}>
              {g.map((line, j) => (
                <span key={j} className="addressee-line">
                  <Spans spans={line} />
                </span>
              ))}
            </p>
          ))}
        </div>
      );
    case 'signature':
      return (
        <div {...common} className="block signature">
          {block.signatories.map((s, i) => (
            <div key={i} className="signatory">
              {s.lines.map((line, j) => (
                <div key={j} className={line.kind === 'name' ? 'signatory-name' : undefined}>
                  <Spans spans={signatureLineSpans(line)} />
                </div>
              ))}
            </div>
          ))}
        </div>
      );
    case 'pageBreak':
      return <hr {...common} className="block page-break" />;
    case 'quote':
      return (
        <blockquote {...common} className="block quote">
          {block.blocks.map((b) => (
            <BlockView key={b.id} block={b} />
          ))}
        </blockquote>
      );
    case 'participants':
      return (
        <div {...common} className="block participants">
          {block.blocks.map((b) => (
            <BlockView key={b.id} block={b} />
          ))}
        </div>
      );
    case 'table':
      return (
        <table {...common} className="block table">
          <colgroup>
            {block.columns.map((w, i) => (
              <col key={i} style={{ width: `${w}pt` }} />
            ))}
          </colgroup>
          <tbody>
            {block.rows.map((row, r) => {
              const header = r < block.headerRows;
              const Cell = header ? 'th' : 'td';
              return (
                <tr key={row.id}>
                  {row.cells.map((cell) => (
                    <Cell key={cell.id} scope={header ? 'col' : undefined}>
                      {cell.blocks.map((b) => (
                        <BlockView key={b.id} block={b} />
                      ))}
                    </Cell>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      );
  }
}

/** A part's footnotes, listed at its end (as in the HTML print view). */
function Footnotes({ notes, title }: { notes: Footnote[]; title: string }) {
  if (notes.length === 0) return null;
  return (
    <aside className="footnotes" aria-label={title}>
      {notes.map((f) => (
        <p key={f.id} className="footnote" data-footnote={f.id}>
          <sup>{f.number}</sup> <Spans spans={f.content} />
        </p>
      ))}
    </aside>
  );
}

/** The layout's flat part list (a part, then the parts it owns, with their depth) as a tree. */
type PartNode = { part: LayoutPart; footnotes: Footnote[]; children: PartNode[] };

function partTree(parts: LayoutPart[]): PartNode[] {
  const roots: PartNode[] = [];
  const open: PartNode[] = [];
  for (const part of parts) {
    const node: PartNode = { part, footnotes: partFootnotes(part), children: [] };
    open.length = Math.min(open.length, part.depth);
    (open.length > 0 ? open[open.length - 1]!.children : roots).push(node);
    open.push(node);
  }
  return roots;
}

function PartView({ node, footnotesTitle }: { node: PartNode; footnotesTitle: string }) {
  const { part } = node;
  const titleClass = `part-title${part.titleStyle === 'subtitle' ? ' subtitle' : ''}${part.titleGenerated ? ' generated' : ''}`;
  return (
    <section className={`part part-${part.kind}`} data-part-id={part.id} data-part-kind={part.kind} data-depth={part.depth}>
      {part.heading && (
        <div className="part-heading">
          <Spans spans={part.heading} />
        </div>
      )}
      {part.originalMarker && (
        <div className="original-marker">
          <Spans spans={part.originalMarker} />
        </div>
      )}
      {part.title.length > 0 && (
        <h2 className={classes(titleClass, part.untranslated)}>
          <Spans spans={part.title} />
        </h2>
      )}
      {part.blocks.map((b) => (
        <BlockView key={b.id} block={b} />
      ))}
      <Footnotes notes={node.footnotes} title={footnotesTitle} />
      {node.children.map((child) => (
        <PartView key={child.part.id} node={child} footnotesTitle={footnotesTitle} />
      ))}
    </section>
  );
}

/** A masthead line; an empty one keeps its height. */
function Line({ spans }: { spans: Span[] }) {
  return spans.length > 0 ? <Spans spans={spans} /> : <>{'\u00a0'}</>;
}

/** The first-page masthead, from the layout (also shown above the editor). */
export function Masthead({ masthead: m }: { masthead: Layout['masthead'] }) {
  return (
    <header className="masthead" aria-hidden="true">
      <div className="masthead-row1">
        <span>{m.unitedNations}</span>
        <span className="symbol">
          {m.symbols.length === 0
            ? '\u00a0'
            : m.symbols.map((sym, i) => (
                <Fragment key={i}>
                  {i > 0 && '–'}
                  {sym.letter && <span className="series">{sym.letter}</span>}
                  {sym.rest}
                </Fragment>
              ))}
        </span>
      </div>
      <div className="masthead-row2">
        <div className="organs">
          {m.organs.map((o, i) => (
            <div key={i}>
              <Line spans={o} />
            </div>
          ))}
        </div>
        <div className="distribution">
          {[m.distribution, m.date, m.versionLanguage, m.original].map((l, i) => (
            <div key={i}>
              <Line spans={l} />
            </div>
          ))}
        </div>
      </div>
      {m.sessionColumns.length > 0 && (
        // Joint General Assembly / Security Council documents: a column per organ under the rule.
        <div className="masthead-sessions" data-testid="masthead-sessions">
          {m.sessionColumns.map((c, i) => (
            <div key={i} className="masthead-session">
              <div>
                <Line spans={c.organ} />
              </div>
              {c.lines.map((l, j) => (
                <div key={j}>
                  <Line spans={l} />
                </div>
              ))}
              {c.itemTitles.map((title, j) => (
                <div key={`t${j}`} className="item-title">
                  <Line spans={title} />
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </header>
  );
}

export function DocumentView({ doc, lang, label, footnotesTitle }: { doc: RDocument; lang: Lang; label: string; footnotesTitle: string }) {
  const { layout, tree } = useMemo(() => {
    const layout = layoutDocument(doc, lang);
    return { layout, tree: partTree(layout.parts) };
  }, [doc, lang]);
  return (
    <article className="page" lang={lang} aria-label={label} data-testid="document" data-kind={doc.meta.kind} data-lang={lang}>
      <Masthead masthead={layout.masthead} />
      {tree.map((node) => (
        <PartView key={node.part.id} node={node} footnotesTitle={footnotesTitle} />
      ))}
    </article>
  );
}
