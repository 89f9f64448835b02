/**
 * Packaging (electron-builder.yml) cannot be run here (no Electron or NSIS download), so it is
 * checked the way electron-builder itself would: loaded by its own config loader and validated
 * against its own schema. The schema accepts an empty configuration too, so the keys that
 * matter are asserted one by one. The icons are generated from resources/icon.svg and read back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and validator (what `electron-builder --win|--mac` runs first).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const root = join(import.meta.dirname, '..', '..');
const quietLogger = { isEnabled: false, add: () => undefined };
type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const config = (await getConfig(root, null, null)) as Config;

describe('electron-builder.yml', () => {
  it('is valid by electron-builder’s own schema, and the validator does refuse a wrong key', async () => {
    await expect(validateConfiguration(config as never, quietLogger as never)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config['nsis'], perMachin: false } } as never, quietLogger as never)).rejects.toThrow(/does not match the API schema[\s\S]*configuration\.nsis/);
  });

  it('associates .rapporteur files with the app', () => {
    expect(config['fileAssociations']).toEqual([expect.objectContaining({ ext: 'rapporteur', role: 'Editor', name: 'Rapporteur document' })]);
  });

  it('builds a per-user NSIS installer for Windows x64 and a dmg for both Mac architectures', () => {
    expect(config['win'].target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config['nsis']).toMatchObject({ perMachine: false, allowElevation: false, oneClick: false });
    expect(config['mac'].target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config['mac']).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(existsSync(join(root, config['mac'].entitlements))).toBe(true);
    expect(readFileSync(join(root, config['mac'].entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('keeps better-sqlite3’s native module out of the asar archive', () => {
    expect(config['asarUnpack']).toContain('node_modules/better-sqlite3/**');
  });

  it('flips the Electron fuses in the packaged binary', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('has the app id, the product name, and icons where the icon script writes them', () => {
    expect(config).toMatchObject({ appId: 'org.rapporteur.desktop', productName: 'Rapporteur' });
    expect([config['mac'].icon, config['win'].icon, config['linux'].icon]).toEqual(['build/icons/icon.icns', 'build/icons/icon.ico', 'build/icons/icon.png']);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const s of ['dist:win', 'dist:mac']) expect(scripts[s], s).toMatch(/npm run build && npm run icons && electron-builder --(win|mac)/);
  });
});

describe('the icons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-icons-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-icons.mjs'), '--out', dir], { stdio: 'pipe' });
  const png = (b: Buffer) => {
    expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), rgba: b[25] === 6 };
  };

  it('a 512 × 512 PNG with transparency', () => {
    expect(png(readFileSync(join(dir, 'icon.png')))).toEqual({ width: 512, height: 512, rgba: true });
  });

  it('an ICO of PNG images from 16 to 256', () => {
    const b = readFileSync(join(dir, 'icon.ico'));
    expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: b.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const image = b.subarray(b.readUInt32LE(at + 12), b.readUInt32LE(at + 12) + b.readUInt32LE(at + 8));
      const declared = b[at] === 0 ? 256 : b[at]!;
      expect(png(image).width).toBe(declared);
      return declared;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('an ICNS whose chunks are PNG images of the sizes their types say', () => {
    const b = readFileSync(join(dir, 'icon.icns'));
    expect(b.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(b.readUInt32BE(4)).toBe(b.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < b.length; ) {
      const type = b.subarray(at, at + 4).toString('ascii');
      const length = b.readUInt32BE(at + 4);
      found[type] = png(b.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(found).toEqual({ icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 });
    rmSync(dir, { recursive: true, force: true });
  });
});
