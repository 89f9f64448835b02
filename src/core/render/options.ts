/**
 * What an export can be (format, profile, paper) and the options every format shares (DOCX,
 * HTML print view, PDF), so the CLI, the app, the IPC contract and the tests describe an export
 * the same way: these lists are the only ones.
 */
import type { Lang } from '../model/schema';

export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `issued`: the document as the Secretariat issues it (masthead, symbol headers, job number
 * furniture); `manuscript`: what a mission submits (no furniture, 12 pt double-spaced);
 * `letterhead`: the letter as the chair signs it (the mission's letterhead, the scanned signature).
 */
export const EXPORT_PROFILES = ['issued', 'manuscript', 'letterhead'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

/** Letter is the default (New York documents, all S/ documents); A4 for Geneva. */
export const PAPERS = ['letter', 'a4'] as const;
export type Paper = (typeof PAPERS)[number];

export type ImageAsset = { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg'; widthPx?: number; heightPx?: number };

export type ExportOptions = {
  lang: Lang;
  profile: ExportProfile;
  paper: Paper;
  /** « PROJET » / "DRAFT" across each page; on by default for the letterhead profile of a draft. */
  watermark: boolean;
  /** True only when exporting a finalised (signed) revision: signature images are placed only then. */
  finalised: boolean;
  /** Optional image in the emblem's place on the issued masthead (no UN emblem is shipped). */
  mastheadImage?: ImageAsset;
  /** Mission letterhead (letterhead profile). */
  letterhead?: { logo?: ImageAsset; lines: string[]; reference?: string; place?: string };
  /** Scanned signatures by person id (letterhead profile, finalised revisions only). */
  signatures?: Record<string, ImageAsset>;
};

/** Something the reader of an export should know (a missing translation, a placeholder left…), in English. */
export type ExportWarning = { code: string; message: string };

export function defaultExportOptions(lang: Lang, profile: ExportProfile = 'issued'): ExportOptions {
  return { lang, profile, paper: 'letter', watermark: profile === 'letterhead', finalised: false };
}

/**
 * True when the bytes really are the image type the asset claims (PNG or JPEG signature): an
 * image that is not is left out of every export, with an `image-invalid` warning.
 */
export function imageMatchesMime(image: ImageAsset): boolean {
  const b = image.bytes;
  if (image.mime === 'image/png') return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
  if (image.mime === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return false;
}
