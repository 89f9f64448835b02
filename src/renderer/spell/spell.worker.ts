/**
 * The spell checker's worker: Hunspell and its dictionaries (about 4 MB) load and run here, off
 * the main thread, so typing never waits for them. Messages: see ./protocol.ts.
 */
/// <reference lib="webworker" />
import { loadModule } from 'hunspell-asm';
import dictionaries from 'virtual:spell-dictionaries';
import { createSpellEngine, type HunspellFactory, type SpellEngine } from './engine';
import type { SpellReply, SpellRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const ready: Promise<SpellEngine> = loadModule().then((factory) => createSpellEngine(factory as unknown as HunspellFactory, dictionaries));

scope.onmessage = (event: MessageEvent<SpellRequest>) => {
  const request = event.data;
  ready.then(
    (engine) => {
      let reply: SpellReply;
      switch (request.type) {
        case 'check':
          reply = { id: request.id, type: 'checked', correct: request.words.map((w) => engine.correct(request.lang, w)) };
          break;
        case 'suggest':
          reply = { id: request.id, type: 'suggestions', suggestions: engine.suggest(request.lang, request.word) };
          break;
        case 'add':
          engine.addWords(request.words);
          reply = { id: request.id, type: 'added' };
          break;
      }
      scope.postMessage(reply);
    },
    (e: unknown) => scope.postMessage({ id: request.id, type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies SpellReply),
  );
};
