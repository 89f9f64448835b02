/**
 * The team server with the editor's real mapping: two headless editors (the app's own nodes),
 * each bound to the shared document through Lexical's Yjs binding and the Hocuspocus provider,
 * edit different paragraphs, one of them inserting a paragraph (every label after it shifts):
 * both converge to the same model and the same labels, and the server writes that model back,
 * validated, as a revision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { $getRoot, $createTextNode, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { createFromTemplate } from '../../../src/core/templates/index';
import { sequentialIds } from '../../../src/core/model/builder';
import { numberDocument } from '../../../src/core/numbering/numbering';
import type { RDocument } from '../../../src/core/model/schema';
import { createPerson, issueToken } from '../../../src/server/access';
import { createSharedDossier, latestRevision } from '../../../src/server/documents';
import { boundHeadlessEditor, lexicalCodec } from '../../../src/server/lexical-codec';
import type { TeamServer } from '../../../src/server/server';
import { $editorToDocument } from '../../../src/renderer/editor/mapping/toModel';
import { $createParagraphBlockNode, ParagraphBlockNode } from '../../../src/renderer/editor/nodes/ParagraphBlockNode';
import { connect, freshDatabase, startServer, until, type Client } from './helpers';
import { postgresBin, startPostgres, type Postgres } from './postgres';

const found = postgresBin();

describe.skipIf('missing' in found)('two editors on one shared report', () => {
  let pgc: Postgres;
  let pool: pg.Pool;
  let server: TeamServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    pgc = await startPostgres();
    ({ pool } = await freshDatabase(pgc));
    server = await startServer(pool, { codec: lexicalCodec });
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await pool?.end();
    pgc?.stop();
  });

  const paragraphs = (editor: LexicalEditor) =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .map((t) => t.getParent())
        .filter((p): p is ParagraphBlockNode => p instanceof ParagraphBlockNode),
    );
  const model = (editor: LexicalEditor, base: RDocument) => editor.getEditorState().read(() => $editorToDocument(base, 'fr'));
  const labels = (doc: RDocument) => [...numberDocument(doc, 'fr').blocks.entries()].map(([id, l]) => `${id}=${l.label}`);

  it('converges, labels and all, and the server keeps the model as a revision', async () => {
    const person = await createPerson(pool, 'Drafting officer');
    const token = await issueToken(pool, person.id);
    const base = createFromTemplate('annual-report', 'fr', sequentialIds());
    const { id } = await createSharedDossier(pool, lexicalCodec, person, base, 'Rapport annuel');
    const name = `${id}:fr`;

    // Each editor is bound to its document before the provider connects, as the app's plugin does:
    // the first sync then reaches the editor as Yjs changes.
    const [da, db] = [new Y.Doc(), new Y.Doc()];
    const ea = boundHeadlessEditor(da);
    const eb = boundHeadlessEditor(db);
    const [a, b] = [connect(server, name, token, da), connect(server, name, token, db)];
    clients.push(a, b);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    await until(() => paragraphs(ea).length > 1 && paragraphs(eb).length === paragraphs(ea).length, 'both editors hold the report');
    const before = labels(model(ea, base));

    // A: a new numbered paragraph before the first one (every label after it shifts).
    ea.update(
      () => {
        const first = paragraphs(ea).find((p) => p.isNumbered())!.getLatest();
        first.insertBefore($createParagraphBlockNode(true).append($createTextNode('Nouveau premier paragraphe.')));
      },
      { discrete: true },
    );
    // B, at the same time, writes in another paragraph.
    eb.update(
      () => {
        const last = paragraphs(eb).filter((p) => p.isNumbered()).at(-1)!.getLatest();
        last.append($createTextNode(' Ajouté par B.'));
      },
      { discrete: true },
    );
    await until(() => JSON.stringify(model(ea, base)) === JSON.stringify(model(eb, base)) && JSON.stringify(model(ea, base)).includes('Ajouté par B') && JSON.stringify(model(eb, base)).includes('Nouveau premier'), 'convergence');
    const after = model(ea, base);
    expect(labels(after)).toEqual(labels(model(eb, base)));
    expect(labels(after).length).toBe(before.length + 1);

    await until(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 'acknowledged');
    // The write-back runs in a worker after the updates are logged: wait for it (generously: a
    // loaded machine may take seconds), then compare.
    let latest = await latestRevision(pool, id);
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && JSON.stringify(latest?.document) !== JSON.stringify(after); ) {
      await new Promise((r) => setTimeout(r, 50));
      latest = await latestRevision(pool, id);
    }
    expect(latest!.document).toEqual(after);
  }, 120_000);
});
