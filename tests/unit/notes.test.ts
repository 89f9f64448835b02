/** Notes (a returned file's comments): the format checks them, and comments find their blocks by text. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/model/validate';
import { importText } from '../../src/core/import';
import { placeComments } from '../../src/core/import/notes';
import type { RDocument } from '../../src/core/model/schema';

const TEXT = `Rapport du Groupe de travail

1. Le Groupe de travail a tenu trois séances en 2016.

2. Il a examiné la coopération avec les pays fournisseurs de contingents.
`;

function doc(): RDocument {
  return importText(TEXT).doc;
}

const paragraphTwo = (d: RDocument) => Object.entries(d.text.fr!).find(([, t]) => JSON.stringify(t).includes('Il a examiné'))![0];

describe('notes', () => {
  it('are kept by the format, on a block, with author, date and the words they cover', () => {
    const d = doc();
    const withNote = { ...d, notes: [{ id: 'note1', block: paragraphTwo(d), lang: 'fr', text: 'Lesquels ?', author: 'Marie Curie', date: '2026-12-01T10:30:00Z', quote: 'pays' }] };
    const r = parseDocument(withNote);
    expect(r.ok && r.value.notes).toEqual(withNote.notes);
  });

  it('are refused on a block that is not there, twice under one id, without words or with a date that is no date', () => {
    const d = doc();
    const block = paragraphTwo(d);
    const r = parseDocument({
      ...d,
      notes: [
        { id: 'note1', block: 'nowhere', lang: 'fr', text: 'a' },
        { id: 'note1', block, lang: 'fr', text: 'b' },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toContainEqual({ path: 'notes[0].block', message: 'note on "nowhere", which is no part or block of this document' });
      expect(r.issues).toContainEqual({ path: 'notes[1].id', message: 'duplicate note id "note1"' });
    }
    const bad = parseDocument({ ...d, notes: [{ id: 'n', block, lang: 'fr', text: '  ', date: '0-00-00T00:00:00Z' }] });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['notes[0].text', 'notes[0].date']);
  });

  it('find their block by its paragraph’s text, typed number or not; one whose paragraph is gone is kept on the document and reported', () => {
    const d = doc();
    const { notes, unplaced } = placeComments(
      d,
      'fr',
      [
        { id: '0', text: 'Lesquels ?', author: 'Marie Curie', date: '2026-12-01T10:30:00Z', paragraph: '2.\tIl a examiné la coopération avec les pays fournisseurs de contingents.', quote: 'pays' },
        { id: '1', text: 'Une note de bas de page.', date: '0-00-00T00:00:00Z', paragraph: 'Voir le document A/70/95.' },
      ],
      'returned.docx',
    );
    expect(notes[0]).toEqual({ id: 'note1', block: paragraphTwo(d), lang: 'fr', text: 'Lesquels ?', author: 'Marie Curie', date: '2026-12-01T10:30:00Z', quote: 'pays', source: 'returned.docx' });
    // no such paragraph: on the first part, quoting the paragraph; a date that is no date is left out
    expect(notes[1]).toEqual({ id: 'note2', block: d.parts[0]!.id, lang: 'fr', text: 'Une note de bas de page.', quote: 'Voir le document A/70/95.', source: 'returned.docx' });
    expect(unplaced.map((c) => c.id)).toEqual(['1']);
    expect(parseDocument({ ...d, notes }).ok).toBe(true);
  });
});
