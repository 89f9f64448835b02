/**
 * Read-only rendering of a document in one language, straight from the core model: structure
 * from `doc.parts`, words from `doc.text[lang]`, every number from `numberDocument(doc, lang)`,
 * generated wording (titles, annex headings, closing request, signatures) from core/locale.
 * Nothing here computes a number or a generated phrase itself.
 */
import { Fragment, useMemo, type ReactNode } from 'react';
import type { Block, Inline, Lang, Part, RDocument, TextRun } from '../../core/model/schema';
import { numberDocument, type Numbering } from '../../core/numbering/numbering';
import { renderXref } from '../../core/numbering/xref';
import { generatedBlockText, masthead, originalMarker, partHeadingText, partTitle, signatureText } from '../../core/locale/generated';
import { applyFrenchSpacing } from '../../core/locale/typography';

type Ctx = {
  doc: RDocument;
  lang: Lang;
  n: Numbering;
  /** Typography of the document's language applied to every rendered string. */
  typo: (s: string) => string;
};

function Run({ run, ctx }: { run: TextRun; ctx: Ctx }) {
  let node: ReactNode = ctx.typo(run.text);
  for (const mark of run.marks ?? []) {
    if (mark === 'bold') node = <strong>{node}</strong>;
    else if (mark === 'italic') node = <em>{node}</em>;
    else node = <sup>{node}</sup>;
  }
  return run.placeholder ? <span className="placeholder">{node}</span> : <>{node}</>;
}

function Inlines({ content, partId, ctx }: { content: Inline[]; partId: string; ctx: Ctx }) {
  return (
    <>
      {content.map((run, i) => {
        if (run.type === 'text') return <Run key={i} run={run} ctx={ctx} />;
        if (run.type === 'xref') {
          const r = renderXref(run, ctx.n, partId);
          return (
            <span key={i} className={r.broken ? 'xref broken' : 'xref'} data-target={run.target}>
              {ctx.typo(r.text)}
            </span>
          );
        }
        return (
          <sup key={i} className="footnote-ref" data-footnote={run.id}>
            {ctx.n.footnotes.get(run.id) ?? '?'}
          </sup>
        );
      })}
    </>
  );
}

/** The words of a block or part in the document language ('' while untranslated). */
function Words({ id, partId, ctx }: { id: string; partId: string; ctx: Ctx }) {
  const text = ctx.doc.text[ctx.lang]?.[id];
  if (!text || text.content.length === 0) return null;
  return <Inlines content={text.content} partId={partId} ctx={ctx} />;
}

function Label({ id, ctx }: { id: string; ctx: Ctx }) {
  const label = ctx.n.blocks.get(id)?.label;
  // The space keeps "12. Text" readable when copied; the label's width does the layout.
  return label ? (
    <>
      <span className="label">{ctx.typo(label)}</span>{' '}
    </>
  ) : null;
}

