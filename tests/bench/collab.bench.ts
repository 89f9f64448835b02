/**
 * Team co-editing under load (issue 15): 10 headless clients — each the app's own editor nodes,
 * headless, bound to the shared document by Lexical's Yjs binding and the Hocuspocus provider —
 * type 5 keystrokes a second each, each in its own paragraph of a 1,000-paragraph report, for
 * COLLAB_BENCH_SECONDS (default 60). Propagation latency: from a keystroke's update leaving its
 * client to that update arriving at another client (a watcher decodes each update it receives
 * and looks up when its structs were made). The team server (tokens, roles, every update written
 * to PostgreSQL before it is acknowledged, the model written back) beside bare Hocuspocus relaying
 * the same updates in memory (same run, same clients). Server CPU time and peak memory too.
 * Needs PostgreSQL (as the server tests do).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createPerson, issueToken } from '../../src/server/access';
import { createSharedDossier } from '../../src/server/documents';
import { boundHeadlessEditor, lexicalCodec } from '../../src/server/lexical-codec';
import { ParagraphBlockNode } from '../../src/renderer/editor/nodes/ParagraphBlockNode';
import { makeDocument } from '../integration/store/docs';
import { freshDatabase } from '../integration/server/helpers';
import { postgresBin, startPostgres } from '../integration/server/postgres';

const CLIENTS = 10;
const RATE = 5;
const SECONDS = Number(process.env['COLLAB_BENCH_SECONDS'] ?? 60);
const here = import.meta.dirname;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
};

function spawnServer(args: string[]): Promise<{ child: ChildProcess; url: string; report: () => Promise<{ cpuMs: number; peakRssMb: number }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'collab-server.ts'), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    let nl;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      waiters.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((ok) => waiters.push(ok));
  return nextLine().then((line) => ({
    child,
    url: line.replace(/^listening /, ''),
    report: async () => {
      const p = nextLine();
      child.stdin!.write('report\n');
      return JSON.parse(await p) as { cpuMs: number; peakRssMb: number };
    },
  }));
}

type Typist = { editor: LexicalEditor; doc: Y.Doc; provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket; paragraph: number };

async function run(url: string, name: string, token: string): Promise<{ latencies: number[] }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients: Typist[] = [];
  const open = (paragraph: number, watch: boolean) => {
    const doc = new Y.Doc();
    const editor = boundHeadlessEditor(doc);
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as never });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
    provider.attach();
    if (!watch) {
      // The moment each update of this client's own typing leaves it, by the ids of its structs.
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === provider) return;
        const now = performance.now();
        for (const st of Y.decodeUpdate(update).structs) sentAt.set(`${st.id.client}:${st.id.clock}`, now);
      });
    } else {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== provider) return;
        const now = performance.now();
        for (const s of Y.decodeUpdate(update).structs) {
          const t = sentAt.get(`${s.id.client}:${s.id.clock}`);
          if (t !== undefined) latencies.push(now - t);
        }
      });
    }
    return { editor, doc, provider, socket, paragraph };
  };
  const watcher = open(-1, true);
  for (let i = 0; i < CLIENTS; i++) clients.push(open(100 + i * 90, false));
  const all = [watcher, ...clients];
  const deadline = Date.now() + 60_000;
  while (!all.every((c) => c.provider.isSynced) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const c of clients) c.editor.update(() => undefined, { discrete: true });

  const type = (c: Typist) => {
    c.editor.update(
      () => {
        const paragraphs = $getRoot()
          .getAllTextNodes()
          .map((t) => t.getParent())
          .filter((p): p is ParagraphBlockNode => p instanceof ParagraphBlockNode);
        paragraphs[c.paragraph % paragraphs.length]?.append($createTextNode('x'));
      },
      { discrete: true },
    );
  };
  const timers = clients.map((c, i) => {
    let n = 0;
    return new Promise<void>((ok) => {
      setTimeout(() => {
        const t = setInterval(() => {
          type(c);
          if (++n >= SECONDS * RATE) {
            clearInterval(t);
            ok();
          }
        }, 1000 / RATE);
      }, (i * 1000) / RATE / CLIENTS);
    });
  });
  await Promise.all(timers);
  await new Promise((r) => setTimeout(r, 1500));
  for (const c of all) {
    c.provider.destroy();
    c.socket.destroy();
  }
  return { latencies };
}

export default async function bench() {
  const found = postgresBin();
  if ('missing' in found) return [{ name: `collab: SKIPPED (${found.missing})`, value: NaN }];
  const pgc = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-collab-'));
  const children: ChildProcess[] = [];
  try {
    const { pool, url: dbUrl } = await freshDatabase(pgc);
    const person = await createPerson(pool, 'Bench');
    const token = await issueToken(pool, person.id);
    const doc = makeDocument({ paragraphs: 1000, languages: ['fr'] });
    const { id } = await createSharedDossier(pool, lexicalCodec, person, doc, 'Rapport de 1 000 paragraphes');
    const initial = join(dir, 'initial.bin');
    writeFileSync(initial, lexicalCodec.encode(doc, 'fr'));
    await pool.end();

    const relay = await spawnServer(['relay', initial]);
    children.push(relay.child);
    const bare = await run(relay.url, `${id}:fr`, token);
    const bareUse = await relay.report();
    relay.child.kill();

    const team = await spawnServer(['team', dbUrl]);
    children.push(team.child);
    const ours = await run(team.url, `${id}:fr`, token);
    const teamUse = await team.report();
    team.child.kill();

    const keys = `${CLIENTS} clients × ${RATE}/s × ${SECONDS} s`;
    return [
      { name: `collab: keystroke → other client, p50 (${keys}; ${ours.latencies.length} updates)`, value: pct(ours.latencies, 0.5), unit: 'ms', baselineName: `bare Hocuspocus relay (${bare.latencies.length})`, baselineValue: pct(bare.latencies, 0.5) },
      { name: 'collab: keystroke → other client, p95', value: pct(ours.latencies, 0.95), unit: 'ms', baselineName: 'bare Hocuspocus relay', baselineValue: pct(bare.latencies, 0.95), target: 'ratio ≤ 1.5' },
      { name: 'collab: server CPU time over the run', value: teamUse.cpuMs, unit: 'ms', baselineName: 'bare Hocuspocus relay', baselineValue: bareUse.cpuMs },
      { name: 'collab: server peak memory (RSS)', value: teamUse.peakRssMb, unit: 'MB', baselineName: 'bare Hocuspocus relay', baselineValue: bareUse.peakRssMb },
    ];
  } finally {
    for (const c of children) c.kill('SIGKILL');
    pgc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
