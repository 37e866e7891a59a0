import { describe, expect, it } from 'vitest';
import { invalidStaffFields } from '../../../src/backoffice/staff/staff-fields.js';

/*
 * The staff form marks a field before anything is sent by the contract's own schema, the one the
 * portal checks: each wrong field is named, so the page can say what each one takes.
 */
const good = { officeCode: 'BSK', staffId: '3001', displayName: 'Aida Asanova', roles: ['clerk'] };

describe('the staff form', () => {
  it('finds nothing wrong with a complete record, with or without a card', () => {
    expect(invalidStaffFields(good)).toEqual({});
    expect(invalidStaffFields({ ...good, roles: ['clerk', 'technician'], cardNumber: '0012345678' })).toEqual({});
  });

  it('names each field the portal would refuse, and only those', () => {
    expect(invalidStaffFields({ ...good, officeCode: 'BS' })).toEqual({ officeCode: true });
    expect(invalidStaffFields({ ...good, officeCode: 'BSO' })).toEqual({ officeCode: true });
    expect(invalidStaffFields({ ...good, staffId: '12' })).toEqual({ staffId: true });
    expect(invalidStaffFields({ ...good, staffId: '12a4' })).toEqual({ staffId: true });
    expect(invalidStaffFields({ ...good, displayName: '' })).toEqual({ displayName: true });
    expect(invalidStaffFields({ ...good, displayName: 'Aida\u202eAsanova' })).toEqual({ displayName: true });
    expect(invalidStaffFields({ ...good, roles: [] })).toEqual({ roles: true });
    expect(invalidStaffFields({ ...good, cardNumber: '1234' })).toEqual({ cardNumber: true });
    expect(invalidStaffFields({ officeCode: 'x', staffId: '', displayName: '', roles: [], cardNumber: 'card' })).toEqual({
      officeCode: true,
      staffId: true,
      displayName: true,
      roles: true,
      cardNumber: true,
    });
  });
});
