import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS, AuditEntryRefused, parseAuditEntry } from '../../../../src/main/core/audit/audit-kinds.js';
import { receiptNumberOf } from '../../../support/receipt-numbers.js';
import { EXAMPLE_ENTRIES } from './audit-fixtures.js';

const VISITOR_NAME = 'Айгүл Асанова';
const PIN = '482916';

function refusal(entry: unknown): AuditEntryRefused {
  try {
    parseAuditEntry(entry);
  } catch (error) {
    if (error instanceof AuditEntryRefused) return error;
    throw error;
  }
  throw new Error('the entry was accepted');
}

describe('what the audit trail may hold', () => {
  it('accepts an ordinary entry of every declared kind', () => {
    expect(Object.keys(EXAMPLE_ENTRIES).sort()).toEqual([...AUDIT_KINDS].sort());
    for (const kind of AUDIT_KINDS) expect(parseAuditEntry(EXAMPLE_ENTRIES[kind])).toEqual(EXAMPLE_ENTRIES[kind]);
  });

  it.each([
    [
      'a name in a field of its own',
      { ...EXAMPLE_ENTRIES.assisted_application, details: { serviceId: 'id-card-replacement', contentVersion: 2, visitorName: VISITOR_NAME } },
    ],
    ['a PIN in a field of its own', { ...EXAMPLE_ENTRIES.staff_sign_in_failed, details: { reason: 'WRONG_PIN', pin: PIN } }],
    ['a name where a receipt number goes', { ...EXAMPLE_ENTRIES.assisted_application, subject: VISITOR_NAME }],
    ['a name where a staff id goes', { ...EXAMPLE_ENTRIES.staff_sign_in, actor: VISITOR_NAME }],
    ['a name where a code goes', { ...EXAMPLE_ENTRIES.content_refused, details: { source: 'folder', code: VISITOR_NAME } }],
    ['a name where a service id goes', { ...EXAMPLE_ENTRIES.assisted_application, details: { serviceId: VISITOR_NAME, contentVersion: 2 } }],
    ['a name where the portal\'s error code goes', { ...EXAMPLE_ENTRIES.sync_alarm, details: { alarm: 'CREDENTIAL_REFUSED', code: VISITOR_NAME } }],
    ['a PIN where a content version goes', { ...EXAMPLE_ENTRIES.content_applied, subject: `${PIN} ${PIN}` }],
    ['answers beside the entry', { ...EXAMPLE_ENTRIES.receipt_reprint, answers: { fullName: VISITOR_NAME } }],
    ['a mistyped receipt number (its check character is wrong)', { ...EXAMPLE_ENTRIES.receipt_reprint, subject: 'BSK1-0000-7X' }],
  ])('refuses %s, without repeating it in the error', (_, entry) => {
    const error = refusal(entry);
    expect(error.message).not.toContain(VISITOR_NAME);
    expect(error.message).not.toContain(PIN);
  });

  it('names the field it refused, so the caller can see what it tried to record', () => {
    expect(refusal({ ...EXAMPLE_ENTRIES.staff_sign_in_failed, details: { reason: 'WRONG_PIN', pin: PIN } }).problems).toEqual(['details: no such field (pin)']);
    expect(refusal({ ...EXAMPLE_ENTRIES.staff_sign_in, actor: VISITOR_NAME }).problems).toEqual(['actor: invalid_format']);
  });

  it('names the actor only where the kind allows: nobody for a sync alarm, always a staff id for a sign-in', () => {
    expect(() => parseAuditEntry({ ...EXAMPLE_ENTRIES.sync_alarm, actor: '1042' })).toThrow(AuditEntryRefused);
    expect(() => parseAuditEntry({ ...EXAMPLE_ENTRIES.staff_sign_in, actor: null })).toThrow(AuditEntryRefused);
    expect(parseAuditEntry({ ...EXAMPLE_ENTRIES.staff_sign_in_failed, actor: null, details: { reason: 'UNKNOWN_STAFF' } })).toMatchObject({ actor: null });
  });

  it('takes an assisted application of a package numbered by date, so a clerk’s application is never refused for its content version', () => {
    const entry = { kind: 'assisted_application', actor: '1001', subject: receiptNumberOf('BSK1', 7), details: { serviceId: 'birth', contentVersion: 2026120201 } } as const;
    expect(parseAuditEntry(entry)).toEqual(entry);
  });

  it('refuses a kind that is not declared', () => {
    expect(refusal({ kind: 'visitor_answers', actor: null, subject: null, details: {} }).problems).toEqual(['kind: not an audit kind']);
    expect(refusal(null).problems).toEqual(['kind: not an audit kind']);
  });
});
