import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '../../shared/contract/ipc.js';
import type { Language } from '../../shared/domain/languages.js';
import { formatPrice, formatWorkingDays } from './format.js';

interface ServiceCardProps {
  service: ServiceSummary;
  language: Language;
  onOpen: (serviceId: string) => void;
}

/** One service in a list: the whole card is the touch target that opens the service page. */
export function ServiceCard({ service, language, onOpen }: ServiceCardProps) {
  const { t } = useTranslation();
  return (
    <button type="button" className="service-card" data-service-id={service.id} onClick={() => onOpen(service.id)}>
      <span className="service-title">{service.title}</span>
      <span className="service-summary">{service.summary}</span>
      <span className="service-facts">
        <span>
          <span className="fact-label">{t('catalogue:priceLabel')}: </span>
          <strong>{formatPrice(t, language, service.priceSom)}</strong>
          {service.priceAssumed && <span className="assumed-mark"> ({t('catalogue:assumed')})</span>}
        </span>
        <span>
          <span className="fact-label">{t('catalogue:timeLabel')}: </span>
          <strong>{formatWorkingDays(t, service.processingDays)}</strong>
          {service.processingAssumed && <span className="assumed-mark"> ({t('catalogue:assumed')})</span>}
        </span>
      </span>
    </button>
  );
}

export function ServiceList({ services, language, onOpen }: { services: ServiceSummary[]; language: Language; onOpen: (id: string) => void }) {
  return (
    <ul className="service-list">
      {services.map((service) => (
        <li key={service.id}>
          <ServiceCard service={service} language={language} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
