import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain/languages.js';

/**
 * The kiosk could not start: nothing on it works, so no language can be chosen first. The
 * screen says it in Kyrgyz, Russian and English at once, sends the visitor to the counter, and
 * gives the technician the code the recovery procedure is looked up by.
 */
export function OutOfService({ operatorCode }: { operatorCode: string }) {
  const { t } = useTranslation();
  return (
    <main className="screen failed" data-screen="out-of-service">
      {LANGUAGES.map((language, index) => {
        // One page heading; the same words in the other two languages are its equals, one level down.
        const Heading = index === 0 ? 'h1' : 'h2';
        return (
          <section key={language} lang={language} className="error-panel" aria-labelledby={`out-of-service-${language}`}>
            <Heading id={`out-of-service-${language}`}>
              <span aria-hidden="true">⚠ </span>
              {t('errors:outOfService.heading', { lng: language })}
            </Heading>
            <p>{t('errors:outOfService.body', { lng: language })}</p>
          </section>
        );
      })}
      <p className="out-of-service__code" data-testid="operator-code">
        {t('errors:outOfService.operator', { code: operatorCode })}
      </p>
    </main>
  );
}
