/** The checker's findings as the CLI words them: messages from locales/{en,fr}/checker.json, locations in the document's labels. */
import type { TFunction } from 'i18next';
import type { Finding } from '../core/checker';
import type { Lang, RDocument } from '../core/model/schema';
import { listParts } from '../core/model/walk';
import { numberDocument } from '../core/numbering/numbering';
import { translator } from './messages';
import en from '../../locales/en/checker.json' with { type: 'json' };
import fr from '../../locales/fr/checker.json' with { type: 'json' };

/** A translator for the checker's messages, in one language. */
export function checkerMessages(lang: Lang): Promise<TFunction> {
  return translator(lang, { checker: { en, fr } });
}

/** Where a finding is, in the document's own labels: « Annexe II 12. », "letter", "document". */
export function findingLocation(doc: RDocument, f: Finding, t: TFunction, lang: Lang): string {
  const n = numberDocument(doc, lang);
  const partId = f.partId ?? (f.blockId !== undefined ? n.partOf.get(f.blockId) : undefined);
  const part = partId !== undefined ? listParts(doc).find((p) => p.part.id === partId)?.part : undefined;
  const where: string[] = [];
  if (part) where.push(n.parts.get(part.id)?.label ?? t(`part.${part.kind}`));
  const label = f.blockId !== undefined ? n.blocks.get(f.blockId)?.label : undefined;
  if (label) where.push(label);
  else if (f.blockId !== undefined) where.push(f.blockId);
  return where.length > 0 ? where.join(' ') : t('part.document');
}
