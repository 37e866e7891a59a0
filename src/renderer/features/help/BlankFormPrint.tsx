import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kioskHost } from '../../host/kiosk-client.js';
import { useKioskStore } from '../../state/store.js';

type Outcome = 'printed' | 'saved' | 'NO_PRINTER' | 'PRINT_FAILED';
type PrintStatus = { status: 'idle' } | { status: 'printing' } | { status: 'done'; outcome: Outcome };

/**
 * "Print a blank form" on the service screen: the host writes the paper form from the service's
 * form definition in the visitor's language; the screen says in words what came of it.
 */
export function BlankFormPrint({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const [print, setPrint] = useState<PrintStatus>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const printBlankForm = async () => {
    setPrint({ status: 'printing' });
    const result = await kioskHost.printBlankForm({ serviceId, language });
    if (!mounted.current) return;
    // A refusal from the host (no such form any more, no answer) reads to the visitor as a print that did not work.
    const outcome: Outcome = !result.ok ? 'PRINT_FAILED' : result.value.outcome === 'failed' ? result.value.reason : result.value.outcome;
    setPrint({ status: 'done', outcome });
  };

  return (
    <section className="service-section blank-form" aria-labelledby="blank-form-heading">
      <h2 id="blank-form-heading">{t('help:print.heading')}</h2>
      <p>{t('help:print.explain')}</p>
      <button type="button" className="button secondary" disabled={print.status === 'printing'} onClick={() => void printBlankForm()}>
        <span aria-hidden="true">⎙ </span>
        {t('help:print.button')}
      </button>
      <p className="print-status" role="status" data-testid="blank-form-status" data-print-status={print.status === 'done' ? print.outcome : print.status}>
        {print.status === 'printing' && t('help:print.printing')}
        {print.status === 'done' && t(`help:print.${print.outcome}`)}
      </p>
    </section>
  );
}
