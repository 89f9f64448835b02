/**
 * The page's one spell checker (one worker for every editor on screen), with the user's own words
 * ("Add to Dictionary"), kept in this profile's local storage and given to the worker at start.
 */
import { createSpellChecker, type SpellChecker } from './client';

const USER_WORDS_KEY = 'rapporteur.spell.userWords';
/** Beyond this a user dictionary is not a list of words any more (and storage is finite). */
const MAX_USER_WORDS = 10_000;

let checker: SpellChecker | undefined;

function storedWords(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(USER_WORDS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string' && w.length > 0 && w.length <= 100).slice(0, MAX_USER_WORDS) : [];
  } catch {
    return [];
  }
}

/** The page's checker, started on first use; undefined where workers cannot run. */
export function pageSpellChecker(): SpellChecker | undefined {
  if (checker) return checker;
  if (typeof Worker === 'undefined') return undefined;
  checker = createSpellChecker();
  const words = storedWords();
  if (words.length > 0) void checker.addWords(words);
  return checker;
}

/** Adds `word` to the user's dictionary: right from now on, in both languages, and after a restart. */
export async function addUserWord(word: string): Promise<void> {
  const words = storedWords();
  if (!words.includes(word) && words.length < MAX_USER_WORDS) {
    words.push(word);
    try {
      localStorage.setItem(USER_WORDS_KEY, JSON.stringify(words));
    } catch (e) {
      console.warn('[spell] the word could not be kept for the next start:', e instanceof Error ? e.message : e);
    }
  }
  await pageSpellChecker()?.addWords([word]);
}
