import type { StaffRecord } from '../../src/shared/content/staff-schema.js';

/** The PIN of the test catalogue's technician. */
export const TEST_TECHNICIAN_PIN = '705531';

/**
 * The technician every test catalogue carries, so a test can sign in before it uses the service
 * panel's channels. Hashed once at the lowest cost the package schema accepts, to keep tests quick.
 */
export const TEST_TECHNICIAN: StaffRecord = {
  staffId: '7001',
  displayName: 'Test Technician',
  roles: ['technician'],
  pinHash: {
    algorithm: 'scrypt',
    N: 16384,
    r: 8,
    p: 1,
    keyLength: 32,
    salt: 'yaUPC90dSxrTBChQFEu8+w==',
    hash: '9tAkzds4CY9W0onj722EnaBVdMZ1s2erm+eDNU22oIU=',
  },
};

/** Signs the test technician in through the host's router, as the sign-in screen does; throws if refused. */
export async function signInTechnician(router: { handle(channel: string, payload: unknown): Promise<{ ok: boolean }> }): Promise<void> {
  const result = await router.handle('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN });
  if (!result.ok) throw new Error(`the test technician could not sign in: ${JSON.stringify(result)}`);
}

/** The PIN of the test clerk. */
export const TEST_CLERK_PIN = '482910';

/** A clerk for assisted applications, hashed once like the technician. */
export const TEST_CLERK: StaffRecord = {
  staffId: '1042',
  displayName: 'Айгүл Сыдыкова',
  roles: ['clerk'],
  pinHash: {
    algorithm: 'scrypt',
    N: 16384,
    r: 8,
    p: 1,
    keyLength: 32,
    salt: 'EOrCAb4aTfKrNAALiUQTCg==',
    hash: 'NADxA7pWbIJoneM4AfXfuzE2Ukl23Xf7fiUZm9wZneg=',
  },
};
