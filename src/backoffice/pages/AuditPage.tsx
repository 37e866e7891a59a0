import { useTranslation } from 'react-i18next';
import type { SectionPageProps } from './section-page.js';

/** The audit section: what it will hold, until its page is built. */
export function AuditPage(_props: SectionPageProps) {
  const { t } = useTranslation('audit');
  return <p>{t('comesWith')}</p>;
}
