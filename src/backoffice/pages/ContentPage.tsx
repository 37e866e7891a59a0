import { useTranslation } from 'react-i18next';
import type { SectionPageProps } from './section-page.js';

/** The content section: what it will hold, until its page is built. */
export function ContentPage(_props: SectionPageProps) {
  const { t } = useTranslation('content');
  return <p>{t('comesWith')}</p>;
}
