/**
 * Numbering a 10,000-block document (paragraphs, subparagraphs, headings, two annexes), beside
 * a baseline measured in the same run: a bare traversal that visits every block and does
 * nothing else. The ratio is the engine's own cost over the walk it cannot avoid.
 */
import { DocumentBuilder, sequentialIds } from '../../src/core/model/builder';
import type { Meta } from '../../src/core/model/schema';
import { numberDocument } from '../../src/core/numbering/numbering';
import { walkDocument } from '../../src/core/model/walk';
import { layoutDocument } from '../../src/core/render/layout';

function bigDocument(blocks: number) {
  const meta: Meta = { kind: 'annual-report', originalLanguage: 'fr', symbols: ['S/2017/138'], organs: ['SC'], distribution: 'general', sessions: [], addressees: [], people: [] };
  const b = new DocumentBuilder(meta, 'fr', sequentialIds());
  const report = b.part('body', { bodyType: 'report', title: 'Rapport' });
  const annexes = [b.part('annex', { owner: report, title: 'Annexe I' }), b.part('annex', { owner: report, title: 'Annexe II' })];
  for (let i = 0; i < blocks; i++) {
    const into = i < blocks * 0.8 ? report : annexes[i % 2]!;
    const r = i % 20;
    if (r === 0) b.heading(into, i % 100 === 0 ? 'chapter' : 'section', `Titre ${i}`);
    else if (r % 5 === 1) b.sub(into, 1, `Alinéa ${i} : texte.`);
    else b.para(into, `Paragraphe ${i} : le Conseil de sécurité rappelle ses résolutions antérieures.`);
  }
  return b.doc;
}

function time(fn: () => void, runs: number): { median: number; p95: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, p95: samples[Math.floor(runs * 0.95)]! };
}

export default async function bench() {
  const doc = bigDocument(10_000);
  // Warm up the JIT for all three.
  for (let i = 0; i < 5; i++) {
    numberDocument(doc, 'fr');
    layoutDocument(doc, 'fr');
  }
  let count = 0;
  const walk = time(() => walkDocument(doc, { block: () => void count++ }), 50);
  const numbering = time(() => numberDocument(doc, 'fr'), 50);
  const layout = time(() => layoutDocument(doc, 'en'), 20);
  return [
    { name: 'numbering, 10,000 blocks (median)', value: numbering.median, unit: 'ms', baselineName: 'bare traversal', baselineValue: walk.median },
    { name: 'numbering, 10,000 blocks (p95)', value: numbering.p95, unit: 'ms', baselineName: 'bare traversal', baselineValue: walk.p95 },
    { name: 'layout (labels, xrefs, typography), 10,000 blocks', value: layout.median, unit: 'ms', baselineName: 'bare traversal', baselineValue: walk.median },
  ];
}
