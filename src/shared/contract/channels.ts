/**
 * The names of the host's channels and events, kept apart from their zod schemas so the Electron
 * preload and the browser bridge stay tiny; ipc-contract.ts must define exactly these (a type
 * error otherwise).
 */
export const CHANNELS = [
  'getKioskInfo',
  'listCategories',
  'listServices',
  'getService',
  'searchServices',
  'getSampleForm',
  'getContentStatus',
  'checkForContentUpdate',
  'importContentFromRemovableMedia',
  'startApplication',
  'submitApplication',
  'cancelApplication',
  'reportScreenFailure',
  'printReceipt',
  'printBlankForm',
  'getSyncStatus',
  'syncNow',
  'getUpdateStatus',
  'reportVisit',
  'lookupApplication',
  'signInStaff',
  'signOutStaff',
  'getStaffSession',
  'listQueue',
  'getEnrolmentStatus',
  'enrolKiosk',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Host-to-page notifications; the page subscribes with `window.kiosk.on<Event>(listener)`. */
export const HOST_EVENTS = ['contentUpdated', 'applicationDelivered', 'syncStatusChanged', 'contentStatusChanged', 'staffSessionEnded', 'staffListUpdated'] as const;
export type HostEventName = (typeof HOST_EVENTS)[number];
export const eventSubscriberName = <E extends HostEventName>(event: E) =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`;

/** The one IPC channel on which the Electron main process sends host events to the page's preload. */
export const HOST_EVENT_CHANNEL = 'kiosk:host-event';
