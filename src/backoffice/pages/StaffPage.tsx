import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateStaffRequest, PinIssued, StaffMember, StaffPage as StaffPageAnswer } from '../../shared/contract/staff-page.js';
import { fleetApi } from '../api/fleet-api.js';
import { staffApi, type StaffCallFailure } from '../api/staff-api.js';
import { useDeskTime } from '../fleet/desk-time.js';
import { IssuedPinCard } from '../staff/IssuedPinCard.js';
import { StaffActionDialog, staffFailureKey, type StaffAction } from '../staff/StaffActionDialog.js';
import { StaffForm } from '../staff/StaffForm.js';
import '../styles/fleet.css';
import '../styles/staff.css';
import type { SectionPageProps } from './section-page.js';

/**
 * The staff of each office: an administrator adds clerks and technicians, disables and re-enables
 * them and resets their PINs. Each change is signed into the office's next staff list, which its
 * kiosks fetch beside their content; the page shows the version each office is offered, and says
 * so plainly when the portal has no key to sign with and no kiosk will hear of a change.
 */
export function StaffPage({ session, language }: SectionPageProps) {
  const { t } = useTranslation('staff');
  const { dateTime } = useDeskTime(language);
  const [officeCode, setOfficeCode] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState<StaffPageAnswer | null>(null);
  const [listFailure, setListFailure] = useState<StaffCallFailure | null>(null);
  const [knownOffices, setKnownOffices] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [formFailure, setFormFailure] = useState<StaffCallFailure | null>(null);
  const [issued, setIssued] = useState<{ issued: PinIssued; reset: boolean } | null>(null);
  const [changed, setChanged] = useState<{ member: StaffMember; listVersion: number } | null>(null);
  const [acting, setActing] = useState<{ member: StaffMember; action: StaffAction } | null>(null);
  const latestRequest = useRef(0);

  const learnOffices = useCallback((offices: readonly string[]) => setKnownOffices((known) => [...new Set([...known, ...offices])].sort()), []);

  const load = useCallback(
    (office: string | undefined) => {
      const request = ++latestRequest.current;
      return staffApi.search(session, office ? { officeCode: office } : {}).then((result) => {
        if (request !== latestRequest.current) return;
        if (result.ok) {
          setAnswer(result.value);
          setListFailure(null);
          learnOffices([...result.value.staff.map((member) => member.officeCode), ...result.value.lists.map((list) => list.officeCode)]);
        } else setListFailure(result.failure);
      });
    },
    [session, learnOffices],
  );

  useEffect(() => {
    void load(officeCode);
  }, [load, officeCode]);

  // The fleet's offices too, so the first clerk of an office with kiosks can be picked, not typed.
  useEffect(() => {
    void fleetApi.fleet(session, {}).then((fleet) => fleet.ok && learnOffices(fleet.value.offices));
  }, [session, learnOffices]);

  const create = async (request: CreateStaffRequest) => {
    setCreating(true);
    setFormFailure(null);
    setChanged(null);
    const result = await staffApi.create(session, request);
    setCreating(false);
    if (!result.ok) {
      setFormFailure(result.failure);
      return false;
    }
    setIssued({ issued: result.value, reset: false });
    void load(officeCode);
    return true;
  };

  const confirm = async (member: StaffMember, action: StaffAction): Promise<StaffCallFailure | null> => {
    if (action === 'reset') {
      const result = await staffApi.resetPin(session, member.officeCode, member.staffId);
      if (!result.ok) return result.failure;
      setIssued({ issued: result.value, reset: true });
    } else {
      const result = await staffApi.setState(session, member.officeCode, member.staffId, action === 'disable' ? 'disabled' : 'active');
      if (!result.ok) return result.failure;
      setChanged(result.value);
    }
    setActing(null);
    void load(officeCode);
    return null;
  };

  const staff = answer?.staff ?? [];
  return (
    <div className="staff">
      <p>{t('intro')}</p>
      {answer && !answer.publishing && (
        <p className="notice staff__warning" role="alert" data-testid="staff-not-publishing">
          {t('notPublishing')}
        </p>
      )}
      {issued && <IssuedPinCard issued={issued.issued} reset={issued.reset} onClose={() => setIssued(null)} />}
      {changed && (
        <p className="notice" role="status" data-testid="staff-changed">
          {t(changed.member.state === 'active' ? 'changed.enabled' : 'changed.disabled', {
            name: changed.member.displayName,
            officeCode: changed.member.officeCode,
            version: changed.listVersion,
          })}
        </p>
      )}

      <StaffForm knownOffices={knownOffices} defaultOffice={officeCode} busy={creating} onCreate={create} />
      <p className="error" role="alert" data-testid="staff-form-failure">
        {formFailure ? t(staffFailureKey(formFailure)) : ''}
      </p>

      <h2>{t('list.title')}</h2>
      <form className="fleet__filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="staff-office-filter">{t('filters.office')}</label>
          <select id="staff-office-filter" value={officeCode ?? ''} onChange={(event) => setOfficeCode(event.target.value || undefined)}>
            <option value="">{t('filters.allOffices')}</option>
            {knownOffices.map((office) => (
              <option key={office} value={office}>
                {office}
              </option>
            ))}
          </select>
        </div>
      </form>

      {answer && answer.lists.length > 0 && (
        <ul className="staff__lists" aria-label={t('lists.label')} data-testid="staff-lists">
          {answer.lists.map((list) => (
            <li key={list.officeCode} data-office={list.officeCode}>
              {t('lists.version', { officeCode: list.officeCode, version: list.version, time: dateTime(list.issuedAt) })}
            </li>
          ))}
        </ul>
      )}

      {listFailure && (
        <p className="error" role="alert">
          {t(staffFailureKey(listFailure))}
        </p>
      )}
      {!answer && !listFailure && <p role="status">{t('loading')}</p>}
      {answer && staff.length === 0 && <p>{t('empty')}</p>}
      {staff.length > 0 && (
        <div className="fleet__table-frame">
          <table className="fleet__table" data-testid="staff-table">
            <caption>{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.office')}</th>
                <th scope="col">{t('table.staffId')}</th>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.roles')}</th>
                <th scope="col">{t('table.card')}</th>
                <th scope="col">{t('table.state')}</th>
                <th scope="col">{t('table.pinIssued')}</th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={`${member.officeCode}-${member.staffId}`} data-staff={`${member.officeCode}-${member.staffId}`} className={member.state === 'disabled' ? 'staff__row--disabled' : undefined}>
                  <td>{member.officeCode}</td>
                  <th scope="row">{member.staffId}</th>
                  <td>{member.displayName}</td>
                  <td data-column="roles">{member.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                  <td>{member.cardNumber ?? t('table.noCard')}</td>
                  <td data-column="state">{t(`states.${member.state}`)}</td>
                  <td>{dateTime(member.pinIssuedAt)}</td>
                  <td>
                    <div className="kiosks__actions">
                      {member.state === 'active' ? (
                        <>
                          <button type="button" aria-label={t('actions.disableFor', { name: member.displayName })} onClick={() => setActing({ member, action: 'disable' })}>
                            {t('actions.disable')}
                          </button>
                          <button type="button" aria-label={t('actions.resetFor', { name: member.displayName })} onClick={() => setActing({ member, action: 'reset' })}>
                            {t('actions.reset')}
                          </button>
                        </>
                      ) : (
                        <button type="button" aria-label={t('actions.enableFor', { name: member.displayName })} onClick={() => setActing({ member, action: 'enable' })}>
                          {t('actions.enable')}
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
      {acting && <StaffActionDialog member={acting.member} action={acting.action} onCancel={() => setActing(null)} onConfirm={() => confirm(acting.member, acting.action)} />}
    </div>
  );
}
