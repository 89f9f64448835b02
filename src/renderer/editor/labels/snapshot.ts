/** The structure the labels were computed from (what the cross-reference picker and the checker panel read). */
import type { NodeKey } from 'lexical';
import type { Lang, RDocument } from '../../../core/model/schema';
import type { Numbering } from '../../../core/numbering/numbering';

export type StructureSnapshot = {
  lang: Lang;
  /** The document's structure (ids, kinds, levels, metadata, footnote runs; no words). */
  skeleton: RDocument;
  numbering: Numbering;
  /** Model id → node key, for parts and blocks. */
  keyOf: Map<string, NodeKey>;
};
