import { useTranslation } from 'react-i18next';
import type { SectionPageProps } from './section-page.js';

/** The applications section: what it will hold, until its page is built. */
export function ApplicationsPage(_props: SectionPageProps) {
  const { t } = useTranslation('applications');
  return <p>{t('comesWith')}</p>;
}