function BlockView({ block, part, ctx }: { block: Block; part: Part; ctx: Ctx }) {
  const common = { 'data-block-id': block.id, 'data-kind': block.kind };
  switch (block.kind) {
    case 'heading':
      return (
        <div {...common} data-level={block.level} className={`block heading heading-${block.level}`} role="heading" aria-level={headingAria(block.level)}>
          <Label id={block.id} ctx={ctx} />
          <span className="text">
            <Words id={block.id} partId={part.id} ctx={ctx} />
          </span>
        </div>
      );
    case 'paragraph':
      return (
        <p {...common} className={block.numbered ? 'block paragraph numbered' : 'block paragraph'}>
          <Label id={block.id} ctx={ctx} />
          <span className="text">
            <Words id={block.id} partId={part.id} ctx={ctx} />
          </span>
        </p>
      );
    case 'subparagraph':
      return (
        <p {...common} data-level={block.level} className={`block subparagraph level-${block.level}`}>
          <Label id={block.id} ctx={ctx} />
          <span className="text">
            <Words id={block.id} partId={part.id} ctx={ctx} />
          </span>
        </p>
      );
    case 'bullet':
      return (
        <p {...common} className={`block bullet level-${block.level ?? 1}`}>
          <span className="label" aria-hidden="true">
            •
          </span>{' '}
          <span className="text">
            <Words id={block.id} partId={part.id} ctx={ctx} />
          </span>
        </p>
      );
    case 'participant':
      return (
        <p {...common} className="block participant">
          <Words id={block.id} partId={part.id} ctx={ctx} />
        </p>
      );
    case 'closing':
    case 'opening':
      return (
        <p {...common} className={`block generated ${block.kind}`}>
          {ctx.typo(generatedBlockText(ctx.doc, block, part, ctx.lang) ?? '')}
        </p>
      );
    case 'signature':
      return (
        <div {...common} className="block signature">
          {signatureText(ctx.doc, block, ctx.lang).map((lines, i) => (
            <div key={i} className="signatory">
              {lines.map((line, j) => (
                <div key={j}>{ctx.typo(line)}</div>
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
            <BlockView key={b.id} block={b} part={part} ctx={ctx} />
          ))}
        </blockquote>
      );
    case 'participants':
      return (
        <div {...common} className="block participants">
          {block.blocks.map((b) => (
            <BlockView key={b.id} block={b} part={part} ctx={ctx} />
          ))}
        </div>
      );
    case 'table':
      return (
        <table {...common} className="block table">
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={row.id}>
                {row.cells.map((cell) => {
                  const Cell = r < block.headerRows ? 'th' : 'td';
                  return (
                    <Cell key={cell.id} scope={r < block.headerRows ? 'col' : undefined}>
                      {cell.blocks.map((b) => (
                        <BlockView key={b.id} block={b} part={part} ctx={ctx} />
                      ))}
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

function headingAria(level: string): number {
  return level === 'part' ? 2 : level === 'chapter' ? 3 : level === 'section' ? 4 : 5;
}

function PartView({ part, depth, ctx }: { part: Part; depth: number; ctx: Ctx }) {
  const owned = part.kind === 'annex' || part.kind === 'enclosure';
  const heading = owned ? partHeadingText(ctx.doc, part, ctx.lang, ctx.n) : '';
  const title = partTitle(ctx.doc, part, ctx.lang);
  return (
    <section className={`part part-${part.kind}`} data-part-id={part.id} data-part-kind={part.kind} data-depth={depth}>
      {heading && <div className="part-heading">{ctx.typo(heading)}</div>}
      {part.originalLanguage && part.originalLanguage !== ctx.lang && <div className="original-marker">{ctx.typo(originalMarker(part.originalLanguage, ctx.lang))}</div>}
      {title.text && (
        <h2 className={title.generated ? 'part-title generated' : 'part-title'}>
          {title.generated ? ctx.typo(title.text) : <Words id={part.id} partId={part.id} ctx={ctx} />}
        </h2>
      )}
      {part.blocks.map((b) => (
        <BlockView key={b.id} block={b} part={part} ctx={ctx} />
      ))}
      {part.parts.map((p) => (
        <PartView key={p.id} part={p} depth={depth + 1} ctx={ctx} />
      ))}
    </section>
  );
}

function Masthead({ ctx }: { ctx: Ctx }) {
  const m = masthead(ctx.doc, ctx.lang);
  return (
    <header className="masthead" aria-hidden="true">
      <div className="masthead-row1">
        <span>{m.unitedNations}</span>
        <span className="symbol">{m.symbols.join('–') || '\u00a0'}</span>
      </div>
      <div className="masthead-row2">
        <div className="organs">
          {m.organs.map((o) => (
            <div key={o}>{o}</div>
          ))}
        </div>
        <div className="distribution">
          <div>{ctx.typo(m.distribution)}</div>
          <div>{m.date || '\u00a0'}</div>
          <div>{m.versionLanguage || '\u00a0'}</div>
          <div>{ctx.typo(m.original)}</div>
        </div>
      </div>
    </header>
  );
}

/** Footnotes in order of appearance, numbered by the numbering engine. */
function Footnotes({ ctx, title }: { ctx: Ctx; title: string }) {
  const layer = ctx.doc.text[ctx.lang];
  if (!layer || ctx.n.footnotes.size === 0) return null;
  const notes: { id: string; n: number; content: Inline[]; partId: string }[] = [];
  for (const [blockId, text] of Object.entries(layer)) {
    for (const run of text.content) {
      const num = run.type === 'footnote' ? ctx.n.footnotes.get(run.id) : undefined;
      if (run.type === 'footnote' && num !== undefined) notes.push({ id: run.id, n: num, content: run.content, partId: ctx.n.partOf.get(blockId) ?? blockId });
    }
  }
  notes.sort((a, b) => a.n - b.n);
  return (
    <aside className="footnotes" aria-label={title}>
      {notes.map((f) => (
        <p key={f.id} className="footnote" data-footnote={f.id}>
          <sup>{f.n}</sup> <Inlines content={f.content} partId={f.partId} ctx={ctx} />
        </p>
      ))}
    </aside>
  );
}

export function DocumentView({ doc, lang, label, footnotesTitle }: { doc: RDocument; lang: Lang; label: string; footnotesTitle: string }) {
  const ctx = useMemo<Ctx>(() => {
    const n = numberDocument(doc, lang);
    const typo = lang === 'fr' ? (s: string) => applyFrenchSpacing(s, doc.settings.frenchSpacing) : (s: string) => s;
    return { doc, lang, n, typo };
  }, [doc, lang]);
  return (
    <article className="page" lang={lang} aria-label={label} data-testid="document" data-kind={doc.meta.kind} data-lang={lang}>
      <Masthead ctx={ctx} />
      {doc.parts.map((p) => (
        <Fragment key={p.id}>
          <PartView part={p} depth={0} ctx={ctx} />
        </Fragment>
      ))}
      <Footnotes ctx={ctx} title={footnotesTitle} />
    </article>
  );
}
