/**
 * Spell checking (src/renderer/spell): the real Hunspell (hunspell-asm, WebAssembly) with the
 * dictionaries the app ships, run in Node here; the worker and the editor use the same engine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule } from 'hunspell-asm';
import { describe, expect, it } from 'vitest';
import { createSpellEngine, type HunspellFactory } from '../../src/renderer/spell/engine';
import { wordsToCheck } from '../../src/renderer/spell/words';
import { SEEDS_DIR } from '../fixtures/seeds';

const root = join(import.meta.dirname, '..', '..');
const dict = (name: string) => ({
  aff: readFileSync(join(root, 'node_modules', `dictionary-${name}`, 'index.aff'), 'utf8'),
  dic: readFileSync(join(root, 'node_modules', `dictionary-${name}`, 'index.dic'), 'utf8'),
});
const engine = createSpellEngine((await loadModule()) as unknown as HunspellFactory, { fr: dict('fr'), enGb: dict('en-gb'), enUs: dict('en') });

describe('the words a checker looks at', () => {
  it('keeps elisions and hyphenated words whole, and their places in the text', () => {
    const text = 'Le Secrétaire général de l’Organisation, aujourd’hui, et l\'ONU.';
    expect(wordsToCheck(text).map((w) => [w.word, text.slice(w.start, w.end)])).toEqual(
      ['Le', 'Secrétaire', 'général', 'de', 'l’Organisation', 'aujourd’hui', 'et'].map((w) => [w, w]),
    );
    expect(wordsToCheck('the Secretary-General’s report').map((w) => w.word)).toEqual(['the', 'Secretary-General’s', 'report']);
  });

  it('leaves numbers, symbols, acronyms, addresses and single letters alone', () => {
    expect(wordsToCheck('Le 1er janvier, à la 8838e séance (S/2017/138), l’UNMISS et la MINUSMA : voir https://undocs.org/fr/S/2017/138 ou info@un.org ; a) b)').map((w) => w.word)).toEqual([
      'Le', 'janvier', 'la', 'séance', 'et', 'la', 'voir', 'ou',
    ]);
  });
});

describe('French', () => {
  it('knows the words of UN documents, with their accents and elisions, typed either way', () => {
    for (const w of ['sécurité', 'maintien', 'Représentante', 'permanente', 'l’Organisation', "l'Organisation", 'qu’il', 'd’affaires', 'intérim', 'Conseil'])
      expect(engine.correct('fr', w), w).toBe(true);
  });

  it('finds mistakes and suggests the right word', () => {
    for (const w of ['permanante', 'securite', 'gouvernment', 'reunion']) expect(engine.correct('fr', w), w).toBe(false);
    // One edit away: found by Hunspell's first, untimed pass. (Its further passes stop after a
    // time limit, so what they add depends on the machine's load: not asserted.)
    expect(engine.suggest('fr', 'permanante')).toContain('permanente');
  });

  it('finds almost nothing to flag in the five seed documents but proper names', () => {
    let words = 0;
    const flagged = new Set<string>();
    for (const f of readdirSync(SEEDS_DIR).filter((x) => x.endsWith('.txt'))) {
      for (const w of wordsToCheck(readFileSync(join(SEEDS_DIR, f), 'utf8'))) {
        words++;
        if (!engine.correct('fr', w.word)) flagged.add(w.word);
      }
    }
    expect(words).toBeGreaterThan(15_000);
    // Measured: 97 distinct words of 16,041, nearly all of them people's names.
    expect(flagged.size).toBeLessThan(150);
    expect(flagged).toContain('Comptereudu'); // an extraction artefact in seed 000 is caught
  });
});

describe('United Nations English (Oxford spelling)', () => {
  it('takes British spellings and -ize forms', () => {
    for (const w of ['organization', 'organizations', 'programme', 'labour', 'centre', 'recognized', 'realizing', 'Secretary-General', 'peacekeeping', 'Excellency', 'Council’s'])
      expect(engine.correct('en', w), w).toBe(true);
  });

  it('refuses American spellings that are not -ize forms, and misspellings', () => {
    for (const w of ['color', 'center', 'labor', 'honor', 'recieve', 'goverment']) expect(engine.correct('en', w), w).toBe(false);
  });

  it('suggests Oxford spelling first', () => {
    expect(engine.suggest('en', 'organizaton')[0]).toBe('organization');
    expect(engine.suggest('en', 'recieve')).toContain('receive');
  });
});

describe('the user’s own words', () => {
  it('are right in both languages once added', () => {
    expect(engine.correct('fr', 'Kaberuka')).toBe(false);
    engine.addWords(['Kaberuka']);
    expect(engine.correct('fr', 'Kaberuka')).toBe(true);
    expect(engine.correct('en', 'Kaberuka')).toBe(true);
  });
});
