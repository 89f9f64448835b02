/**
 * F6 / Shift+F6: the keyboard goes to the next / previous region of the window — the header,
 * the library, the dossier's toolbar, the text, the side panels — as in a browser or an office
 * suite. Inside the text Tab indents (it is the drafters' key for levels), so without this a
 * keyboard user who entered the text could leave it only backwards through the page. A region is
 * an element marked `data-region`, or the editable text itself; while a modal dialog is open the
 * key does nothing (the dialog keeps the focus).
 */
const REGIONS = '[data-region], [contenteditable="true"]';
const TABBABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function visible(el: HTMLElement): boolean {
  return el.checkVisibility();
}

/** Where the keyboard lands in a region: the text itself, else the region's first control that takes the focus. */
function target(region: HTMLElement): HTMLElement | undefined {
  if (region.isContentEditable) return region;
  // tabindex="-1" is out of the Tab order (the panel tabs that are not selected): not a landing place either.
  return [...region.querySelectorAll<HTMLElement>(TABBABLE)].find((el) => el.tabIndex >= 0 && visible(el) && !el.closest('[inert]'));
}

/** Moves the focus one region on (`step` 1) or back (-1); false when there is nowhere to go. */
export function focusNextRegion(doc: Document, step: 1 | -1): boolean {
  const regions = [...doc.querySelectorAll<HTMLElement>(REGIONS)].filter((r) => visible(r) && target(r) !== undefined);
  if (regions.length === 0) return false;
  const active = doc.activeElement;
  const at = regions.findIndex((r) => active !== null && r.contains(active));
  const next = regions[(at < 0 ? (step === 1 ? 0 : regions.length - 1) : at + step + regions.length) % regions.length]!;
  const el = target(next);
  if (!el) return false;
  el.focus();
  return true;
}

/** Listens for F6 on the window; returns the function that stops listening. */
export function installRegionKeys(win: Window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return;
    if (win.document.querySelector('dialog[open]')) return;
    if (focusNextRegion(win.document, e.shiftKey ? -1 : 1)) e.preventDefault();
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}
