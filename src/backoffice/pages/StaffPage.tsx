import { useTranslation } from 'react-i18next';
import type { SectionPageProps } from './section-page.js';

/** The staff section: what it will hold, until its page is built. */
export function StaffPage(_props: SectionPageProps) {
  const { t } = useTranslation('staff');
  return <p>{t('comesWith')}</p>;
}
