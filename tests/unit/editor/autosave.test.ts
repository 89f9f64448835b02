/**
 * Autosave, on a headless editor and a store stand-in that answers as the contract does: a
 * second after the last change; one save in flight (changes made meanwhile go in the next one);
 * each save carries the version it was based on; a conflict stops saving and says so; an error
 * keeps the text, says why, and retries with backoff until the host answers. The model it saves is
 * built in slices, a task apart, from one editor state: what was on screen when the save began.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { sequentialIds } from '../../../src/core/model/builder';
import { createFromTemplate } from '../../../src/core/templates';
import type { RDocument } from '../../../src/core/model/schema';
import { fail, ok, type Result, type SaveResult } from '../../../src/shared/ipc-contract';
import { Autosave, type SaveState } from '../../../src/renderer/editor/autosave/autosave';
import { editorToDocumentInSlices } from '../../../src/renderer/editor/mapping/toModel';
import { $createParagraphBlockNode } from '../../../src/renderer/editor/nodes/ParagraphBlockNode';
import { editorWith, modelOf } from './helpers';

type Call = { doc: RDocument; baseVersion: number; answer: (r: Result<SaveResult>) => void };

function setup() {
  const doc = JSON.parse(JSON.stringify(createFromTemplate('letter', 'en', sequentialIds()))) as RDocument;
  const editor = editorWith(doc, 'en');
  const calls: Call[] = [];
  const states: SaveState['kind'][] = [];
  const autosave = new Autosave({
    editor,
    lang: 'en',
    base: doc,
    version: 1,
    save: (d, baseVersion) => new Promise((answer) => calls.push({ doc: d, baseVersion, answer })),
    onState: (s) => states.push(s.kind),
    retryMs: { first: 1000, max: 4000 },
  });
  editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size > 0 || dirtyLeaves.size > 0) autosave.changed();
  });
  return { doc, editor, calls, states, autosave };
}

function type(editor: LexicalEditor, words: string): void {
  editor.update(
    () => {
      // the first block with words of its own, after its part's title (an annual report's letter has none: its opening sentence is generated)
      const last = $getRoot()
        .getChildren()
        .flatMap((part) => ($isElementNode(part) ? part.getChildren().slice(1) : []))
        .find((c) => $isElementNode(c) && $isTextNode(c.getLastDescendant()));
      if (!$isElementNode(last)) throw new Error('no paragraph');
      const text = last.getLastDescendant();
      if ($isTextNode(text)) text.setTextContent(text.getTextContent() + words);
    },
    { discrete: true },
  );
}

/** What the store answers to a save that wrote version `version`. */
const saved = (version: number): SaveResult => ({
  id: 'aaaaaaaaaaaa',
  title: 'Letter',
  kind: 'letter',
  originalLanguage: 'en',
  languages: ['en'],
  symbols: [],
  createdAt: 0,
  updatedAt: 0,
  version,
  trashedAt: null,
  changed: true,
  revision: undefined,
});

