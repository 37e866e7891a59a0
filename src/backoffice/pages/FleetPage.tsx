import { useTranslation } from 'react-i18next';
import type { SectionPageProps } from './section-page.js';

/** The fleet section: what it will hold, until its page is built. */
export function FleetPage(_props: SectionPageProps) {
  const { t } = useTranslation('fleet');
  return <p>{t('comesWith')}</p>;
}
