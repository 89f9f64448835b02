/**
 * Comparing two 1,000-paragraph reports (seed 000's report repeated to 1,000 numbered
 * paragraphs, as the import bench builds it), this year's version edited as a drafter would:
 * 36 words changed in 24 paragraphs, 6 paragraphs inserted, 6 deleted, 3 moved and a section of
 * 8 blocks moved, so that several hundred paragraphs are renumbered.
 *
 * Baseline, in the same run: a plain line diff (Myers' O(ND) algorithm, written out below) of
 * the two texts as plain lines (one per heading or paragraph, with its number), which is what
 * `diff` would do with the two texts. The target is at most 3× the baseline. Renumbering makes
 * most numbered lines differ, which is the line diff's worst case; so a second row measures
 * against the easy case too: the same lines with their numbers taken off (few lines differ).
 */
import { compareDocuments } from '../../src/core/compare';
import { importText } from '../../src/core/import';
import type { Block, RDocument } from '../../src/core/model/schema';
import { documentLines } from '../../src/core/render/text';
import { longReport, median } from './import.bench';

/** A plain line diff: Myers' greedy LCS over the lines, with the edit script read back. */
function lineDiff(oldText: string, newText: string): { op: '=' | '-' | '+'; line: string }[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  const script: { op: '=' | '-' | '+'; line: string }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[max + k - 1]! < prev[max + k + 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = prev[max + pk]!;
    const snakeStart = down ? px : px + 1;
    while (x > snakeStart) {
      script.push({ op: '=', line: a[--x]! });
      y--;
    }
    if (down) script.push({ op: '+', line: b[--y]! });
    else script.push({ op: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    script.push({ op: '=', line: a[--x]! });
    y--;
  }
  return script.reverse();
}

function edited(a: RDocument): RDocument {
  const b = structuredClone(a);
  const blocks = b.parts.find((p) => p.kind === 'body')!.blocks;
  const paras = blocks.filter((x) => x.kind === 'paragraph' && x.numbered);
  const run = (id: string) => b.text.fr![id]!.content.find((r) => r.type === 'text') as { text: string };
  // 24 paragraphs with one to two words changed (36 words in all)
  for (let i = 0; i < 24; i++) {
    const r = run(paras[20 + i * 37]!.id);
    let count = 0;
    r.text = r.text.replace(/\p{L}{5,}/gu, (w) => (count++ < (i % 2 === 0 ? 1 : 2) ? `${w}s` : w));
  }
  // 6 deleted, 6 inserted, 3 moved far
  for (let i = 0; i < 6; i++) {
    const gone = paras[100 + i * 150]!;
    blocks.splice(blocks.indexOf(gone), 1);
    delete b.text.fr![gone.id];
    const at = blocks.indexOf(paras[60 + i * 151]!);
    const id = `inserted${i}`;
    blocks.splice(at, 0, { id, kind: 'paragraph', numbered: true });
    b.text.fr![id] = { content: [{ type: 'text', text: `Le Groupe de travail a examiné une nouvelle question (${i + 1}) relative à la protection des civils et à la sécurité du personnel.` }] };
  }
  for (let i = 0; i < 3; i++) {
    const m = paras[310 + i * 200]!;
    blocks.splice(blocks.indexOf(m), 1);
    blocks.splice(blocks.indexOf(paras[50 + i * 250]!), 0, m);
  }
  // a section (heading and the blocks under it, 8 in all) moved to the end
  const headingAt = blocks.findIndex((x, i) => i > 400 && x.kind === 'heading' && x.level === 'section');
  const section: Block[] = blocks.splice(headingAt, 8);
  blocks.push(...section);
  return b;
}

export default async function bench() {
  const a = importText(longReport(1000)).doc;
  const b = edited(a);
  const oldText = documentLines(a, 'fr').join('\n');
  const newText = documentLines(b, 'fr').join('\n');

  const same = compareDocuments(a, b, 'fr');
  const byText = compareDocuments(a, b, 'fr', { ids: 'ignore' });
  for (const [name, r] of [['ids', same], ['text', byText]] as const) {
    const s = r.summary;
    if (s.inserted !== 6 || s.deleted !== 6 || s.changed !== 24 || s.moved !== 11 || s.renumbered < 300) throw new Error(`compare (${name}) found ${JSON.stringify(s)}`);
  }
  const lines = lineDiff(oldText, newText);
  const lineEdits = lines.filter((l) => l.op !== '=').length;

  const unnumbered = (t: string) => t.replace(/^(?:\d+\.|[a-z]\)|[IVX]+\.|[A-Z]\.)\s+/gm, '');
  const [oldBare, newBare] = [unnumbered(oldText), unnumbered(newText)];
  const bareEdits = lineDiff(oldBare, newBare).filter((l) => l.op !== '=').length;
  const baseline = median(() => lineDiff(oldText, newText), 15);
  const bare = median(() => lineDiff(oldBare, newBare), 15);
  const ids = median(() => compareDocuments(a, b, 'fr'), 15);
  const text = median(() => compareDocuments(a, b, 'fr', { ids: 'ignore' }), 15);
  const baselineName = `line diff (Myers) of the same texts as lines (${lineEdits} lines differ)`;
  return [
    { name: `compare 1,000-paragraph reports, one dossier (ids shared; ${same.summary.renumbered} renumbered)`, value: ids, unit: 'ms', baselineName, baselineValue: baseline, target: '≤ 3×' },
    { name: 'compare the same, as two imports (aligned by text alone)', value: text, unit: 'ms', baselineName, baselineValue: baseline, target: '≤ 3×' },
    { name: 'compare, one dossier (as above)', value: ids, unit: 'ms', baselineName: `line diff of the same lines without their numbers (${bareEdits} lines differ)`, baselineValue: bare },
  ];
}
