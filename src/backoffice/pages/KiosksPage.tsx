import { useTranslation } from 'react-i18next';
import type { SectionPageProps } from './section-page.js';

/** The kiosks section: what it will hold, until its page is built. */
export function KiosksPage(_props: SectionPageProps) {
  const { t } = useTranslation('kiosks');
  return <p>{t('comesWith')}</p>;
}
