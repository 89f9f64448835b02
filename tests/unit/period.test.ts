/** The reporting period as the documents write it, found in a text, and moved on by a year. */
import { describe, expect, it } from 'vitest';
import { findPeriod, nextYearDate, periodClause, periodPhrase } from '../../src/core/wording/period';
import { parseDocument } from '../../src/core/model/validate';
import { createFromTemplate } from '../../src/core/templates';
import { sequentialIds } from '../../src/core/model/builder';
import { documentLines } from '../../src/core/render/text';
import { newEdition } from '../../src/core/model/edition';

describe('reporting period', () => {
  it('is written with the year once when both ends share it, in each language', () => {
    expect(periodPhrase({ from: '2017-01-01', to: '2017-12-31' }, 'fr')).toBe('du 1er janvier au 31 décembre 2017');
    expect(periodPhrase({ from: '2017-01-01', to: '2017-12-31' }, 'en')).toBe('from 1 January to 31 December 2017');
    expect(periodPhrase({ from: '2016-07-01', to: '2017-06-30' }, 'fr')).toBe('du 1er juillet 2016 au 30 juin 2017');
    expect(periodClause({ from: '2016-07-01', to: '2017-06-30' }, 'en')).toBe('for the period from 1 July 2016 to 30 June 2017');
  });

  it('is found in a text as written (no-break spaces too), and nothing else is', () => {
    expect(findPeriod('au cours de la période allant du 1er janvier au 31\u00a0décembre 2016.', 'fr')?.period).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(findPeriod('for the period from 1 July 2016 to 30 June 2017', 'en')?.period).toEqual({ from: '2016-07-01', to: '2017-06-30' });
    expect(findPeriod('du 31 février au 3 mars 2016', 'fr')).toBeUndefined();
    expect(findPeriod('du 31 décembre au 1er janvier 2016', 'fr')).toBeUndefined();
    expect(findPeriod('le 28 avril 2016', 'fr')).toBeUndefined();
  });

  it('moves on by one year (29 February becomes 28 February)', () => {
    expect(nextYearDate('2016-12-31')).toBe('2017-12-31');
    expect(nextYearDate('2016-02-29')).toBe('2017-02-28');
  });

  it('is optional metadata, from on or before to', () => {
    const doc = createFromTemplate('annual-report', 'fr', sequentialIds());
    expect(parseDocument({ ...doc, meta: { ...doc.meta, reportingPeriod: { from: '2017-01-01', to: '2017-12-31' } } }).ok).toBe(true);
    const bad = parseDocument({ ...doc, meta: { ...doc.meta, reportingPeriod: { from: '2017-12-31', to: '2017-01-01' } } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues[0]!.message).toBe('a reporting period ends on or after the day it starts');
  });

  it('is stated once: the template letter\'s opening sentence and the report\'s title both read it, each with its override', () => {
    const doc = createFromTemplate('annual-report', 'fr', sequentialIds());
    const report = doc.parts.find((p) => p.kind === 'body')!;
    const letter = doc.parts.find((p) => p.kind === 'letter')!;
    const opening = letter.blocks.find((b) => b.kind === 'opening')!;
    doc.text.fr![report.id] = { content: [{ type: 'text', text: 'Rapport sur les activités menées par le Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies' }] };
    doc.meta.reportingPeriod = { from: '2017-01-01', to: '2017-12-31' };
    const lines = () => documentLines(doc, 'fr');
    expect(lines()).toContain(
      "J'ai l'honneur de vous faire tenir ci-joint le rapport sur les activités menées par le Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies au cours de la période allant du 1er janvier au 31 décembre 2017.",
    );
    expect(lines()).toContain('Rapport sur les activités menées par le Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies au cours de la période allant du 1er janvier au 31 décembre 2017');
    // the period changes once, both follow
    doc.meta.reportingPeriod = { from: '2018-01-01', to: '2018-12-31' };
    expect(lines().filter((l) => l.includes('du 1er janvier au 31 décembre 2018'))).toHaveLength(2);
    expect(lines().join('\n')).not.toContain('2017');
    // a chair among the people speaks as such; a title that states a period loses it for the current one
    doc.meta.people.push({ id: 'chair', name: 'Fodé Seck', gender: 'm', role: { kind: 'chair', body: { fr: 'du Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies', en: 'of the Working Group' } } });
    doc.text.fr![report.id] = { content: [{ type: 'text', text: 'Rapport sur les activités menées par le Groupe de travail plénier au cours de la période allant du 1er janvier au 31 décembre 2016' }] };
    expect(lines()).toContain(
      "En ma qualité de Président du Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies, j'ai l'honneur de vous faire tenir ci-joint le rapport sur les activités menées par le Groupe de travail plénier au cours de la période allant du 1er janvier au 31 décembre 2018.",
    );
    // the override replaces the sentence, in its language only
    doc.overrides[`opening:${opening.id}`] = { fr: "J'ai l'honneur de vous transmettre le rapport." };
    expect(lines()).toContain("J'ai l'honneur de vous transmettre le rapport.");
    expect(lines().some((l) => l.startsWith('En ma qualité'))).toBe(false);
    expect(parseDocument(doc).ok).toBe(true);
  });

  it('reads in English too, and says what is missing when there is no period yet', () => {
    const doc = createFromTemplate('annual-report', 'en', sequentialIds());
    expect(documentLines(doc, 'en')).toContain('I have the honour to transmit herewith the report on the activities of the Working Group for the period from … to ….');
    doc.meta.reportingPeriod = { from: '2016-07-01', to: '2017-06-30' };
    expect(documentLines(doc, 'en')).toContain('I have the honour to transmit herewith the report on the activities of the Working Group for the period from 1 July 2016 to 30 June 2017.');
  });

  it('moves on with a new edition: the letter of a report made from the template states the new period, nothing to review there', () => {
    const doc = createFromTemplate('annual-report', 'fr', sequentialIds());
    doc.meta.reportingPeriod = { from: '2016-01-01', to: '2016-12-31' };
    const next = newEdition(doc, sequentialIds(), 'previous');
    expect(next.period?.new).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    const letter = documentLines(next.doc, 'fr').find((l) => l.startsWith("J'ai l'honneur"));
    expect(letter).toBe("J'ai l'honneur de vous faire tenir ci-joint le rapport sur les activités menées par le Groupe de travail au cours de la période allant du 1er janvier au 31 décembre 2017.");
    expect(next.review.filter((r) => next.doc.parts[0]!.blocks.some((b) => b.id === r.id))).toEqual([]);
  });
});
