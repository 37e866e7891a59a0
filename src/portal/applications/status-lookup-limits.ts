import { PORTAL_ENDPOINTS } from '../../shared/contract/portal.js';
import type { RateLimitSetting } from '../http/rate-limits.js';

/**
 * The status lookup's limits, read from the environment at start; unset means the contract's
 * defaults (30 a minute and 1,000 a day per kiosk credential, 60 a minute per address). A value that
 * cannot be used stops the portal with a line naming the setting. The README's "Receipt numbers"
 * section works out how long guessing a number takes at the defaults: raising a limit shortens that
 * time in proportion.
 */
export class StatusLookupLimitError extends Error {
  override readonly name = 'StatusLookupLimitError';
}

export const STATUS_LOOKUP_LIMIT_SETTINGS = {
  perCredential: 'PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_KIOSK',
  perCredentialPerDay: 'PORTAL_STATUS_LOOKUPS_PER_DAY_PER_KIOSK',
  perAddress: 'PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_ADDRESS',
} as const satisfies Record<keyof RateLimitSetting, string>;

const MAX = { perCredential: 600, perCredentialPerDay: 100_000, perAddress: 6000 } as const;

export function statusLookupLimitsFromEnvironment(env: NodeJS.ProcessEnv): RateLimitSetting {
  const defaults = PORTAL_ENDPOINTS.applicationStatus.rateLimit;
  const setting: RateLimitSetting = {};
  for (const key of Object.keys(STATUS_LOOKUP_LIMIT_SETTINGS) as (keyof RateLimitSetting)[]) {
    const name = STATUS_LOOKUP_LIMIT_SETTINGS[key];
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^[1-9]\d*$/.test(value) || Number(value) > MAX[key]) {
      throw new StatusLookupLimitError(`${name} must be a whole number from 1 to ${MAX[key]} (the default is ${defaults?.[key === 'perAddress' ? 'max' : key]}; it is ${JSON.stringify(value.slice(0, 20))})`);
    }
    setting[key] = Number(value);
  }
  return setting;
}
