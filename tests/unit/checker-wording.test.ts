/** The checker's findings are worded in both languages, including why a symbol is malformed. */
import { describe, expect, it } from 'vitest';
import { checkerMessages } from '../../src/cli/findings';
import { checkDocument } from '../../src/core/checker';
import { parseSymbol } from '../../src/core/symbols/symbol';
import { createFromTemplate } from '../../src/core/templates';
import en from '../../locales/en/checker.json';
import fr from '../../locales/fr/checker.json';

const BAD_SYMBOLS = ['', 'X/2017/1', 's/2017/138', 'S/17/138', 'S/2017/138/Rev', 'S/2017/138/Rev.1/Add', 'A/1/1–S/2017/1–E/2020/1', 'A/70/95 S/2015/446', 'S/PRST/2021', 'S//138', 'S/2017/13§8', 'S/2017/L', 'S/2017/ 138', 'S/Rev.1/2017/138'];

describe('checker wording', () => {
  it('has a reason, in each language, for every error the symbol parser can give', () => {
    const codes = new Set(BAD_SYMBOLS.flatMap((s) => parseSymbol(s).issues.filter((i) => i.severity === 'error').map((i) => i.code)));
    expect(codes.size).toBeGreaterThanOrEqual(8);
    for (const code of codes) {
      expect(Object.keys(en.symbolIssue)).toContain(code);
      expect(Object.keys(fr.symbolIssue)).toContain(code);
    }
  });

  it('says why a symbol is malformed in the interface language, not as a code', async () => {
    const doc = createFromTemplate('letter', 'fr');
    doc.meta.symbols = ['X/2017/1'];
    const finding = checkDocument(doc).find((f) => f.code === 'symbol-malformed')!;
    expect(finding).toBeDefined();
    const tFr = await checkerMessages('fr');
    const tEn = await checkerMessages('en');
    expect(tFr(finding.code, finding.params)).toBe(
      'La cote «\u00a0X/2017/1\u00a0» n’est pas une cote de document de l’ONU valable (elle ne commence pas par un organe ou une série connus\u00a0: A/, S/, E/, ST/…).',
    );
    expect(tEn(finding.code, finding.params)).toBe('The symbol "X/2017/1" is not a valid UN document symbol (it does not start with a known organ or series: A/, S/, E/, ST/…).');
  });
});
