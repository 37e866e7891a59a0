import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../shared/content/staff-schema.js';
import type { CreateStaffRequest } from '../../shared/contract/staff-page.js';
import { invalidStaffFields, STAFF_FIELDS, type FieldErrors, type StaffField } from './staff-fields.js';

/**
 * Adds a clerk or technician to an office. Each field says in words what it takes, and a field the
 * portal would refuse is marked before anything is sent; what was typed stays when the portal
 * refuses (a taken staff id or card), so nothing has to be typed again.
 */
export function StaffForm({
  knownOffices,
  defaultOffice,
  busy,
  onCreate,
}: {
  knownOffices: readonly string[];
  defaultOffice: string | undefined;
  busy: boolean;
  onCreate: (request: CreateStaffRequest) => Promise<boolean>;
}) {
  const { t } = useTranslation('staff');
  const [officeCode, setOfficeCode] = useState(defaultOffice ?? '');
  const [staffId, setStaffId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(['clerk']);
  const [cardNumber, setCardNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const fields = useRef<Partial<Record<StaffField, HTMLElement | null>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = {
      officeCode: officeCode.trim().toUpperCase(),
      staffId: staffId.trim(),
      displayName: displayName.trim(),
      roles: STAFF_ROLES.filter((role) => roles.includes(role)),
      ...(cardNumber.trim() ? { cardNumber: cardNumber.trim() } : {}),
    };
    const invalid = invalidStaffFields(request);
    setErrors(invalid);
    const first = STAFF_FIELDS.find((field) => invalid[field]);
    if (first) return fields.current[first]?.focus();
    if (await onCreate(request)) {
      setStaffId('');
      setDisplayName('');
      setCardNumber('');
      setRoles(['clerk']);
    }
  };

  const described = (field: StaffField) => ({
    'aria-describedby': `staff-${field}-hint staff-${field}-error`,
    'aria-invalid': errors[field] ? true : undefined,
  });
  const message = (field: StaffField) => (
    <>
      <span id={`staff-${field}-hint`} className="staff__hint">
        {t(`form.hints.${field}`)}
      </span>
      <span id={`staff-${field}-error`} className="error">
        {errors[field] ? t(`form.errors.${field}`) : ''}
      </span>
    </>
  );

  return (
    <form className="staff__form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="staff-form-title" data-testid="staff-form">
      <h2 id="staff-form-title">{t('form.title')}</h2>
      <div className="field">
        <label htmlFor="staff-officeCode">{t('form.officeCode')}</label>
        <input
          id="staff-officeCode"
          ref={(element) => void (fields.current.officeCode = element)}
          className="staff__short"
          value={officeCode}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          list="staff-known-offices"
          onChange={(event) => setOfficeCode(event.target.value)}
          {...described('officeCode')}
        />
        <datalist id="staff-known-offices">
          {knownOffices.map((office) => (
            <option key={office} value={office} />
          ))}
        </datalist>
        {message('officeCode')}
      </div>
      <div className="field">
        <label htmlFor="staff-staffId">{t('form.staffId')}</label>
        <input
          id="staff-staffId"
          ref={(element) => void (fields.current.staffId = element)}
          className="staff__short"
          value={staffId}
          inputMode="numeric"
          maxLength={8}
          autoComplete="off"
          onChange={(event) => setStaffId(event.target.value)}
          {...described('staffId')}
        />
        {message('staffId')}
      </div>
      <div className="field">
        <label htmlFor="staff-displayName">{t('form.displayName')}</label>
        <input
          id="staff-displayName"
          ref={(element) => void (fields.current.displayName = element)}
          value={displayName}
          maxLength={80}
          autoComplete="off"
          onChange={(event) => setDisplayName(event.target.value)}
          {...described('displayName')}
        />
        {message('displayName')}
      </div>
      <fieldset className="staff__roles" {...described('roles')}>
        <legend>{t('form.roles')}</legend>
        {STAFF_ROLES.map((role, index) => (
          <label key={role}>
            <input
              type="checkbox"
              ref={index === 0 ? (element) => void (fields.current.roles = element) : undefined}
              checked={roles.includes(role)}
              onChange={(event) => setRoles((current) => (event.target.checked ? [...current, role] : current.filter((held) => held !== role)))}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
        {message('roles')}
      </fieldset>
      <div className="field">
        <label htmlFor="staff-cardNumber">{t('form.cardNumber')}</label>
        <input
          id="staff-cardNumber"
          ref={(element) => void (fields.current.cardNumber = element)}
          value={cardNumber}
          inputMode="numeric"
          maxLength={20}
          autoComplete="off"
          onChange={(event) => setCardNumber(event.target.value)}
          {...described('cardNumber')}
        />
        {message('cardNumber')}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('form.submitting') : t('form.submit')}
      </button>
    </form>
  );
}
