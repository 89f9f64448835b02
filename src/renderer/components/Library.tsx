import { useAppTranslation } from '../i18n';

/** Placeholder until the store exists: where saved drafts will be listed. */
export function Library() {
  const { t } = useAppTranslation();
  return (
    <nav className="library" aria-labelledby="library-title" data-testid="library">
      <h1 id="library-title">{t('library.title')}</h1>
      <h2>{t('library.drafts')}</h2>
      <p className="empty">{t('library.empty')}</p>
      <p className="hint">{t('library.hint')}</p>
    </nav>
  );
}
