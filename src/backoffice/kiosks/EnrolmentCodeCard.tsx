import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentCodeCreated } from '../../shared/contract/portal.js';

/**
 * The one-time code, shown this once: large, in its two groups of five so a technician types it
 * without losing their place, with when it stops working. Focus moves here so a screen reader reads it.
 */
export function EnrolmentCodeCard({ created, expiresAt, onClose }: { created: EnrolmentCodeCreated; expiresAt: string; onClose: () => void }) {
  const { t } = useTranslation('kiosks');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created]);
  return (
    <section className="kiosks__code-card" aria-labelledby="enrolment-code-title" data-testid="enrolment-code-card">
      <h2 id="enrolment-code-title" ref={heading} tabIndex={-1}>
        {t('code.title', { kioskCode: created.kioskCode })}
      </h2>
      <div className="kiosks__code" role="group" aria-label={t('code.label')} data-testid="enrolment-code">
        {created.code.split('-').map((group) => (
          <span key={group}>{group}</span>
        ))}
      </div>
      <p>
        {t('code.once')} {t('code.expires', { time: expiresAt })}
      </p>
      <button type="button" onClick={onClose}>
        {t('code.close')}
      </button>
    </section>
  );
}
