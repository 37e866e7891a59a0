import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail } from '../../../shared/contract/ipc.js';
import { LoadState } from '../../ui/LoadState.js';
import { NavBar } from '../visit/NavBar.js';
import { SampleViewer } from './SampleViewer.js';
import { otherSampleLanguages, samplesForLanguage } from './sample-languages.js';
import { BlankFormPrint } from '../help/BlankFormPrint.js';
import { formatPrice, formatWorkingDays } from '../../ui/format.js';
import { useKioskStore } from '../../state/store.js';

/** Everything a visitor needs before applying: what, who, price, time, documents, sample forms, a blank form to print. */
export function ServiceScreen() {
  const service = useKioskStore((state) => state.service);
  const reloadScreen = useKioskStore((state) => state.reloadScreen);
  return (
    <main className="screen service" data-screen="service">
      <LoadState loadable={service} retry={reloadScreen}>
        {(detail) => <ServiceDetails service={detail} />}
      </LoadState>
      <NavBar />
    </main>
  );
}

function ServiceDetails({ service }: { service: ServiceDetail }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const [openSample, setOpenSample] = useState<ServiceDetail['sampleForms'][number]>();
  const startApplication = useKioskStore((state) => state.startApplication);
  const samples = samplesForLanguage(service.sampleForms, language);
  const languageNote = (sample: ServiceDetail['sampleForms'][number]) => {
    const others = otherSampleLanguages(sample.languages, language);
    return others ? t(`catalogue:sample.writtenIn.${others}`) : undefined;
  };
  const openSampleNote = openSample && languageNote(openSample);

  return (
    <>
      <header className="screen-header">
        <h1>{service.title}</h1>
        <p className="screen-subheading">{service.summary}</p>
      </header>
      <div className="screen-body service-body">
        <section className="service-section">
          <p>{service.description}</p>
          <h2>{t('catalogue:service.whoMayApply')}</h2>
          <p>{service.whoMayApply}</p>
          <p className="service-agency">
            {t('catalogue:service.agency')}: {service.agency}
          </p>
        </section>

        <section className="service-section service-costs" aria-labelledby="service-costs-heading">
          <h2 id="service-costs-heading">{t('catalogue:service.priceAndTime')}</h2>
          <dl className="service-facts-large">
            <div>
              <dt>{t('catalogue:priceLabel')}</dt>
              <dd data-testid="service-price">{formatPrice(t, language, service.priceSom)}</dd>
            </div>
            <div>
              <dt>{t('catalogue:timeLabel')}</dt>
              <dd data-testid="service-time">{formatWorkingDays(t, service.processingDays)}</dd>
            </div>
          </dl>
          {(service.priceAssumed || service.processingAssumed) && <p className="assumed-note">{t('catalogue:service.assumedNote')}</p>}
          {service.priceNote && <p className="service-note">{service.priceNote}</p>}
          {service.processingNote && <p className="service-note">{service.processingNote}</p>}
          {service.urgencyTiers.length > 0 && (
            <table className="urgency-table">
              <caption>{t('catalogue:service.urgency')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogue:timeLabel')}</th>
                  <th scope="col">{t('catalogue:priceLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {service.urgencyTiers.map((tier) => (
                  <tr key={tier.id}>
                    <td>
                      {tier.hours !== undefined ? t('catalogue:service.hours', { count: tier.hours }) : formatWorkingDays(t, tier.workingDays ?? 0)}
                      {tier.note && <span className="service-note"> — {tier.note}</span>}
                    </td>
                    <td>{formatPrice(t, language, tier.amountSom)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="service-section" aria-labelledby="service-documents-heading">
          <h2 id="service-documents-heading">{t('catalogue:service.documents')}</h2>
          <ul className="document-checklist">
            {service.requiredDocuments.map((document) => (
              <li key={document.id}>
                <span className="check-mark" aria-hidden="true">
                  ✓
                </span>
                <span>
                  {document.title}
                  {document.note && <span className="service-note"> — {document.note}</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>

        {service.sampleForms.length > 0 && (
          <section className="service-section" aria-labelledby="service-samples-heading">
            <h2 id="service-samples-heading">{t('catalogue:service.samples')}</h2>
            <div className="sample-buttons">
              {samples.map((sample) => {
                const note = languageNote(sample);
                return (
                  <div key={sample.id} className="sample-choice">
                    <button type="button" className="button secondary" onClick={() => setOpenSample(sample)} aria-describedby={note ? `sample-note-${sample.id}` : undefined}>
                      {t('catalogue:service.viewSample')}: {sample.title}
                    </button>
                    {note && (
                      <p className="service-note sample-language-note" id={`sample-note-${sample.id}`} data-testid="sample-language-note">
                        {note}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          </section>
        )}

        <BlankFormPrint serviceId={service.id} />

        <div className="primary-action">
          {service.availableHere ? (
            <button type="button" className="button primary apply-button" onClick={() => void startApplication(service.id)}>
              {t('catalogue:service.apply')}
            </button>
          ) : (
            // Its form failed on this kiosk's screen: the next visitor is sent to staff, not into the same failure.
            <p className="service-unavailable" role="status" data-testid="service-unavailable">
              <span aria-hidden="true">ⓘ </span>
              {t('catalogue:service.unavailableHere')}
            </p>
          )}
        </div>
      </div>

      {openSample && (
        <SampleViewer
          serviceId={service.id}
          sampleId={openSample.id}
          title={openSample.title}
          {...(openSampleNote ? { languageNote: openSampleNote } : {})}
          onClose={() => setOpenSample(undefined)}
        />
      )}
    </>
  );
}
