/**
 * Spell checking in French and in United Nations English, offline, with Hunspell (compiled to
 * WebAssembly: hunspell-asm) and dictionaries shipped with the app, so it works the same on every
 * platform, in the desktop app and in the browser host, and never downloads anything.
 *
 * United Nations English is British spelling with -ize (Oxford spelling: "organization",
 * "programme", "labour", "centre"; Editorial Manual): a word is right when the British dictionary
 * has it, or when it is an -ize form the American dictionary has. "color" stays wrong.
 *
 * Pure of any DOM: the worker (spell.worker.ts) runs it, and Vitest tests it in Node.
 */
import type { Lang } from '../../core/model/schema';

export type Dictionary = { aff: string; dic: string };
export type Dictionaries = { fr: Dictionary; enGb: Dictionary; enUs: Dictionary };

type Hunspell = { spell(word: string): boolean; suggest(word: string): string[]; addWord(word: string): void };
export type HunspellFactory = { mountBuffer(contents: ArrayBufferView, fileName?: string): string; create(affPath: string, dicPath: string): Hunspell };

export type SpellEngine = {
  correct(lang: Lang, word: string): boolean;
  suggest(lang: Lang, word: string): string[];
  /** Words the user added ("Add to dictionary"): right in both languages from now on. */
  addWords(words: readonly string[]): void;
};

/** -ize, -ise­d… as Oxford spelling writes them: organize, organization, realizing, characterized. */
const IZE = /iz(?:e|es|ed|er|ers|ing|ation|ations|able)$/i;
const MAX_SUGGESTIONS = 6;

/** Typed apostrophes as the dictionaries spell them (the layout prints ’ anyway). */
const curly = (w: string) => w.replace(/'/g, '’');
const straight = (w: string) => w.replace(/’/g, "'");

export function createSpellEngine(factory: HunspellFactory, dicts: Dictionaries): SpellEngine {
  const encoder = new TextEncoder();
  const load = (name: string, d: Dictionary) =>
    factory.create(factory.mountBuffer(encoder.encode(d.aff), `${name}.aff`), factory.mountBuffer(encoder.encode(d.dic), `${name}.dic`));
  const fr = load('fr', dicts.fr);
  const gb = load('en-GB', dicts.enGb);
  const us = load('en-US', dicts.enUs);
  const personal = new Set<string>();

  const english = (w: string) => gb.spell(w) || (IZE.test(w) && us.spell(w));
  const french = (w: string) => fr.spell(curly(w)) || fr.spell(straight(w));

  return {
    correct(lang, word) {
      if (personal.has(word) || personal.has(curly(word))) return true;
      return lang === 'fr' ? french(word) : english(straight(word)) || english(curly(word));
    },
    suggest(lang, word) {
      const seen = new Set<string>();
      const add = (list: string[]) => list.forEach((s) => seen.add(s));
      if (lang === 'fr') add(fr.suggest(curly(word)));
      else {
        const w = straight(word);
        // Oxford spelling first: the -ize forms the American dictionary offers, then the British ones.
        add(us.suggest(w).filter((s) => IZE.test(s) && english(s)));
        add(gb.suggest(w));
      }
      return [...seen].slice(0, MAX_SUGGESTIONS);
    },
    addWords(words) {
      for (const w of words) {
        if (w.trim() === '') continue;
        personal.add(w);
        personal.add(curly(w));
      }
    },
  };
}
