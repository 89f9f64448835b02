/**
 * Images kept with dossiers (a signature, a letterhead logo): what is accepted, hashing, and the
 * dossier's images themselves. Bytes are kept once per hash and freed when no dossier uses them.
 */
import { createHash } from 'node:crypto';
import type { Connection } from './connection';
import { StoreError } from './errors';
import { row } from './rows';
import type { AssetInfo } from './types';

export const ASSET_ROLES = ['image', 'letterhead', 'signature'] as const;
export type AssetRole = (typeof ASSET_ROLES)[number];
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const MAX_ASSET_BYTES = 10 * 1024 * 1024;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The image type the bytes actually are, whatever the file name says. */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  return undefined;
}

/** Checks an image before it is stored; returns its real type. Throws 'invalid-asset'. */
export function checkImage(name: string, role: string, bytes: Uint8Array, mime?: string): ImageType {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200 || /[/\\]|\p{Cc}/u.test(name)) {
    throw new StoreError('invalid-asset', `"${String(name).slice(0, 60)}" is not a usable image name (1 to 200 characters, no slashes).`, { name });
  }
  if (!(ASSET_ROLES as readonly string[]).includes(role)) {
    throw new StoreError('invalid-asset', `An image is used as ${ASSET_ROLES.join(', ')}, not "${role}".`, { name, role });
  }
  if (bytes.length === 0) throw new StoreError('invalid-asset', `The image ${name} is empty.`, { name });
  if (bytes.length > MAX_ASSET_BYTES) {
    throw new StoreError('invalid-asset', `The image ${name} is too large (${Math.round(bytes.length / 1048576)} MB; at most 10 MB).`, { name, size: bytes.length });
  }
  const real = sniffImage(bytes);
  if (!real) throw new StoreError('invalid-asset', `${name} is not a PNG, JPEG or GIF image.`, { name });
  if (mime !== undefined && mime !== real) {
    throw new StoreError('invalid-asset', `${name} says it is ${mime} but is really ${real}.`, { name, mime, real });
  }
  return real;
}

// ---------------------------------------------------------------------------------------------
// A dossier's images

/** Stores an image under `name` for the dossier (replacing an image of that name). Bytes are kept once per hash. */
export function putAsset(c: Connection, id: string, asset: { name: string; role: AssetRole; bytes: Uint8Array; mime?: string }): AssetInfo {
  const mime = checkImage(asset.name, asset.role, asset.bytes, asset.mime);
  const hash = sha256(asset.bytes);
  return c.tx(() => {
    const r = row(c, id);
    c.q('INSERT OR IGNORE INTO assets (hash, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, mime, asset.bytes.length, Buffer.from(asset.bytes), c.now());
    const previous = c.q('SELECT asset_hash FROM dossier_assets WHERE dossier_num = ? AND name = ?', true).get(r.num, asset.name) as string | undefined;
    c.q(
      'INSERT INTO dossier_assets (dossier_num, name, asset_hash, role) VALUES (?, ?, ?, ?) ON CONFLICT (dossier_num, name) DO UPDATE SET asset_hash = excluded.asset_hash, role = excluded.role',
    ).run(r.num, asset.name, hash, asset.role);
    if (previous !== undefined && previous !== hash) collectAssets(c, [previous]);
    return { name: asset.name, role: asset.role, mime, size: asset.bytes.length, hash };
  });
}

export function listAssets(c: Connection, id: string): AssetInfo[] {
  return c.read(() => {
    const r = row(c, id);
    return c.q(`SELECT da.name, da.role, a.mime, a.size, a.hash FROM dossier_assets da JOIN assets a ON a.hash = da.asset_hash WHERE da.dossier_num = ? ORDER BY da.name`).all(r.num) as AssetInfo[];
  });
}

export function getAsset(c: Connection, id: string, name: string): AssetInfo & { bytes: Buffer } {
  return c.read(() => {
    const r = row(c, id);
    const a = c
      .q(`SELECT da.name, da.role, a.mime, a.size, a.hash, a.data AS bytes FROM dossier_assets da JOIN assets a ON a.hash = da.asset_hash WHERE da.dossier_num = ? AND da.name = ?`)
      .get(r.num, name) as (AssetInfo & { bytes: Buffer }) | undefined;
    if (!a) throw new StoreError('not-found', `Dossier ${r.id} has no image named ${name}.`, { id: r.id, name });
    return a;
  });
}

export function removeAsset(c: Connection, id: string, name: string): void {
  c.tx(() => {
    const r = row(c, id);
    const hash = c.q('SELECT asset_hash FROM dossier_assets WHERE dossier_num = ? AND name = ?', true).get(r.num, name) as string | undefined;
    if (hash === undefined) throw new StoreError('not-found', `Dossier ${r.id} has no image named ${name}.`, { id: r.id, name });
    c.q('DELETE FROM dossier_assets WHERE dossier_num = ? AND name = ?').run(r.num, name);
    collectAssets(c, [hash]);
  });
}

/** Deletes images no dossier uses any more (among `hashes`). */
export function collectAssets(c: Connection, hashes: Iterable<string>): void {
  const del = c.q('DELETE FROM assets WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM dossier_assets WHERE asset_hash = ?)');
  for (const h of new Set(hashes)) del.run(h, h);
}
