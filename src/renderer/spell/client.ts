/**
 * The page's side of the spell checker: asks the worker, and remembers every answer, so that a
 * word already seen is known at once (`known`) and the editor can mark a block synchronously
 * while only new words travel to the worker.
 */
import type { Lang } from '../../core/model/schema';
import type { SpellReply, SpellRequest } from './protocol';

export type SpellChecker = {
  /** true / false when the answer is known already, undefined when it must be asked. */
  known(lang: Lang, word: string): boolean | undefined;
  /** Checks words; the answers are remembered. */
  check(lang: Lang, words: readonly string[]): Promise<boolean[]>;
  suggest(lang: Lang, word: string): Promise<string[]>;
  /** The user's own words: right from now on, in both languages. */
  addWords(words: readonly string[]): Promise<void>;
  dispose(): void;
};

/** A request before it is given its id. */
type Unsent = SpellRequest extends infer R ? (R extends SpellRequest ? Omit<R, 'id'> : never) : never;

type Port = { postMessage(message: SpellRequest): void; onmessage: ((event: MessageEvent<SpellReply>) => void) | null; terminate(): void };

export function createSpellChecker(port: Port = new Worker(new URL('./spell.worker.ts', import.meta.url), { type: 'module' })): SpellChecker {
  const cache: Record<Lang, Map<string, boolean>> = { fr: new Map(), en: new Map() };
  const pending = new Map<number, (reply: SpellReply) => void>();
  let next = 1;
  port.onmessage = (event) => {
    const done = pending.get(event.data.id);
    pending.delete(event.data.id);
    done?.(event.data);
  };
  const ask = <T extends SpellReply['type']>(request: Unsent, expect: T): Promise<Extract<SpellReply, { type: T }>> =>
    new Promise((ok, ko) => {
      const id = next++;
      pending.set(id, (reply) => {
        if (reply.type === expect) ok(reply as Extract<SpellReply, { type: T }>);
        else ko(new Error(reply.type === 'failed' ? `spell checker: ${reply.message}` : `spell checker: unexpected ${reply.type}`));
      });
      port.postMessage({ ...request, id });
    });

  return {
    known: (lang, word) => cache[lang].get(word),
    async check(lang, words) {
      const missing = [...new Set(words.filter((w) => !cache[lang].has(w)))];
      if (missing.length > 0) {
        const reply = await ask({ type: 'check', lang, words: missing }, 'checked');
        missing.forEach((w, i) => cache[lang].set(w, reply.correct[i] ?? true));
      }
      return words.map((w) => cache[lang].get(w) ?? true);
    },
    async suggest(lang, word) {
      return (await ask({ type: 'suggest', lang, word }, 'suggestions')).suggestions;
    },
    async addWords(words) {
      await ask({ type: 'add', words: [...words] }, 'added');
      for (const lang of ['fr', 'en'] as const) for (const w of words) cache[lang].set(w, true);
    },
    dispose() {
      port.terminate();
      pending.clear();
    },
  };
}
