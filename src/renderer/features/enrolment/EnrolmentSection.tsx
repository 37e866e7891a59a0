import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentOutcome, EnrolmentStatus } from '../../../shared/contract/ipc.js';
import { useKioskStore } from '../../state/store.js';
import { formatClock } from '../../ui/format.js';
import { EnrolmentCodePad } from './EnrolmentCodePad.js';
import './enrolment.css';

const CODE_LENGTH = 10;
/** What the last try came to; for too many tries, until when (worked out when the answer came, not at each render). */
type Shown = EnrolmentOutcome | { outcome: 'failed'; code: string } | { outcome: 'need-code' } | { outcome: 'too-many-tries'; until: Date };

/**
 * "Enrol this kiosk" in the service panel: whether the kiosk holds its portal credential (never the
 * credential itself), and the entry of a one-time code on a pad of the code's own keys. What is typed
 * stays in this section and is cleared after each try.
 */
export function EnrolmentSection() {
  const { t } = useTranslation();
  const enrolment = useKioskStore((state) => state.enrolment);
  const enrolKiosk = useKioskStore((state) => state.enrolKiosk);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | undefined>();
  const status = enrolment.status === 'ready' ? enrolment.value : undefined;
  if (!status) return null;

  const type = (key: string) => {
    setShown(undefined);
    setTyped((value) => (key === 'Backspace' ? value.slice(0, -1) : (value + key).slice(0, CODE_LENGTH)));
  };
  const submit = async () => {
    if (typed.length < CODE_LENGTH) return setShown({ outcome: 'need-code' });
    setBusy(true);
    setShown(undefined);
    const outcome = await enrolKiosk(typed);
    setBusy(false);
    setTyped('');
    setShown(outcome.outcome === 'too-many-tries' ? { outcome: 'too-many-tries', until: new Date(Date.now() + (outcome.retryAfterSeconds ?? 60) * 1000) } : outcome);
  };

  return (
    <section className="panel-enrolment" aria-labelledby="panel-enrolment-heading">
      <h2 id="panel-enrolment-heading">{t('service-panel:enrolment.heading')}</h2>
      <p data-testid="enrolment-state" data-enrolled={status.enrolled}>
        {stateText(t, status)}
      </p>
      {status.portal && (
        <form
          className="enrolment-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="enrolment-entry">
            <label htmlFor="enrolment-code" className="field-part-label">
              {t('service-panel:enrolment.codeLabel')}
            </label>
            <input
              id="enrolment-code"
              className="text-input enrolment-code"
              type="text"
              inputMode="none"
              autoComplete="off"
              spellCheck={false}
              readOnly
              value={typed.length > 5 ? `${typed.slice(0, 5)}-${typed.slice(5)}` : typed}
            />
            <div aria-live="polite">
              {busy && <p className="status-message">{t('service-panel:enrolment.checking')}</p>}
              {shown && <OutcomeMessage shown={shown} />}
            </div>
            <button type="submit" className="button primary" disabled={busy}>
              {t('service-panel:enrolment.submit')}
            </button>
          </div>
          <EnrolmentCodePad label={t('service-panel:enrolment.codePad')} onKey={type} />
        </form>
      )}
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function stateText(t: Translate, status: EnrolmentStatus): string {
  if (!status.portal) return t('service-panel:enrolment.noPortal');
  if (!status.enrolled) return t('service-panel:enrolment.notEnrolled');
  return t(status.source === 'environment' ? 'service-panel:enrolment.enrolledFromEnvironment' : 'service-panel:enrolment.enrolled');
}

function OutcomeMessage({ shown }: { shown: Shown }) {
  const { t } = useTranslation();
  const text =
    shown.outcome === 'failed'
      ? t('service-panel:enrolment.outcome.failed', { code: shown.code })
      : shown.outcome === 'too-many-tries'
        ? t('service-panel:enrolment.outcome.too-many-tries', { time: 'until' in shown ? formatClock(shown.until) : '' })
        : t(`service-panel:enrolment.outcome.${shown.outcome}`);
  if (shown.outcome === 'enrolled') {
    return (
      <p className="status-message enrolment-outcome" role="status" data-testid="enrolment-outcome" data-outcome={shown.outcome}>
        <span aria-hidden="true">✓ </span>
        {text}
      </p>
    );
  }
  return (
    <p className="error-panel enrolment-outcome" role="alert" data-testid="enrolment-outcome" data-outcome={shown.outcome}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}
