/** Images kept with dossiers (a signature, a letterhead logo): what is accepted, and hashing. */
import { createHash } from 'node:crypto';
import { StoreError } from './errors';
import type { AssetRole } from './types';

export const ASSET_ROLES: readonly AssetRole[] = ['image', 'letterhead', 'signature'];
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
