/**
 * What a kiosk raises about itself, in the heartbeat and the service panel, and clears by itself
 * when the cause goes away:
 * - disk-full: the last write to the kiosk's database failed for want of space, so applications
 *   cannot be saved (the visitor is told "not saved");
 * - log-writes-failing: the log file cannot be written; lines are dropped and counted;
 * - out-of-service: the kiosk shows its out-of-service screen (its database could not be opened).
 */
export const KIOSK_ALARMS = ['disk-full', 'log-writes-failing', 'out-of-service'] as const;
export type KioskAlarm = (typeof KIOSK_ALARMS)[number];
