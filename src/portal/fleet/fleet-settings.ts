/**
 * The fleet's two settings, read from the environment at start: a value that cannot be used
 * stops the portal with a line naming the setting and what it allows.
 *
 * Stale threshold: a kiosk sends a heartbeat every 60 seconds (its host's default; the published
 * content does not set it), so five minutes is five beats missed in a row — a kiosk that is off,
 * offline or hung, not one whose single request was lost. A fleet that beats slower
 * (KIOSK_HEARTBEAT_SECONDS) sets PORTAL_FLEET_STALE_MINUTES to about five of its intervals.
 */
export const DEFAULT_FLEET_STALE_MINUTES = 5;
export const DEFAULT_HEARTBEAT_RETENTION_DAYS = 30;

export interface FleetSettings {
  staleAfterMinutes: number;
  heartbeatRetentionDays: number;
}

export class FleetSettingError extends Error {
  override readonly name = 'FleetSettingError';
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, unit: string): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9]\d*$/.test(value) || Number(value) > max) throw new FleetSettingError(`${name} must be a whole number of ${unit} from 1 to ${max} (it is ${JSON.stringify(value.slice(0, 20))})`);
  return Number(value);
}

export function fleetSettingsFromEnvironment(env: NodeJS.ProcessEnv): FleetSettings {
  return {
    staleAfterMinutes: wholeNumber(env, 'PORTAL_FLEET_STALE_MINUTES', DEFAULT_FLEET_STALE_MINUTES, 10_080, 'minutes'),
    heartbeatRetentionDays: wholeNumber(env, 'PORTAL_HEARTBEAT_RETENTION_DAYS', DEFAULT_HEARTBEAT_RETENTION_DAYS, 3650, 'days'),
  };
}
