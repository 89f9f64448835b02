/**
 * compareDocuments, one kind of change at a time, on a small report written in French: a letter,
 * a report with two chapters, numbered paragraphs, subparagraphs and a cross-reference, and two
 * annexes. Each test edits a copy and checks exactly what the comparison reports.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Part, RDocument } from '../../src/core/model/schema';
import { DocumentBuilder, run, sequentialIds } from '../../src/core/model/builder';
import { parseDocument } from '../../src/core/model/validate';
import { compareDocuments, type BlockChange, type CompareResult, type WordRun } from '../../src/core/compare';
import { describeChanges, describeSummary, type Translate } from '../../src/core/compare/describe';
import { attributeTracked } from '../../src/core/compare/tracked';
import { translator } from '../../src/cli/messages';
import en from '../../locales/en/compare.json' with { type: 'json' };
import fr from '../../locales/fr/compare.json' with { type: 'json' };

const meta = {
  kind: 'annual-report' as const,
  originalLanguage: 'fr' as const,
  symbols: ['S/2017/138'],
  organs: ['SC' as const],
  distribution: 'general' as const,
  sessions: [],
  addressees: [],
  people: [{ id: 'seck', name: 'Fodé Seck', gender: 'm' as const, role: { kind: 'permanent-representative' as const, country: 'SEN' } }],
};

/** ids: letter p1; report p…; paragraphs named by their text's first word for readability. */
function report(): { doc: RDocument; ids: Record<string, string> } {
  const b = new DocumentBuilder(structuredClone(meta), 'fr', sequentialIds());
  const ids: Record<string, string> = {};
  const letter = b.part('letter');
  ids.letterPara = b.para(letter, "J'ai l'honneur de vous faire tenir ci-joint le rapport du Groupe de travail.", false).id;
  b.closing(letter);
  b.signature(letter, ['seck']);
  const body = b.part('body', { bodyType: 'report', title: 'Rapport sur les activités du Groupe de travail en 2016' });
  ids.body = body.id;
  ids.ch1 = b.heading(body, 'chapter', 'Introduction').id;
  ids.p1 = b.para(body, 'Le Groupe de travail plénier a tenu cinq réunions au cours de la période considérée.').id;
  ids.p2 = b.para(body, 'Les membres du Conseil ont examiné la coopération avec les pays fournisseurs de contingents.').id;
  ids.p3 = b.para(body, 'Le Président a présenté les priorités du Groupe pour l’année à venir et le programme de travail.').id;
  ids.ch2 = b.heading(body, 'chapter', 'Réunions').id;
  ids.p4 = b.para(body, 'La première réunion a porté sur l’utilisation de la technologie dans les opérations de maintien de la paix.').id;
  ids.p5 = b.para(body, 'Les participants ont souligné les points suivants :').id;
  ids.s1 = b.sub(body, 1, 'la protection des civils dans les zones de conflit ;').id;
  ids.s2 = b.sub(body, 1, 'la sécurité du personnel des missions sur le terrain.').id;
  ids.p6 = b.para(body, [run('Comme indiqué au '), { type: 'xref', target: ids.p4, form: 'named' }, run(', la technologie reste une priorité du Groupe.')]).id;
  ids.p7 = b.para(body, 'Enfin, le Groupe a remercié le Secrétariat pour son appui constant tout au long de l’année.').id;
  const a1 = b.part('annex', { owner: body, title: 'Réunions du Groupe de travail en 2016' });
  ids.a1 = a1.id;
  ids.a1p1 = b.para(a1, 'Le 28 avril, le Groupe a entendu un exposé sur la technologie.').id;
  ids.a1p2 = b.para(a1, 'Le 27 mai, le Groupe a examiné les partenariats avec les organisations régionales.').id;
  const a2 = b.part('annex', { owner: body, title: 'Liste des intervenants' });
  ids.a2 = a2.id;
  ids.a2p1 = b.para(a2, 'Hervé Ladsous, Secrétaire général adjoint aux opérations de maintien de la paix.').id;
  ids.a2p2 = b.para(a2, 'Atul Khare, Secrétaire général adjoint à l’appui aux missions.').id;
  ids.a2p3 = b.para(a2, 'Renata Dwan, Cheffe du Service des politiques et des meilleures …').id;
  const parsed = parseDocument(b.doc);
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
  return { doc: parsed.value, ids };
}

function partOf(doc: RDocument, id: string): Part {
  const visit = (parts: Part[]): Part | undefined => {
    for (const p of parts) {
      if (p.id === id || p.blocks.some((b) => b.id === id)) return p;
      const found = visit(p.parts);
      if (found) return found;
    }
    return undefined;
  };
  return visit(doc.parts)!;
}

