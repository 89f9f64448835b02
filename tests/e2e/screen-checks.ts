/**
 * What every screen is checked for, in both interface languages: its visible text (document
 * content excluded) holds none of the other locale's strings, and an axe-core scan finds no
 * serious or critical violation (the spec injecting axe runs with `bypassCSP`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { root } from './app-host';

type Json = { [k: string]: string | Json };
const NAMESPACES = ['app', 'workspace', 'checker', 'compare'];

function leaves(j: Json, out: string[] = []): string[] {
  for (const v of Object.values(j)) {
    if (typeof v === 'string') out.push(v);
    else leaves(v, out);
  }
  return out;
}

/**
 * Fragments only the other locale has: each string's literal pieces (between {{…}}) of at
 * least 10 characters that appear in no string of this locale.
 */
export function foreignFragments(lang: 'en' | 'fr'): string[] {
  const other = lang === 'en' ? 'fr' : 'en';
  const read = (l: string) => NAMESPACES.flatMap((ns) => leaves(JSON.parse(readFileSync(join(root, 'locales', l, `${ns}.json`), 'utf8')) as Json));
  const mine = read(lang).join('\n');
  const frags = new Set<string>();
  for (const s of read(other)) {
    for (const piece of s.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>/)) {
      const p = piece.trim();
      if (p.length >= 10 && !mine.includes(p)) frags.add(p);
    }
  }
  return [...frags];
}

/** The interface's visible text (texts, placeholders, labels for assistive technology), document content left out. */
export async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = '[data-testid="document"], [data-document-content], .dossier-title, [data-testid="dossier-title"] > :not(.toolbar-kicker), .snippet, .compare-text, datalist, script, style';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !el.checkVisibility()) continue;
      // The dossier's title follows its kicker in the toolbar heading: document content too.
      if (el.matches('[data-testid="dossier-title"]')) continue;
      if (n.textContent!.trim()) out.push(n.textContent!.trim());
    }
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')) {
      if (el.closest(skip) || !el.checkVisibility()) continue;
      for (const a of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    // The buttons' labels name the dossier they act on ("Duplicate — <title>"): its title is document content.
    const titles = [...document.querySelectorAll('.dossier-title')].map((e) => e.textContent ?? '').filter(Boolean);
    return titles.reduce((text, title) => text.split(title).join(''), out.join('\n'));
  });
}

export async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/**
 * The selects in `scope` whose current choice does not fit (text, plus room for the arrow):
 * "<testid>: <text width> px of text in <select width> px", one line each; [] when all fit.
 */
export async function clippedSelects(scope: Locator): Promise<string[]> {
  return scope.evaluate((f) =>
    [...f.querySelectorAll('select')].flatMap((s) => {
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${getComputedStyle(s).font}`;
      document.body.append(probe);
      probe.textContent = s.selectedOptions[0]?.text ?? '';
      const widest = probe.getBoundingClientRect().width;
      probe.remove();
      return widest + 28 > s.clientWidth ? [`${s.dataset['testid']}: ${Math.round(widest)} px of text in ${s.clientWidth} px`] : [];
    }),
  );
}
