/**
 * Where the library lives (src/services/store/location.ts): one rule for the app and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { defaultDataDir, libraryLocation } from '../../src/services/store/location';
import { defaultDataDir as cliDefaultDataDir } from '../../src/cli/commands/db';

describe('the library location', () => {
  it('is the per-user data folder by default, created on first use', () => {
    expect(libraryLocation({ env: {}, cwd: '/work', platform: 'linux', home: '/home/amina' })).toEqual({ dir: '/home/amina/.local/share/rapporteur', create: true });
    expect(libraryLocation({ env: { XDG_DATA_HOME: '/data' }, cwd: '/work', platform: 'linux', home: '/home/amina' })).toEqual({ dir: '/data/rapporteur', create: true });
    expect(libraryLocation({ env: {}, cwd: '/work', platform: 'darwin', home: '/Users/amina' }).dir).toBe('/Users/amina/Library/Application Support/Rapporteur');
  });

  it('is RAPPORTEUR_DATA_DIR when set (resolved, never created), and an explicit folder before that', () => {
    expect(libraryLocation({ env: { RAPPORTEUR_DATA_DIR: 'lib' }, cwd: '/work', platform: 'linux', home: '/home/amina' })).toEqual({ dir: '/work/lib', create: false });
    expect(libraryLocation({ explicit: '/elsewhere', env: { RAPPORTEUR_DATA_DIR: 'lib' }, cwd: '/work', platform: 'linux', home: '/h' })).toEqual({ dir: '/elsewhere', create: false });
    // Empty values count as not given.
    expect(libraryLocation({ explicit: '', env: { RAPPORTEUR_DATA_DIR: '' }, cwd: '/work', platform: 'linux', home: '/h' })).toEqual({ dir: '/h/.local/share/rapporteur', create: true });
  });

  it('is the same function the CLI uses', () => {
    expect(cliDefaultDataDir).toBe(defaultDataDir);
  });
});
