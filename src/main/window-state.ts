/**
 * The main window's size, position and maximised state, remembered between launches in a small
 * JSON file beside Electron's own per-user data, and put back on a screen that is still there:
 * a window saved on a monitor since unplugged comes back centred on the primary screen instead
 * of opening out of sight. Pure functions and plain files: tested without Electron.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export type Rect = { x: number; y: number; width: number; height: number };
export type WindowState = { bounds: Rect | undefined; width: number; height: number; maximized: boolean };

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 860, height: 560 } as const;
/** How much of the title bar must lie on a screen for a saved position to be kept. */
const VISIBLE = { width: 120, height: 40 } as const;

const int = z.number().int().min(-100_000).max(100_000);
const savedSchema = z.object({ x: int, y: int, width: int.min(1), height: int.min(1), maximized: z.boolean() }).strict();
export type SavedWindowState = z.infer<typeof savedSchema>;

/** The saved state in `file`, or undefined when there is none or it is not ours (it is then ignored). */
export function readWindowState(file: string): SavedWindowState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = savedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the state atomically (a crash mid-write leaves the previous file). */
export function writeWindowState(file: string, state: SavedWindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window, given the saved state and the work areas of the screens attached now
 * (primary first). The size is kept within the primary screen; the position only when the top of
 * the window, where it is dragged from, is on one of the screens.
 */
export function placeWindow(saved: SavedWindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  const fit = (width: number, height: number) => ({
    width: Math.max(MIN_WINDOW_SIZE.width, primary ? Math.min(width, primary.width) : width),
    height: Math.max(MIN_WINDOW_SIZE.height, primary ? Math.min(height, primary.height) : height),
  });
  if (!saved) return { bounds: undefined, ...fit(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized: false };
  const size = fit(saved.width, saved.height);
  const titleBar: Rect = { x: saved.x, y: saved.y, width: size.width, height: VISIBLE.height };
  const onScreen = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(VISIBLE.width, size.width) && o.height >= VISIBLE.height;
  });
  return { bounds: onScreen ? { x: saved.x, y: saved.y, ...size } : undefined, ...size, maximized: saved.maximized };
}
