import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetKiosk } from '../../shared/contract/fleet.js';
import type { EnrolmentCodeCreated } from '../../shared/contract/portal.js';
import { isValidKioskCode } from '../../shared/domain/receipt-number.js';
import { fleetApi, type FleetCallFailure } from '../api/fleet-api.js';
import { useDeskTime } from '../fleet/desk-time.js';
import { EnrolmentCodeCard } from '../kiosks/EnrolmentCodeCard.js';
import { RevokeDialog } from '../kiosks/RevokeDialog.js';
import '../styles/fleet.css';
import type { SectionPageProps } from './section-page.js';

const FAILURE_TEXTS = { 'signed-out': 'errors.signedOut', forbidden: 'errors.forbidden', invalid: 'errors.kioskCode', unavailable: 'errors.unavailable' } as const satisfies Record<
  FleetCallFailure,
  string
>;

/**
 * The kiosks and their credentials: an administrator makes a kiosk's one-time enrolment code
 * (shown once) or revokes a kiosk after confirming which. The list is the fleet search's answer.
 */
export function KiosksPage({ session, language }: SectionPageProps) {
  const { t } = useTranslation('kiosks');
  const { dateTime } = useDeskTime(language);
  const [kiosks, setKiosks] = useState<FleetKiosk[] | null>(null);
  const [listFailure, setListFailure] = useState<FleetCallFailure | null>(null);
  const [typed, setTyped] = useState('');
  const [formError, setFormError] = useState<FleetCallFailure | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<EnrolmentCodeCreated | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback(
    () =>
      fleetApi.fleet(session, {}).then((answer) => {
        if (answer.ok) {
          setKiosks(answer.value.kiosks);
          setListFailure(null);
        } else setListFailure(answer.failure);
      }),
    [session],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (kioskCode: string) => {
    setRevoked(null);
    setCreated(null);
    if (!isValidKioskCode(kioskCode)) {
      setFormError('invalid');
      input.current?.focus();
      return;
    }
    setFormError(null);
    setCreating(true);
    const answer = await fleetApi.createEnrolmentCode(session, kioskCode);
    setCreating(false);
    if (!answer.ok) return setFormError(answer.failure);
    setCreated(answer.value);
    setTyped('');
    void load();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create(typed.trim().toUpperCase());
  };

  return (
    <div className="kiosks">
      <p>{t('intro')}</p>
      {created && <EnrolmentCodeCard created={created} expiresAt={dateTime(created.expiresAt)} onClose={() => setCreated(null)} />}
      {revoked && (
        <p className="notice" role="status">
          {t('revoke.done', { kioskCode: revoked })}
        </p>
      )}
      <h2>{t('create.title')}</h2>
      <form className="kiosks__create" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="kiosk-code">{t('create.kioskCode')}</label>
          <input
            id="kiosk-code"
            ref={input}
            value={typed}
            maxLength={4}
            autoComplete="off"
            spellCheck={false}
            list="known-kiosks"
            aria-describedby="kiosk-code-hint kiosk-code-error"
            aria-invalid={formError === 'invalid' ? true : undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
          <datalist id="known-kiosks">
            {(kiosks ?? []).map((kiosk) => (
              <option key={kiosk.kioskCode} value={kiosk.kioskCode} />
            ))}
          </datalist>
        </div>
        <button type="submit" className="primary" disabled={creating}>
          {creating ? t('create.submitting') : t('create.submit')}
        </button>
      </form>
      <p id="kiosk-code-hint" className="kiosks__hint">
        {t('create.hint')} {t('create.replaces')}
      </p>
      <p id="kiosk-code-error" className="error" role="alert">
        {formError ? t(FAILURE_TEXTS[formError]) : ''}
      </p>

      {listFailure && (
        <p className="error" role="alert">
          {t(FAILURE_TEXTS[listFailure === 'invalid' ? 'unavailable' : listFailure])}
        </p>
      )}
      {!kiosks && !listFailure && <p role="status">{t('loading')}</p>}
      {kiosks && kiosks.length === 0 && <p>{t('empty')}</p>}
      {kiosks && kiosks.length > 0 && (
        <div className="fleet__table-frame">
          <table className="fleet__table" data-testid="kiosks-table">
            <caption>{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.kiosk')}</th>
                <th scope="col">{t('table.office')}</th>
                <th scope="col">{t('table.credential')}</th>
                <th scope="col">{t('table.code')}</th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {kiosks.map((kiosk) => (
                <tr key={kiosk.kioskCode} data-kiosk={kiosk.kioskCode}>
                  <th scope="row">{kiosk.kioskCode}</th>
                  <td>{kiosk.officeCode}</td>
                  <td data-column="credential">
                    {kiosk.credential.state === 'live'
                      ? t('credential.live', { time: dateTime(kiosk.credential.since!) })
                      : kiosk.credential.state === 'revoked'
                        ? t('credential.revoked', { time: dateTime(kiosk.credential.since!) })
                        : t('credential.neverEnrolled')}
                  </td>
                  <td>{kiosk.enrolmentCodeExpiresAt ? t('pendingCode', { time: dateTime(kiosk.enrolmentCodeExpiresAt) }) : t('noCode')}</td>
                  <td>
                    <div className="kiosks__actions">
                      <button type="button" aria-label={t('actions.newCodeFor', { kioskCode: kiosk.kioskCode })} disabled={creating} onClick={() => void create(kiosk.kioskCode)}>
                        {t('actions.newCode')}
                      </button>
                      {(kiosk.credential.state === 'live' || kiosk.enrolmentCodeExpiresAt) && (
                        <button type="button" aria-label={t('actions.revokeKiosk', { kioskCode: kiosk.kioskCode })} onClick={() => setRevoking(kiosk.kioskCode)}>
                          {t('actions.revoke')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking && (
        <RevokeDialog
          kioskCode={revoking}
          onCancel={() => setRevoking(null)}
          onRevoke={async () => {
            const answer = await fleetApi.revokeKiosk(session, revoking);
            if (!answer.ok) return answer.failure;
            setRevoking(null);
            setCreated(null);
            setRevoked(revoking);
            void load();
            return null;
          }}
        />
      )}
    </div>
  );
}