const words = (d: RDocument) => JSON.stringify(d.text);
// A zero-delay timer (the autosave yields between making the model and sending it) needs the clock to move.
const flushMicrotasks = () => vi.advanceTimersByTimeAsync(1);

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves about a second after the last change, with the version it was based on', async () => {
    const { editor, calls, states } = setup();
    type(editor, ' one');
    await vi.advanceTimersByTimeAsync(600);
    type(editor, ' two');
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.baseVersion).toBe(1);
    expect(words(calls[0]!.doc)).toContain(' one two');
    calls[0]!.answer(ok(saved(2)));
    await flushMicrotasks();
    expect(states.at(-1)).toBe('saved');
    type(editor, ' three');
    await vi.advanceTimersByTimeAsync(1100);
    expect(calls[1]!.baseVersion).toBe(2);
  });

  it('says "pending" once for a run of keys, not at every key (each state re-renders the status)', async () => {
    const { editor, calls, states } = setup();
    for (const w of [' one', ' two', ' three']) {
      type(editor, w);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(states).toEqual(['pending']);
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]!.answer(ok(saved(2)));
    await flushMicrotasks();
    type(editor, ' four');
    type(editor, ' five');
    expect(states).toEqual(['pending', 'saving', 'saved', 'pending']);
  });

  it('keeps one save in flight: what changes meanwhile goes in the next save', async () => {
    const { editor, calls } = setup();
    type(editor, ' a');
    await vi.advanceTimersByTimeAsync(1100);
    type(editor, ' b');
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(1);
    calls[0]!.answer(ok(saved(2)));
    await vi.advanceTimersByTimeAsync(1100);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.baseVersion).toBe(2);
    expect(words(calls[1]!.doc)).toContain(' a b');
  });

  it('a conflict stops saving and says so: nothing is sent again', async () => {
    const { editor, calls, states } = setup();
    type(editor, ' mine');
    await vi.advanceTimersByTimeAsync(1100);
    calls[0]!.answer(fail('conflict', 'the dossier changed since version 1', { id: 'aaaaaaaaaaaa', base: 1, current: 3, updatedAt: 0 }));
    await flushMicrotasks();
    expect(states.at(-1)).toBe('conflict');
    type(editor, ' more');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toBe('conflict');
  });

  it('an error keeps the text, says why, and retries with backoff until the host answers', async () => {
    const { editor, calls, states, autosave } = setup();
    type(editor, ' kept');
    await vi.advanceTimersByTimeAsync(1100);
    calls[0]!.answer(fail('io-error', 'disk error'));
    await flushMicrotasks();
    expect(states.at(-1)).toBe('error');
    await vi.advanceTimersByTimeAsync(1000);
    await flushMicrotasks();
    expect(calls).toHaveLength(2);
    calls[1]!.answer(fail('unavailable', 'host down'));
    await flushMicrotasks();
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(2); // the second wait is 2 s
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(3);
    expect(words(calls[2]!.doc)).toContain(' kept');
    calls[2]!.answer(ok(saved(2)));
    await flushMicrotasks();
    expect(states.at(-1)).toBe('saved');
    expect(words(autosave.document())).toContain(' kept');
  });

  it('flush saves at once (the window lost focus) and resolves when the save is done', async () => {
    const { editor, calls, states, autosave } = setup();
    type(editor, ' now');
    const flushed = autosave.flush();
    await flushMicrotasks();
    await flushMicrotasks();
    expect(calls).toHaveLength(1);
    calls[0]!.answer(ok(saved(2)));
    await flushed;
    expect(states.at(-1)).toBe('saved');
  });
});

describe('the model in slices', () => {
  /** The French annual report with `n` more numbered paragraphs at the end of its report part. */
  function longReport(n: number) {
    const doc = JSON.parse(JSON.stringify(createFromTemplate('annual-report', 'fr', sequentialIds()))) as RDocument;
    const editor = editorWith(doc, 'fr');
    editor.update(
      () => {
        const report = $getRoot().getChildren()[1];
        if (!$isElementNode(report)) throw new Error('no report part');
        for (let i = 0; i < n; i++) report.append($createParagraphBlockNode(true).append($createTextNode(`Paragraphe ajouté numéro ${i}.`)));
      },
      { discrete: true },
    );
    return { doc, editor };
  }

  it('is the same model as in one piece, each slice within its budget, an edit made meanwhile left for the next save', async () => {
    const { doc, editor } = longReport(400);
    const whole = modelOf(editor, doc, 'fr');
    // A clock that moves one millisecond each time it is read: a slice of 20 ms is about 20 blocks.
    let clock = 0;
    let pauses = 0;
    const at: number[] = [0];
    const sliced = await editorToDocumentInSlices(editor, doc, 'fr', {
      sliceMs: 20,
      now: () => clock++,
      pause: async () => {
        pauses++;
        at.push(clock);
        // The user types between two slices: the model being built is still the one asked for.
        if (pauses === 3) type(editor, ' tapé entre deux tranches');
      },
    });
    expect(pauses).toBeGreaterThan(10);
    // Each slice stopped once its time was up (the clock read once per block, twice at a slice's edges).
    expect(Math.max(...at.slice(1).map((t, i) => t - at[i]!))).toBeLessThanOrEqual(20 + 2);
    expect(sliced).toEqual(whole);
    expect(words(sliced)).not.toContain('tapé entre deux tranches');
    expect(words(modelOf(editor, doc, 'fr'))).toContain('tapé entre deux tranches');
  });
});
