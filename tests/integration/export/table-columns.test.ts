/**
 * Table columns sized from their content (core/render/columns), read by both outputs: seed 000's
 * meetings table (Date / Intervenants / Thème) rendered by LibreOffice from the DOCX and by
 * Chromium from the print view, with no word broken across lines and each date on one line.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { tableColumnWidths } from '../../../src/core/render/columns';
import { textWidth } from '../../../src/core/render/metrics';
import { layoutDocument, type LayoutBlock } from '../../../src/core/render/layout';
import { spansText } from '../../../src/core/render/spans';
import { exportDocx } from '../../../src/services/export/docx/index';
import { renderHtml } from '../../../src/services/export/html';
import { defaultExportOptions } from '../../../src/core/render/options';
import { findChromium } from '../../../src/services/export/pdf';
import { seed000 } from '../../fixtures/seeds';
import { cleanup, renderDocx } from './libreoffice';

type Table = Extract<LayoutBlock, { type: 'table' }>;
const doc = seed000().doc;
const table = layoutDocument(doc, 'fr').parts.flatMap((p) => p.blocks).find((b): b is Table => b.type === 'table')!;
const cellText = (r: number, c: number) => table.rows[r]!.cells[c]!.blocks.map((b) => ('spans' in b ? spansText(b.spans) : '')).join(' ');
const dates = table.rows.slice(table.headerRows).map((_, i) => cellText(i + table.headerRows, 0));
/** Every word of the table's cells; a compound may break at its hyphen ("Haut-/Représentant"), so its parts count. */
const words = [...new Set(table.rows.flatMap((row, r) => row.cells.flatMap((_, c) => cellText(r, c).split(/[\s\u00a0\u202f-]+/).filter((w) => w !== ''))))];
const metrics = { bodySize: 10, headSize: 8, padding: 9 };

describe('the column widths', () => {
  it('give the date column its longest date on one line, and every column its longest word', () => {
    expect(dates).toEqual(['28 avril', '27 mai', '24 juin', '27 juillet', '3 novembre']);
    const widths = tableColumnWidths(table, 367, metrics);
    expect(widths.reduce((a, x) => a + x, 0)).toBeCloseTo(367, 6);
    expect(widths[0]).toBeGreaterThanOrEqual(textWidth('3 novembre', 10) + metrics.padding);
    // the date column takes what its dates need, not a third of the table
    expect(widths[0]).toBeLessThan(367 / 4);
    for (let c = 0; c < 3; c++) {
      const longest = Math.max(...table.rows.slice(table.headerRows).map((_, r) => Math.max(...cellText(r + table.headerRows, c).split(/\s+/).map((w) => textWidth(w, 10)))));
      expect(widths[c]).toBeGreaterThan(longest + metrics.padding);
    }
  });

  it('use the natural widths when everything fits, and share out what is left', () => {
    const small = { ...table, rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, blocks: c.blocks.slice(0, 1).map((b) => ('spans' in b ? { ...b, spans: [{ text: 'Court' }] } : b)) })) })) } as Table;
    const widths = tableColumnWidths(small, 367, metrics);
    expect(widths[0]).toBeCloseTo(widths[1]!, 6);
    expect(widths.reduce((a, x) => a + x, 0)).toBeCloseTo(367, 6);
  });

  it('scale the minimums down together when even they do not fit', () => {
    const widths = tableColumnWidths(table, 60, metrics);
    expect(widths.reduce((a, x) => a + x, 0)).toBeCloseTo(60, 6);
    expect(widths.every((w) => w > 0)).toBe(true);
  });
});

describe('seed 000’s meetings table', () => {
  let dir = '';
  let pdf = '';
  beforeAll(async () => {
    const out = await renderDocx({ seed000: (await exportDocx(doc, defaultExportOptions('fr'))).bytes });
    dir = out.dir;
    pdf = out.rendered.seed000!.pdf;
  }, 240_000);
  afterAll(async () => {
    if (dir) await cleanup(dir);
  });

  it('through LibreOffice: every word whole, each date on one line', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const xml = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(pages), '-l', String(pages), pdf, '-'], { encoding: 'utf8' });
    const placed = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&') }));
    expect(placed.some((w) => w.text === 'Intervenants'), 'the table is on the last page').toBe(true);
    const pieces = new Set(placed.flatMap((w) => w.text.split('-')).map((w) => w.replace(/^[«(]+|[»),.;:]+$/g, '')));
    const missing = words.map((w) => w.replace(/^[«(]+|[»),.;:]+$/g, '')).filter((w) => w !== '' && !pieces.has(w));
    expect(missing, 'words that LibreOffice broke across lines').toEqual([]);
    for (const date of dates) {
      const [day, month] = date.split(' ');
      const m = placed.find((w) => w.text === month)!;
      expect(m, date).toBeDefined();
      expect(placed.some((w) => w.text === day && Math.abs(w.y - m.y) < 1 && w.x < m.x), `${date} on one line`).toBe(true);
    }
  });

  it('in the print view in Chromium: every word whole, each date on one line', async () => {
    const { html } = renderHtml(doc, defaultExportOptions('fr'));
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
      const page = await browser.newPage();
      await page.setContent(html);
      await page.emulateMedia({ media: 'print' });
      const result = await page.evaluate(() => {
        const lineCount = (node: Node, start: number, end: number) => {
          const r = document.createRange();
          r.setStart(node, start);
          r.setEnd(node, end);
          return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size;
        };
        const broken: string[] = [];
        const dateLines: number[] = [];
        for (const cell of Array.from(document.querySelectorAll('table.t td, table.t th'))) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent ?? '';
            for (const m of text.matchAll(/[^\s\u00a0\u202f-]+/g)) if (lineCount(n, m.index, m.index + m[0].length) > 1) broken.push(m[0]);
          }
        }
        for (const row of Array.from(document.querySelectorAll('table.t tbody tr'))) {
          const text = row.querySelector('td')!.querySelector('p')!.firstChild!;
          dateLines.push(lineCount(text, 0, text.textContent!.length));
        }
        return { broken, dateLines };
      });
      expect(result.broken).toEqual([]);
      expect(result.dateLines).toEqual(dates.map(() => 1));
    } finally {
      await browser?.close();
    }
  }, 60_000);
});
