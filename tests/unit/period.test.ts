/** The reporting period as the documents write it, found in a text, and moved on by a year. */
import { describe, expect, it } from 'vitest';
import { findPeriod, nextYearDate, periodClause, periodPhrase } from '../../src/core/wording/period';
import { parseDocument } from '../../src/core/model/validate';
import { createFromTemplate } from '../../src/core/templates';
import { sequentialIds } from '../../src/core/model/builder';

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
});
