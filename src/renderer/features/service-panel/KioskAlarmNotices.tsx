import { useTranslation } from 'react-i18next';
import type { KioskAlarm } from '../../../shared/contract/kiosk-alarms.js';

/** The alarms the kiosk raises about itself, each in words with what to do, for the service panel. */
export function KioskAlarmNotices({ alarms }: { alarms: readonly KioskAlarm[] }) {
  const { t } = useTranslation();
  return (
    <>
      {alarms.map((alarm) => (
        <p key={alarm} className="error-panel" role="alert" data-testid="kiosk-alarm" data-alarm={alarm}>
          <span aria-hidden="true">⚠ </span>
          {t(`service-panel:kioskAlarms.${alarm}`)}
        </p>
      ))}
    </>
  );
}
