/**
 * Options shared by every export format (DOCX, HTML print view, PDF), so the CLI, the app and
 * the tests describe an export the same way.
 */
import type { Lang } from '../model/schema';

export type ExportProfile = 'issued' | 'manuscript' | 'letterhead';
export type Paper = 'letter' | 'a4';
export type ExportFormat = 'docx' | 'pdf' | 'html';

export type ImageAsset = { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg'; widthPx?: number; heightPx?: number };

export type ExportOptions = {
  lang: Lang;
  profile: ExportProfile;
  /** Letter is the default (New York documents, all S/ documents); A4 for Geneva. */
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

export type ExportWarning = { code: string; message: string };

export function defaultExportOptions(lang: Lang, profile: ExportProfile = 'issued'): ExportOptions {
  return { lang, profile, paper: 'letter', watermark: profile === 'letterhead', finalised: false };
}
