/** Messages between the page and the spell checker's worker (spell.worker.ts). */
import type { Lang } from '../../core/model/schema';

export type SpellRequest =
  | { id: number; type: 'check'; lang: Lang; words: string[] }
  | { id: number; type: 'suggest'; lang: Lang; word: string }
  | { id: number; type: 'add'; words: string[] };

export type SpellReply =
  | { id: number; type: 'checked'; correct: boolean[] }
  | { id: number; type: 'suggestions'; suggestions: string[] }
  | { id: number; type: 'added' }
  | { id: number; type: 'failed'; message: string };
