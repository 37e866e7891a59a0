/**
 * Where the kiosk's own software update stands, for the service panel and the fleet:
 * off (no feed: no portal, or a build that cannot update itself), up-to-date, checking,
 * downloading, ready (downloaded, waiting for an empty kiosk inside the nightly window),
 * installing, and error (the last check or download failed; the next check tries again).
 */
export const UPDATE_STATES = ['off', 'up-to-date', 'checking', 'downloading', 'ready', 'installing', 'error'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];
