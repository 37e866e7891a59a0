import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '../../shared/ipc-contract.js';
import type { Language } from '../../shared/languages.js';
import { INTL_LOCALE } from '../i18n.js';

interface ServiceCardProps {
  service: ServiceSummary;
  language: Language;
}

export function ServiceCard({ service, language }: ServiceCardProps) {
  const { t } = useTranslation();
  const price =
    service.priceSom === 0
      ? t('catalogue.free')
      : t('catalogue.price', { amount: new Intl.NumberFormat(INTL_LOCALE[language]).format(service.priceSom) });
  const time =
    service.processingDays === 0 ? t('catalogue.sameDay') : t('catalogue.workingDays', { count: service.processingDays });

  return (
    <article className="service-card" data-service-id={service.id}>
      <h2 className="service-title">{service.title}</h2>
      <p className="service-summary">{service.summary}</p>
      <dl className="service-facts">
        <div>
          <dt>{t('catalogue.priceLabel')}</dt>
          <dd>{price}</dd>
        </div>
        <div>
          <dt>{t('catalogue.timeLabel')}</dt>
          <dd>{time}</dd>
        </div>
      </dl>
      {service.isDemo && <p className="demo-badge">{t('catalogue.demo')}</p>}
    </article>
  );
}
