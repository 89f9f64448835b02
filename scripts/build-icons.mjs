#!/usr/bin/env node
// The app's icons, made from the one source image resources/icon.svg: build/icons/icon.png
// (512 × 512, Linux and the window), icon.ico (Windows: 16–256, PNG entries) and icon.icns
// (macOS: 16–1024, PNG entries). Chromium draws the SVG (the system's /usr/bin/chromium, or
// CHROMIUM_PATH), so no image library is needed; electron-builder reads the results.
//   node scripts/build-icons.mjs [--out DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? process.argv[outFlag + 1] : join(root, 'build', 'icons');
const svg = readFileSync(join(root, 'resources', 'icon.svg'), 'utf8');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** PNG bytes of the icon at each size, drawn by Chromium with a transparent background. */
async function render(sizes) {
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  } catch (e) {
    throw new Error(`build-icons: cannot start Chromium at ${executablePath} (set CHROMIUM_PATH): ${e instanceof Error ? e.message.split('\n')[0] : e}`, { cause: e });
  }
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${url}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** Windows icon: a directory of PNG images (supported since Windows Vista). */
function ico(pngs) {
  const entries = [...pngs.entries()];
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

/** macOS icon: typed PNG chunks (the @2x types hold the same pixels as the next size up). */
const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];
function icns(pngs) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const pngs = await render([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon.png'), pngs.get(512));
writeFileSync(join(out, 'icon.ico'), ico(new Map([16, 24, 32, 48, 64, 128, 256].map((s) => [s, pngs.get(s)]))));
writeFileSync(join(out, 'icon.icns'), icns(pngs));
console.log(`icons written to ${out}: icon.png, icon.ico, icon.icns`);
