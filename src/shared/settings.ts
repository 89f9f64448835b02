/**
 * The settings as they cross layers: the interface language, the library's settings and the
 * mission's profile with its images. Plain values and their schemas, defined once here; the IPC
 * contract carries them (and re-exports them), the hosts store them.
 */
import { z } from 'zod';
import { frenchSpacingSchema, idSchema, type FrenchSpacing } from '../core/model/schema';
import { missionProfileSchema, type MissionProfile } from '../core/templates/mission';

export const INTERFACE_LANGUAGES = ['fr', 'en'] as const;
export const interfaceLanguageSchema = z.enum(INTERFACE_LANGUAGES);
export type InterfaceLanguage = z.infer<typeof interfaceLanguageSchema>;

export type Settings = {
  /** Language of menus, buttons and messages; independent of any document's language. */
  interfaceLanguage: InterfaceLanguage;
  /** French spacing of new documents (before : ; ! ? and inside « »); each document keeps its own. */
  frenchSpacing: FrenchSpacing;
  /** The folder backups go to (absolute path); null where the host has no library (in-page host). */
  backupDir: string | null;
  /** True when `backupDir` is the default folder beside the library. */
  backupDirIsDefault: boolean;
  /** The name recorded as the author of tracked changes in a DOCX export (empty: none set). */
  authorName: string;
  /** The mission's letterhead and the people who sign for it (issue 12b). */
  mission: MissionProfile;
  /** Which of the mission's images are set (their bytes: `settings.image`). */
  images: { emblem: SettingsImageInfo | null; signatures: Record<string, SettingsImageInfo> };
};

/** An image kept in the settings: the emblem, or a signatory's scanned signature. */
export type SettingsImageInfo = { mime: 'image/png' | 'image/jpeg'; size: number };
/** The largest emblem or signature image the settings keep. */
export const MAX_SETTINGS_IMAGE_BYTES = 2 * 1024 * 1024;
/** Which image: the letterhead's emblem, or the signature of one of the mission's people. */
export const settingsImageSlotSchema = z.discriminatedUnion('slot', [
  z.object({ slot: z.literal('emblem') }).strict(),
  z.object({ slot: z.literal('signature'), person: idSchema }).strict(),
]);
export type SettingsImageSlot = z.infer<typeof settingsImageSlotSchema>;

export const settingsPatchSchema = z
  .object({
    interfaceLanguage: interfaceLanguageSchema.optional(),
    frenchSpacing: frenchSpacingSchema.optional(),
    /** An absolute path, or null for the default folder beside the library. */
    backupDir: z.string().min(1).max(4096).nullable().optional(),
    authorName: z.string().trim().max(200).optional(),
    mission: missionProfileSchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
