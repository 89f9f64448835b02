/** The document format rejects bad input with the exact path and a plain reason. */
import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentJson, formatPath } from '../../src/core/model/validate';
import { createFromTemplate } from '../../src/core/templates';
import { sequentialIds } from '../../src/core/model/builder';
import type { RDocument } from '../../src/core/model/schema';
import { textHash } from '../../src/core/model/hash';

function valid(): RDocument {
  return createFromTemplate('annual-report', 'fr', sequentialIds());
}

function issuesOf(doc: unknown) {
  const r = parseDocument(doc);
  return r.ok ? [] : r.issues;
}

describe('document validation', () => {
  it('accepts every template', () => {
    expect(issuesOf(valid())).toEqual([]);
  });

  it('formats paths the way a reader finds them in the JSON', () => {
    expect(formatPath(['parts', 0, 'blocks', 3, 'kind'])).toBe('parts[0].blocks[3].kind');
    expect(formatPath([])).toBe('(document)');
  });

  it('shows a path deeper than 12 levels by its start and end, for zod’s issues too', () => {
    const deep: (string | number)[] = ['parts', 0, 'blocks', 5];
    for (let i = 0; i < 25; i++) deep.push('blocks', 0);
    expect(formatPath([...deep, 'kind'])).toBe('parts[0].blocks[5].blocks[0].…[0].blocks[0].blocks[0].kind');
    // a wrong kind 25 quotes deep (the nightly fuzz run's case): a short path, a short line
    let block: unknown = { id: 'q0', kind: 'nothing' };
    for (let i = 1; i <= 25; i++) block = { id: `q${i}`, kind: 'quote', blocks: [block] };
    const doc = valid() as unknown as { parts: { blocks: unknown[] }[] };
    doc.parts[0]!.blocks.push(block);
    const r = parseDocument(doc);
    expect(r.ok).toBe(false);
    for (const i of r.ok ? [] : r.issues) expect(`${i.path}: ${i.message}`.length).toBeLessThan(400);
  });

  it('names the path and reason of a wrong block kind', () => {
    const doc = valid() as unknown as { parts: { blocks: { kind: string }[] }[] };
    doc.parts[1]!.blocks[2]!.kind = 'paragraf';
    const issues = issuesOf(doc);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.path).toBe('parts[1].blocks[2].kind');
  });

  it('names a missing field and a bad value', () => {
    const doc = valid() as unknown as Record<string, unknown> & { meta: Record<string, unknown> };
    delete doc.meta.organs;
    doc.meta.letterDate = '2017-02-30';
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path).sort()).toEqual(['meta.letterDate', 'meta.organs']);
    expect(issues.find((i) => i.path === 'meta.letterDate')!.message).toBe('not a real calendar day');
  });

  it('rejects unknown fields rather than silently dropping them', () => {
    const doc = valid() as unknown as { meta: Record<string, unknown> };
    doc.meta.colour = 'blue';
    expect(issuesOf(doc)[0]!.path).toBe('meta');
    expect(issuesOf(doc)[0]!.message).toMatch(/colour/);
  });

  it('rejects duplicate ids, text for unknown ids and unknown people', () => {
    const doc = valid();
    const report = doc.parts[1]!;
    report.blocks[1]!.id = report.blocks[0]!.id;
    doc.text.fr!.ghost = { content: [{ type: 'text', text: 'x' }] };
    doc.meta.sender = 'nobody';
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({ path: 'parts[1].blocks[1].id', message: `duplicate id "${report.blocks[0]!.id}" (already used at parts[1].blocks[0].id)` });
    expect(issues).toContainEqual({ path: 'text.fr.ghost', message: 'text for "ghost", which is no part or block of this document' });
    expect(issues).toContainEqual({ path: 'meta.sender', message: 'no person "nobody" in meta.people' });
  });

  it('rejects a country that is no State unless the document names it', () => {
    const doc = valid();
    doc.meta.people[0]!.role.country = 'YUG';
    expect(issuesOf(doc)).toEqual([{ path: 'meta.people[0].role.country', message: '"YUG" is no Member or observer State; give its names in meta.countryNames' }]);
    doc.meta.countryNames = { YUG: { en: { name: 'Yugoslavia', article: false }, fr: { name: 'Yougoslavie', article: 'la' } } };
    expect(issuesOf(doc)).toEqual([]);
  });

  it('rejects a ragged table and a range reference without an end', () => {
    const doc = valid();
    const annex = doc.parts[1]!.parts[0]!;
    const table = annex.blocks[0]!;
    if (table.kind !== 'table') throw new Error('expected the template annex to hold a table');
    const removed = table.rows[1]!.cells.pop()!;
    // The removed cell's paragraph leaves its text behind, which is reported too.
    expect(issuesOf(doc)).toEqual([
      { path: 'parts[1].parts[0].blocks[0].rows', message: 'every row of a table needs the same number of cells' },
      { path: `text.fr.${removed.blocks[0]!.id}`, message: `text for "${removed.blocks[0]!.id}", which is no part or block of this document` },
    ]);
    const other = valid();
    const para = other.parts[1]!.blocks.find((b) => b.kind === 'paragraph')!;
    other.text.fr![para.id] = { content: [{ type: 'xref', target: para.id, form: 'range' } as never] };
    expect(issuesOf(other)).toEqual([{ path: `text.fr.${para.id}.content[0].to`, message: 'a range reference needs "to"' }]);
  });

  it('says what is allowed, not just "Invalid input": subparagraph and bullet levels, inline runs', () => {
    const doc = valid();
    const sub = { id: 'deep', kind: 'subparagraph', level: 7 };
    const bullet = { id: 'deepBullet', kind: 'bullet', level: 3 };
    doc.parts[0]!.blocks.push(sub as never, bullet as never);
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({ path: `parts[0].blocks[${doc.parts[0]!.blocks.length - 2}].level`, message: 'a subparagraph level is 1, 2, 3 or 4 (English (a), (i), a., i.; French a), i), a., i.)' });
    expect(issues).toContainEqual({ path: `parts[0].blocks[${doc.parts[0]!.blocks.length - 1}].level`, message: 'a bullet level is 1 or 2 (• or –)' });
    const run = valid();
    const id = Object.keys(run.text.fr!)[0]!;
    run.text.fr![id]!.content.push({ type: 'image' } as never);
    expect(issuesOf(run)).toEqual([{ path: `text.fr.${id}.content[${run.text.fr![id]!.content.length - 1}].type`, message: 'an inline run has "type": "text", "xref" or "footnote"' }]);
    for (const i of [...issues, ...issuesOf(run)]) expect(i.message).not.toBe('Invalid input');
  });

  it('refuses a document from a newer version with a clear message', () => {
    const doc = { ...valid(), schemaVersion: 3 };
    expect(issuesOf(doc)).toEqual([{ path: 'schemaVersion', message: 'schema version 3 is newer than this version of Rapporteur understands (2): open the document with a newer Rapporteur' }]);
  });

  it('turns malformed JSON and non-objects into issues, not exceptions', () => {
    const r = parseDocumentJson('{"schemaVersion": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^not valid JSON/);
    expect(issuesOf(null)).toEqual([{ path: '(document)', message: 'a document is a JSON object' }]);
    expect(issuesOf([])).toEqual([{ path: '(document)', message: 'a document is a JSON object' }]);
  });
});

describe('translation hashes', () => {
  it('change when the source words change, not when a placeholder flag or the recorded hash does', () => {
    const a = textHash({ content: [{ type: 'text', text: 'Le Conseil' }] });
    expect(textHash({ content: [{ type: 'text', text: 'Le Conseil' }] })).toBe(a);
    expect(textHash({ content: [{ type: 'text', text: 'Le Conseil', placeholder: true }], sourceHash: 'x' })).toBe(a);
    expect(textHash({ content: [{ type: 'text', text: 'Le Conseil.' }] })).not.toBe(a);
    expect(textHash({ content: [{ type: 'text', text: 'Le Conseil', marks: ['bold'] }] })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});
