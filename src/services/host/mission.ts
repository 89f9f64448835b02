/**
 * The settings of issue 12b in the library's settings table: the tracked-changes author name,
 * the mission's profile (validated by the contract's schema on the way in and again on the way
 * out, so a damaged value reads as the empty profile rather than breaking an export), and its
 * images (the emblem, one scanned signature per person), kept as base64 beside them. And what
 * an export takes from them: the letterhead and, for a finalised revision, the signatures.
 */
import { EMPTY_MISSION, letterheadLines, missionProfileSchema, type MissionProfile } from '../../core/templates/mission';
import type { ExportOptions, ImageAsset } from '../../core/render/options';
import type { Settings, SettingsImageInfo, SettingsImageSlot } from '../../shared/ipc-contract';
import { checkImage } from '../store/assets';
import { StoreError, type Store } from '../store/index';

export const MISSION_KEYS = {
  authorName: 'documents.authorName',
  mission: 'mission.profile',
  imagePrefix: 'mission.image.',
} as const;

type StoredImage = { mime: SettingsImageInfo['mime']; data: string };

const imageKey = (slot: SettingsImageSlot) => `${MISSION_KEYS.imagePrefix}${slot.slot === 'emblem' ? 'emblem' : `signature.${slot.person}`}`;

function storedImage(store: Store, slot: SettingsImageSlot): StoredImage | undefined {
  const v = store.getSetting<StoredImage>(imageKey(slot));
  return v && (v.mime === 'image/png' || v.mime === 'image/jpeg') && typeof v.data === 'string' ? v : undefined;
}

export function readMission(store: Store): MissionProfile {
  const parsed = missionProfileSchema.safeParse(store.getSetting(MISSION_KEYS.mission));
  return parsed.success ? parsed.data : EMPTY_MISSION;
}

/** The settings of this file, for `readSettings`. */
export function missionSettings(store: Store): Pick<Settings, 'authorName' | 'mission' | 'images'> {
  const author = store.getSetting(MISSION_KEYS.authorName);
  const mission = readMission(store);
  const info = (i: StoredImage | undefined): SettingsImageInfo | null => (i ? { mime: i.mime, size: Math.floor((i.data.length * 3) / 4) } : null);
  const signatures: Record<string, SettingsImageInfo> = {};
  for (const p of mission.people) {
    const i = info(storedImage(store, { slot: 'signature', person: p.id }));
    if (i) signatures[p.id] = i;
  }
  return { authorName: typeof author === 'string' ? author : '', mission, images: { emblem: info(storedImage(store, { slot: 'emblem' })), signatures } };
}

/** Writes the patch's author name and profile (already validated by the contract). */
export function writeMissionSettings(store: Store, patch: { authorName?: string | undefined; mission?: MissionProfile | undefined }): void {
  if (patch.authorName !== undefined) store.setSetting(MISSION_KEYS.authorName, patch.authorName.trim() || undefined);
  if (patch.mission === undefined) return;
  // A scanned signature is the person's: it goes with them when they leave the mission's people.
  const kept = new Set(patch.mission.people.map((p) => p.id));
  for (const p of readMission(store).people) if (!kept.has(p.id)) store.setSetting(imageKey({ slot: 'signature', person: p.id }), undefined);
  store.setSetting(MISSION_KEYS.mission, patch.mission);
}

/** Sets or removes an image; a signature only for one of the mission's people. Throws 'invalid-asset' / 'invalid-request'. */
export function setMissionImage(store: Store, slot: SettingsImageSlot, bytes: Uint8Array | null): void {
  if (slot.slot === 'signature' && !readMission(store).people.some((p) => p.id === slot.person)) {
    throw new StoreError('invalid-request', 'A signature belongs to one of the mission’s people: add the person first.', { person: slot.person });
  }
  if (bytes === null) return store.setSetting(imageKey(slot), undefined);
  const mime = checkImage(slot.slot === 'emblem' ? 'emblem' : 'signature', slot.slot === 'emblem' ? 'letterhead' : 'signature', bytes);
  if (mime !== 'image/png' && mime !== 'image/jpeg') throw new StoreError('invalid-asset', 'The image is a GIF: use a PNG or JPEG image.', { mime });
  store.setSetting(imageKey(slot), { mime, data: Buffer.from(bytes).toString('base64') } satisfies StoredImage);
}

export function missionImage(store: Store, slot: SettingsImageSlot): { mime: SettingsImageInfo['mime']; bytes: Uint8Array } | null {
  const i = storedImage(store, slot);
  return i ? { mime: i.mime, bytes: new Uint8Array(Buffer.from(i.data, 'base64')) } : null;
}

/**
 * What an export takes from the settings: the letterhead (letterhead profile), and the scanned
 * signatures, which the renderers place only when `finalised` (the dossier's current text is its
 * finalised revision).
 */
export function missionExportOptions(store: Store, finalised: boolean): Pick<ExportOptions, 'letterhead' | 'signatures' | 'finalised'> {
  const mission = readMission(store);
  const asset = (i: { mime: SettingsImageInfo['mime']; bytes: Uint8Array } | null): ImageAsset | undefined => (i ? { bytes: i.bytes, mime: i.mime } : undefined);
  const logo = asset(missionImage(store, { slot: 'emblem' }));
  const signatures: Record<string, ImageAsset> = {};
  for (const p of mission.people) {
    const s = asset(missionImage(store, { slot: 'signature', person: p.id }));
    if (s) signatures[p.id] = s;
  }
  const place = mission.place.trim();
  return {
    letterhead: { lines: letterheadLines(mission), ...(logo ? { logo } : {}), ...(place ? { place } : {}) },
    signatures,
    finalised,
  };
}
