/**
 * The nightly maintenance window: the hours in which a kiosk may install an update or restart,
 * in the office's local time. A window may run past midnight (23:30 to 05:00). Pure: the host
 * passes the local minute of the day it reads from its own clock.
 */
export interface MaintenanceWindow {
  /** HH:MM, 24-hour clock. */
  from: string;
  /** HH:MM, 24-hour clock; the window ends before this minute. */
  to: string;
}

/** When the content names no window: the small hours, when no office of the service is open. */
export const DEFAULT_MAINTENANCE_WINDOW: MaintenanceWindow = { from: '02:00', to: '05:00' };

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minuteOfDay(clockTime: string): number {
  if (!CLOCK_TIME.test(clockTime)) throw new RangeError(`not a time of day: ${clockTime}`);
  const [hours, minutes] = clockTime.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** Whether the local minute of the day (0..1439) falls inside the window; an empty window (from = to) holds no minute. */
export function isInsideWindow(localMinute: number, window: MaintenanceWindow): boolean {
  const from = minuteOfDay(window.from);
  const to = minuteOfDay(window.to);
  if (from <= to) return localMinute >= from && localMinute < to;
  return localMinute >= from || localMinute < to;
}
