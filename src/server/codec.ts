/**
 * How a dossier's language version lives in Yjs: the same mapping the editor's collaboration
 * binding uses (model → Lexical → Yjs, and back), so the server can bootstrap a shared document
 * from the model (never a client: two clients bootstrapping at once would duplicate the content)
 * and write the model back as revisions.
 */
import type * as Y from 'yjs';
import type { Lang, RDocument } from '../core/model/schema';

export type YCodec = {
  /** A fresh Yjs update holding `doc`'s `lang` version, as the editor's binding reads it. */
  encode(doc: RDocument, lang: Lang): Uint8Array;
  /** The model read back from the Yjs document of `lang`; what it does not carry comes from `base`. */
  decode(ydoc: Y.Doc, lang: Lang, base: RDocument): RDocument;
  /**
   * Where a worker thread finds this codec (module URL and export name), when decoding is too
   * heavy for the server's event loop; without it the server decodes in line.
   */
  worker?: { module: string; name: string };
};
