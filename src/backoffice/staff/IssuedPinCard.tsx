import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinIssued } from '../../shared/contract/staff-page.js';

/**
 * A PIN the portal made, shown this once: the portal keeps only its hash, so closing the card
 * loses it for good (a lost PIN is reset, never looked up). Focus moves here so a screen reader
 * reads it at once.
 */
export function IssuedPinCard({ issued, reset, onClose }: { issued: PinIssued; reset: boolean; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [issued]);
  const { member } = issued;
  return (
    <section className="kiosks__code-card" aria-labelledby="issued-pin-title" data-testid="issued-pin-card">
      <h2 id="issued-pin-title" ref={heading} tabIndex={-1}>
        {t(reset ? 'pin.titleReset' : 'pin.titleCreated', { name: member.displayName, staffId: member.staffId })}
      </h2>
      <div className="kiosks__code" role="group" aria-label={t('pin.label')} data-testid="issued-pin">
        <span>{issued.pin}</span>
      </div>
      <p>
        {t('pin.once')} {t('pin.published', { officeCode: member.officeCode, version: issued.listVersion })}
      </p>
      <button type="button" onClick={onClose}>
        {t('pin.close')}
      </button>
    </section>
  );
}
