import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain/languages.js';
import { STAFF_PIN_MAX_DIGITS, STAFF_PIN_MIN_DIGITS } from '../../../shared/content/staff-identifiers.js';
import type { HostError } from '../../../shared/contract/result.js';
import { useKioskStore } from '../../state/store.js';
import { formatClock } from '../../ui/format.js';
import { DigitPad } from './DigitPad.js';
import './staff.css';

type Field = 'staffId' | 'pin';
/** A staff id is 4 to 8 digits; a longer number is a staff card's (up to 20). */
const STAFF_ID_MAX_DIGITS = 8;
const CARD_MAX_DIGITS = 20;
const MAX_DIGITS: Record<Field, number> = { staffId: CARD_MAX_DIGITS, pin: STAFF_PIN_MAX_DIGITS };

/**
 * Staff sign in with their staff id (or staff card number) and PIN on the digit pad. What is typed
 * stays in this screen only and is gone when it closes; the PIN shows as dots.
 */
export function StaffSignInScreen() {
  const { t, i18n } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const chooseStaffLanguage = useKioskStore((state) => state.chooseStaffLanguage);
  const signInStaff = useKioskStore((state) => state.signInStaff);
  const endVisit = useKioskStore((state) => state.endVisit);
  const cardRead = useKioskStore((state) => state.staffSignInCard);
  // A card read on the attract screen fills the number: only the PIN is left to type.
  const [values, setValues] = useState<Record<Field, string>>(() => ({ staffId: cardRead ?? '', pin: '' }));
  const [field, setField] = useState<Field>(cardRead ? 'pin' : 'staffId');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const type = (key: string) => {
    setValues((current) => {
      const value = current[field];
      const next = key === 'Backspace' ? value.slice(0, -1) : (value + key).slice(0, MAX_DIGITS[field]);
      return { ...current, [field]: next };
    });
  };

  const submit = async () => {
    const { staffId, pin } = values;
    if (!/^\d{4,20}$/.test(staffId)) {
      setField('staffId');
      return setProblem(t('staff:signIn.needStaffId'));
    }
    if (pin.length < STAFF_PIN_MIN_DIGITS) {
      setField('pin');
      return setProblem(t('staff:signIn.needPin'));
    }
    setBusy(true);
    setProblem(undefined);
    const request = staffId.length > STAFF_ID_MAX_DIGITS ? { cardNumber: staffId, pin } : { staffId, pin };
    const refusal = await signInStaff(request);
    setBusy(false);
    if (!refusal) return;
    // A refused PIN is not left on the screen for the next try.
    setValues((current) => ({ ...current, pin: '' }));
    setField('pin');
    setProblem(refusalText(t, refusal));
  };

  return (
    <main className="screen staff-sign-in" data-screen="staff-sign-in">
      <header className="screen-header staff-sign-in-header">
        <h1>{t('staff:signIn.heading')}</h1>
        <div className="staff-languages" role="radiogroup" aria-label={t('common:language.heading')}>
          {LANGUAGES.map((choice) => (
            <button
              key={choice}
              type="button"
              role="radio"
              lang={choice}
              aria-checked={choice === language}
              className={`button secondary staff-language${choice === language ? ' selected' : ''}`}
              onClick={() => {
                chooseStaffLanguage(choice);
                setProblem(undefined);
              }}
            >
              {i18n.getFixedT(choice)('common:language.ownName')}
            </button>
          ))}
        </div>
      </header>
      <form
        className="screen-body staff-sign-in-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="staff-sign-in-entry">
          <StaffField id="staff-id" label={t('staff:signIn.staffId')} value={values.staffId} active={field === 'staffId'} onSelect={() => setField('staffId')} />
          <StaffField id="staff-pin" label={t('staff:signIn.pin')} value={values.pin} masked active={field === 'pin'} onSelect={() => setField('pin')} />
          <div aria-live="polite">
            {problem && (
              <p className="error-panel" role="alert" data-testid="staff-sign-in-problem">
                <span aria-hidden="true">⚠ </span>
                {problem}
              </p>
            )}
            {busy && <p className="status-message">{t('staff:signIn.checking')}</p>}
          </div>
        </div>
        <DigitPad label={t('staff:signIn.digitPad')} onKey={type} />
        <nav className="screen-actions staff-sign-in-actions">
          <button type="button" className="button secondary" onClick={endVisit}>
            {t('staff:signIn.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('staff:signIn.submit')}
          </button>
        </nav>
      </form>
    </main>
  );
}

interface StaffFieldProps {
  id: string;
  label: string;
  value: string;
  active: boolean;
  masked?: boolean;
  onSelect: () => void;
}

/** A field the digit pad types into; touching it makes it the one the pad fills. */
function StaffField({ id, label, value, active, masked, onSelect }: StaffFieldProps) {
  return (
    <div className={`staff-field${active ? ' active' : ''}`}>
      <label htmlFor={id} className="field-part-label">
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        type={masked ? 'password' : 'text'}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        readOnly
        aria-current={active ? 'true' : undefined}
        value={value}
        onFocus={onSelect}
        onClick={onSelect}
      />
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function refusalText(t: Translate, refusal: HostError): string {
  if (refusal.code === 'WRONG_PIN') return t('staff:signIn.wrongPin', { count: refusal.details?.attemptsLeft ?? 0 });
  if (refusal.code === 'LOCKED' && refusal.details?.until) return t('staff:signIn.locked', { time: formatClock(new Date(refusal.details.until)) });
  return t('staff:signIn.failed');
}
