/**
 * The side panels' tabs in one row that scrolls sideways (seven tabs are wider than the panel, in
 * French twice as wide; wrapped they took three rows). What the row needs besides CSS:
 * - the chosen tab (by click, arrow key or command) is brought into sight, within the row only
 *   (scrollIntoView would scroll the window too);
 * - `data-more="left right"` says on which sides tabs are out of sight, for the CSS to fade that
 *   edge (a scrollbar may be hidden until hovered);
 * - a mouse wheel turned over the row scrolls it sideways.
 */
import { useEffect, type RefObject } from 'react';

function markOverflow(row: HTMLElement): void {
  const more = [row.scrollLeft > 1 ? 'left' : '', row.scrollLeft + row.clientWidth < row.scrollWidth - 1 ? 'right' : ''].filter(Boolean).join(' ');
  if (more === '') row.removeAttribute('data-more');
  else row.setAttribute('data-more', more);
}

/** `row`: the tablist; `chosen`: the selected tab's element selector; `key` changes when the tabs or their words change. */
export function useTabsRow(row: RefObject<HTMLElement | null>, chosen: string, key: string): void {
  useEffect(() => {
    const el = row.current;
    const tab = el?.querySelector<HTMLElement>(chosen);
    if (!el || !tab) return;
    // Clear of the faded edges too (the browser clamps scrollLeft at either end, where nothing fades).
    const fade = parseFloat(getComputedStyle(el).getPropertyValue('--tabs-fade')) || 0;
    if (tab.offsetLeft - fade < el.scrollLeft) el.scrollLeft = tab.offsetLeft - fade;
    else if (tab.offsetLeft + tab.offsetWidth + fade > el.scrollLeft + el.clientWidth) el.scrollLeft = tab.offsetLeft + tab.offsetWidth + fade - el.clientWidth;
    markOverflow(el);
  }, [row, chosen, key]);

  useEffect(() => {
    const el = row.current;
    if (!el) return;
    const mark = () => markOverflow(el);
    const wheel = (e: WheelEvent) => {
      if (el.scrollWidth <= el.clientWidth || Math.abs(e.deltaX) >= Math.abs(e.deltaY)) return;
      e.preventDefault();
      el.scrollLeft += e.deltaY;
    };
    const resized = new ResizeObserver(mark);
    resized.observe(el);
    el.addEventListener('scroll', mark, { passive: true });
    el.addEventListener('wheel', wheel, { passive: false });
    mark();
    return () => {
      resized.disconnect();
      el.removeEventListener('scroll', mark);
      el.removeEventListener('wheel', wheel);
    };
  }, [row, key]);
}