function edit(doc: RDocument, fn: (d: RDocument, blocks: (id: string) => { part: Part; at: number; block: Block }) => void): RDocument {
  const copy = structuredClone(doc);
  fn(copy, (id) => {
    const part = partOf(copy, id);
    const at = part.blocks.findIndex((b) => b.id === id);
    return { part, at, block: part.blocks[at]! };
  });
  const parsed = parseDocument(copy);
  if (!parsed.ok) throw new Error(`${parsed.issues[0]!.path}: ${parsed.issues[0]!.message}`);
  return parsed.value;
}

const setText = (d: RDocument, id: string, text: string) => (d.text.fr![id] = { content: [{ type: 'text', text }] });
const textOf = (d: RDocument, id: string) => (d.text.fr![id]!.content[0] as { text: string }).text;
const notRenumbered = (r: CompareResult) => r.blocks.filter((c) => c.op !== 'renumbered');
const nonEqual = (runs: WordRun[] | undefined) => (runs ?? []).filter((x) => x.op !== 'equal').map((x) => [x.op, x.text]);

async function t(lang: 'en' | 'fr'): Promise<Translate> {
  const i18n = await translator(lang, { compare: { en, fr } });
  return (key, params) => i18n(key, params ?? {});
}

describe('compareDocuments', () => {
  it('finds nothing between a document and itself, and pairs every block', () => {
    const { doc } = report();
    for (const ids of ['trust', 'verify', 'ignore'] as const) {
      const r = compareDocuments(doc, structuredClone(doc), 'fr', { ids });
      expect(r.blocks).toEqual([]);
      expect(r.parts).toEqual([]);
      expect(r.metadata).toEqual([]);
      expect(Object.values(r.summary).every((v) => v === 0)).toBe(true);
      expect(r.pairs.every(([a, b]) => a === b)).toBe(true);
      expect(r.pairs).toHaveLength(19);
    }
  });

  it('an inserted paragraph: inserted with its number, the ones after it only renumbered (not changed)', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d, at) => {
      const { part, at: i } = at(ids.p2!);
      part.blocks.splice(i, 0, { id: 'new', kind: 'paragraph', numbered: true });
      setText(d, 'new', 'Un nouveau paragraphe sur les femmes et la paix et la sécurité.');
    });
    for (const mode of ['trust', 'ignore'] as const) {
      const r = compareDocuments(doc, next, 'fr', { ids: mode });
      expect(notRenumbered(r)).toEqual([{ op: 'inserted', new: expect.objectContaining({ id: 'new', label: { kind: 'paragraph', label: '2.', ref: '2' }, text: 'Un nouveau paragraphe sur les femmes et la paix et la sécurité.' }) }]);
      // p2…p7 are now 3…8; the subparagraphs' references change too ("5 a)" → "6 a)")
      const renumbered = r.blocks.filter((c) => c.op === 'renumbered');
      expect(renumbered.map((c) => ('old' in c && !Array.isArray(c.old) ? c.old.id : ''))).toEqual([ids.p2, ids.p3, ids.p4, ids.p5, ids.p6, ids.p7]);
      expect(r.summary).toMatchObject({ inserted: 1, changed: 0, deleted: 0, moved: 0, renumbered: 6 });
    }
  });

  it('a cross-reference that prints another number because its target moved down is not a change', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d, at) => {
      const { part, at: i } = at(ids.p1!);
      part.blocks.splice(i, 0, { id: 'new', kind: 'paragraph', numbered: true });
      setText(d, 'new', 'Un paragraphe ajouté au début.');
    });
    const r = compareDocuments(doc, next, 'fr');
    const p6 = r.blocks.find((c) => c.op === 'renumbered' && c.old.id === ids.p6);
    expect(p6).toMatchObject({ op: 'renumbered', changed: false, old: { label: { ref: '6' } }, new: { label: { ref: '7' } } });
  });

  it('a deleted paragraph: deleted, with the block of the new version it stood after', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d, at) => {
      const { part, at: i } = at(ids.p3!);
      part.blocks.splice(i, 1);
      delete d.text.fr![ids.p3!];
    });
    const r = compareDocuments(doc, next, 'fr');
    expect(notRenumbered(r)).toEqual([{ op: 'deleted', old: expect.objectContaining({ id: ids.p3, label: { kind: 'paragraph', label: '3.', ref: '3' } }), after: ids.p2 }]);
    expect(r.summary).toMatchObject({ deleted: 1, renumbered: 4 });
  });

  it('a moved paragraph: moved (not deleted and inserted), with where it came from', () => {
    const { doc, ids } = report();
    const next = edit(doc, (_d, at) => {
      const { part, at: i, block } = at(ids.p7!);
      part.blocks.splice(i, 1);
      part.blocks.splice(at(ids.p1!).at + 1, 0, block);
    });
    for (const mode of ['trust', 'ignore'] as const) {
      const r = compareDocuments(doc, next, 'fr', { ids: mode });
      expect(notRenumbered(r)).toEqual([
        expect.objectContaining({ op: 'moved', moved: true, changed: false, old: expect.objectContaining({ id: ids.p7, label: expect.objectContaining({ ref: '7' }) }), new: expect.objectContaining({ label: expect.objectContaining({ ref: '2' }) }), from: { after: ids.p6 }, moveGroup: 1 }),
      ]);
      expect(r.summary).toMatchObject({ moved: 1, changed: 0, inserted: 0, deleted: 0 });
    }
  });

  it('one word changed: exactly that word deleted and its replacement inserted, in place', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d) => setText(d, ids.p1!, textOf(d, ids.p1!).replace('cinq', 'six')));
    const r = compareDocuments(doc, next, 'fr');
    expect(r.blocks).toHaveLength(1);
    const c = r.blocks[0]!;
    expect(c).toMatchObject({ op: 'changed', changed: true, moved: false, renumbered: false });
    if (c.op !== 'changed') throw new Error();
    expect(c.runs!.map((x) => [x.op, x.text])).toEqual([
      ['equal', 'Le Groupe de travail plénier a tenu '],
      ['delete', 'cinq'],
      ['insert', 'six'],
      ['equal', ' réunions au cours de la période considérée.'],
    ]);
    // the runs keep the model's inline form, so a writer can write them
    expect(c.runs![1]!.content).toEqual([{ type: 'text', text: 'cinq' }]);
  });

  it('bold on a word is a format run; a paragraph turned into a subparagraph is a change of form', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d, at) => {
      d.text.fr![ids.p7!] = { content: [run('Enfin, le Groupe a remercié le '), run('Secrétariat', 'bold'), run(' pour son appui constant tout au long de l’année.')] };
      const { block } = at(ids.p6!);
      Object.assign(block, { kind: 'subparagraph', level: 1 });
      delete (block as { numbered?: boolean }).numbered;
    });
    const r = compareDocuments(doc, next, 'fr');
    const p7 = r.blocks.find((c) => c.op === 'changed' && c.old.id === ids.p7);
    expect(p7 && p7.op === 'changed' && nonEqual(p7.runs)).toEqual([['format', 'Secrétariat']]);
    expect(p7 && p7.op === 'changed' && p7.runs!.find((x) => x.op === 'format')).toMatchObject({ content: [{ type: 'text', text: 'Secrétariat', marks: ['bold'] }], was: [{ type: 'text', text: 'Secrétariat' }] });
    const p6 = r.blocks.find((c) => c.op === 'changed' && c.old.id === ids.p6);
    expect(p6).toMatchObject({ form: { old: 'paragraph', new: 'subparagraph 1' }, changed: true });
    expect(p6 && 'runs' in p6 ? p6.runs : undefined).toBeUndefined();
  });

  it('a paragraph split in two is one split (not a change and an unrelated insertion), and two merged is one merge', () => {
    const { doc, ids } = report();
    const split = edit(doc, (d, at) => {
      setText(d, ids.p4!, 'La première réunion a porté sur l’utilisation de la technologie.');
      const { part, at: i } = at(ids.p4!);
      part.blocks.splice(i + 1, 0, { id: 'half', kind: 'paragraph', numbered: true });
      setText(d, 'half', 'Elle concernait les opérations de maintien de la paix.');
    });
    for (const mode of ['trust', 'ignore'] as const) {
      const r = compareDocuments(doc, split, 'fr', { ids: mode });
      const c = notRenumbered(r);
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ op: 'split', old: { id: ids.p4, label: { ref: '4' } }, new: [{ label: { ref: '4' } }, { id: 'half', label: { ref: '5' } }] });
      expect(nonEqual((c[0] as Extract<BlockChange, { op: 'split' }>).runs)).toEqual([
        ['delete', ' dans'],
        ['insert', '.'],
        ['insert', '\n'],
        ['insert', 'Elle concernait'],
      ]);
      expect((c[0] as Extract<BlockChange, { op: 'split' }>).runs.filter((x) => x.paragraphBreak)).toEqual([{ op: 'insert', content: [], text: '\n', paragraphBreak: true }]);
      expect(r.summary).toMatchObject({ split: 1, changed: 0, inserted: 0, deleted: 0 });
    }
    const merged = edit(doc, (d, at) => {
      setText(d, ids.p2!, `${textOf(d, ids.p2!)} ${textOf(d, ids.p3!)}`);
      const { part, at: i } = at(ids.p3!);
      part.blocks.splice(i, 1);
      delete d.text.fr![ids.p3!];
    });
    for (const mode of ['trust', 'ignore'] as const) {
      const r = compareDocuments(doc, merged, 'fr', { ids: mode });
      const c = notRenumbered(r);
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ op: 'merged', old: [{ id: ids.p2 }, { id: ids.p3 }], new: { label: { ref: '2' } } });
      expect(nonEqual((c[0] as Extract<BlockChange, { op: 'merged' }>).runs)).toEqual([
        ['delete', '\n'],
        ['insert', ' '],
      ]);
    }
  });

  it('parts: an annex inserted, an annex title changed, the annexes after it renumbered', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d) => {
      const body = d.parts[1]!;
      body.parts.unshift({ id: 'annexNew', kind: 'annex', blocks: [{ id: 'an1', kind: 'paragraph', numbered: true }], parts: [] });
      setText(d, 'an1', 'Une annexe nouvelle, placée en tête.');
      setText(d, ids.a2!, 'Liste des intervenants invités');
    });
    const r = compareDocuments(doc, next, 'fr');
    expect(r.parts).toEqual([
      expect.objectContaining({ op: 'renumbered', old: { id: ids.a1, kind: 'annex', label: 'Annexe I', ref: 'I' }, new: { id: ids.a1, kind: 'annex', label: 'Annexe II', ref: 'II' } }),
      expect.objectContaining({ op: 'changed', changed: true, renumbered: true, old: expect.objectContaining({ label: 'Annexe II' }), new: expect.objectContaining({ label: 'Annexe III' }) }),
      { op: 'inserted', new: { id: 'annexNew', kind: 'annex', label: 'Annexe I', ref: 'I' } },
    ]);
    expect(nonEqual((r.parts[1] as { title?: WordRun[] }).title)).toEqual([['insert', ' invités']]);
    // the annexes' paragraphs keep their numbers but sit in renumbered annexes
    expect(r.blocks.find((c) => c.op === 'renumbered' && c.old.id === ids.a2p1)).toMatchObject({ old: { part: { label: 'Annexe II' } }, new: { part: { label: 'Annexe III' } } });
  });

  it('metadata: changed fields by path, people by id, overrides keyed by the new ids', () => {
    const { doc } = report();
    const next = edit(doc, (d) => {
      d.meta.symbols = ['S/2018/120'];
      d.meta.letterDate = '2018-02-12';
      d.meta.people[0]!.name = 'Fodé Seck Diallo';
      d.overrides['title:p1'] = { fr: 'Lettre datée du 12 février 2018' };
      d.settings.frenchSpacing = 'nbsp';
    });
    const r = compareDocuments(doc, next, 'fr');
    expect(r.metadata).toEqual([
      { path: 'meta.symbols', old: ['S/2017/138'], new: ['S/2018/120'] },
      { path: 'meta.letterDate', new: '2018-02-12' },
      { path: 'meta.people.seck.name', old: 'Fodé Seck', new: 'Fodé Seck Diallo' },
      { path: 'overrides.title:p1', new: { fr: 'Lettre datée du 12 février 2018' } },
      { path: 'settings.frenchSpacing', old: 'new-york', new: 'nbsp' },
    ]);
    expect(r.blocks).toEqual([]);
  });

  it('two separate imports numbered their blocks b1, b2…: `verify` does not take the shifted ids for the same blocks', () => {
    const { doc } = report();
    // the same text with one paragraph inserted, given fresh sequential ids again, as a second import would
    const inserted = edit(doc, (d, at) => {
      const { part, at: i } = at(report().ids.p1!);
      part.blocks.splice(i, 0, { id: 'tmp', kind: 'paragraph', numbered: true });
      setText(d, 'tmp', 'Un paragraphe ajouté au début du rapport.');
    });
    const renumberIds = (d: RDocument): RDocument => {
      const ids = sequentialIds();
      const map = new Map<string, string>();
      const visit = (parts: Part[]) => {
        for (const p of parts) {
          map.set(p.id, (p.id = ids('p')));
          for (const b of p.blocks) map.set(b.id, (b.id = ids('b')));
          visit(p.parts);
        }
      };
      visit(d.parts);
      d.text.fr = Object.fromEntries(Object.entries(d.text.fr!).map(([k, v]) => [map.get(k)!, v]));
      for (const t of Object.values(d.text.fr!)) for (const r of t.content) if (r.type === 'xref') r.target = map.get(r.target)!;
      for (const b of d.parts.flatMap((p) => p.blocks)) if (b.kind === 'signature') b.signatories = ['seck'];
      return d;
    };
    const again = renumberIds(structuredClone(inserted));
    const trusted = compareDocuments(doc, again, 'fr', { ids: 'trust' });
    const verified = compareDocuments(doc, again, 'fr', { ids: 'verify' });
    expect(trusted.summary.changed).toBeGreaterThan(5); // every shifted id looks like a rewritten block
    expect(verified.summary).toMatchObject({ inserted: 1, changed: 0, deleted: 0, moved: 0 });
  });

  it('is plain data: JSON gives back the same result', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d) => setText(d, ids.p1!, textOf(d, ids.p1!).replace('cinq', 'six')));
    const r = compareDocuments(doc, next, 'fr');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('describeChanges: one line per changed block, labels in the old and the new version', () => {
  function edited() {
    const { doc, ids } = report();
    const next = edit(doc, (d, at) => {
      setText(d, ids.p3!, textOf(d, ids.p3!).replace('priorités', 'orientations'));
      const { part, at: i } = at(ids.p2!);
      part.blocks.splice(i, 0, { id: 'new', kind: 'paragraph', numbered: true });
      setText(d, 'new', 'Un paragraphe ajouté.');
      const a2 = at(ids.a2p3!);
      a2.part.blocks.splice(a2.at, 1);
      delete d.text.fr![ids.a2p3!];
      d.meta.symbols = ['S/2018/120'];
    });
    return compareDocuments(doc, next, 'fr');
  }

  it('in English', async () => {
    const lines = describeChanges(edited(), await t('en'));
    expect(lines).toEqual([
      '2 inserted\tUn paragraphe ajouté.',
      '3 → 4 changed\tLe Président a présenté les [-priorités-]{+orientations+} du Groupe pour l’année …',
      'annex II para 3 deleted\tRenata Dwan, Cheffe du Service des politiques et des meilleures …',
      'metadata meta.symbols: S/2017/138 → S/2018/120',
    ]);
    expect(describeSummary(edited(), await t('en'))).toBe('1 changed, 1 inserted, 1 deleted, 5 renumbered only, 1 metadata change');
  });

  it('in French, with French typography', async () => {
    const tr = await t('fr');
    expect(describeChanges(edited(), tr).slice(0, 3)).toEqual([
      '2\u00a0: ajout\tUn paragraphe ajouté.',
      '3 → 4\u00a0: modification\tLe Président a présenté les [-priorités-]{+orientations+} du Groupe pour l’année …',
      'annexe II par. 3\u00a0: suppression\tRenata Dwan, Cheffe du Service des politiques et des meilleures …',
    ]);
    expect(describeSummary(compareDocuments(report().doc, report().doc, 'fr'), tr)).toBe('aucune différence');
  });
});

