/** The main window comes back where it was left, and never off screen (src/main/window-state.ts). */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeWindow, readWindowState, writeWindowState } from '../../src/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('placing the window', () => {
  it('opens at the default size, centred by the system, the first time', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({ bounds: undefined, width: 1280, height: 860, maximized: false });
  });

  it('keeps the saved place and size when it is on a screen, the second screen too', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(placeWindow({ x: 2000, y: 0, width: 1200, height: 800, maximized: true }, [laptop, external]).bounds).toEqual({ x: 2000, y: 0, width: 1200, height: 800 });
  });

  it('forgets a place on a screen that is no longer attached, and fits the size to the primary screen', () => {
    const saved = { x: 2000, y: 0, width: 2400, height: 1300, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: undefined, width: 1440, height: 875, maximized: true });
  });

  it('forgets a place whose title bar is off every screen, even when a corner shows', () => {
    // Only 20 px of the window's left edge on the screen, or the title bar above the top.
    expect(placeWindow({ x: 1420, y: 100, width: 1000, height: 700, maximized: false }, [laptop]).bounds).toBeUndefined();
    expect(placeWindow({ x: 100, y: -600, width: 1000, height: 700, maximized: false }, [laptop]).bounds).toBeUndefined();
  });

  it('never makes the window smaller than its minimum', () => {
    expect(placeWindow({ x: 0, y: 0, width: 300, height: 200, maximized: false }, [laptop])).toMatchObject({ width: 860, height: 560 });
  });
});

describe('the state file', () => {
  it('round-trips, and ignores a missing, damaged or foreign file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(readWindowState(file)).toBeUndefined();
      writeWindowState(file, { x: 10, y: 20, width: 1100, height: 750, maximized: true });
      expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1100, height: 750, maximized: true });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1100, height: 750, maximized: true });
      for (const bad of ['{', 'null', '{"x":1}', JSON.stringify({ x: 1e9, y: 0, width: 10, height: 10, maximized: false }), JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false, extra: 1 })]) {
        writeFileSync(file, bad);
        expect(readWindowState(file), bad).toBeUndefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