describe('attributeTracked: a returned file’s own tracked changes on the blocks they explain', () => {
  it('finds a changed paragraph by its accepted text (also after a typed number), a deleted one by its deleted text', () => {
    const { doc, ids } = report();
    const next = edit(doc, (d, at) => {
      setText(d, ids.p1!, textOf(d, ids.p1!).replace('cinq', 'six'));
      const { part, at: i } = at(ids.p3!);
      part.blocks.splice(i, 1);
      delete d.text.fr![ids.p3!];
    });
    const r = attributeTracked(compareDocuments(doc, next, 'fr'), [
      { text: `1.\t${textOf(next, ids.p1!)}`, changes: [{ kind: 'delete', text: 'cinq', author: 'A. Reviewer' }, { kind: 'insert', text: 'six', author: 'A. Reviewer' }] },
      { text: '', changes: [{ kind: 'delete', text: textOf(doc, ids.p3!), author: 'B. Editor', date: '2017-02-20T10:00:00Z' }] },
      { text: 'Un paragraphe qui n’est pas là.', changes: [{ kind: 'insert', text: 'pas' }] },
    ]);
    expect(r.blocks.find((c) => c.op === 'changed')!.tracked!.map((t) => t.author)).toEqual(['A. Reviewer', 'A. Reviewer']);
    expect(r.blocks.find((c) => c.op === 'deleted')!.tracked).toEqual([{ kind: 'delete', text: textOf(doc, ids.p3!), author: 'B. Editor', date: '2017-02-20T10:00:00Z' }]);
    expect(r.blocks.filter((c) => c.tracked)).toHaveLength(2);
  });
});
