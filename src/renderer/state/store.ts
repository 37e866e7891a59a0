import { create, type StoreApi } from 'zustand';
import type { KioskApi } from '../../shared/contract/ipc.js';
import { kioskHost } from '../host/kiosk-client.js';
import { applicationVisitDefaults, createApplicationSlice } from './application-slice.js';
import { catalogueVisitDefaults, createCatalogueSlice } from './catalogue-slice.js';
import { clerkQueueVisitDefaults, createClerkQueueSlice } from './clerk-queue-slice.js';
import { createKioskInfoSlice } from './kiosk-info-slice.js';
import { createLookupSlice, lookupVisitDefaults } from './lookup-slice.js';
import { createPresentationSlice, presentationVisitDefaults } from './presentation-slice.js';
import { createServicePanelSlice, servicePanelVisitDefaults } from './service-panel-slice.js';
import { createStaffSlice, staffVisitDefaults } from './staff-slice.js';
import { createSyncSlice } from './sync-slice.js';
import type { KioskState, Screen, SliceCreator, VisitScopedState } from './types.js';
import { createVisitSlice, visitSliceDefaults } from './visit-slice.js';

export type { KioskState, Loadable, Screen } from './types.js';

const visitDefaults: VisitScopedState = {
  ...visitSliceDefaults,
  ...presentationVisitDefaults,
  ...catalogueVisitDefaults,
  ...lookupVisitDefaults,
  ...servicePanelVisitDefaults,
  ...staffVisitDefaults,
  ...clerkQueueVisitDefaults,
  ...applicationVisitDefaults,
};

/** The whole state from its slices, all speaking to `host`. Middleware, if any, goes here at the root. */
export const createKioskState =
  (host: KioskApi): SliceCreator<KioskState> =>
  (...a) => ({
    ...createVisitSlice(host, visitDefaults)(...a),
    ...createPresentationSlice(...a),
    ...createCatalogueSlice(host)(...a),
    ...createLookupSlice(host)(...a),
    ...createKioskInfoSlice(host)(...a),
    ...createSyncSlice(host)(...a),
    ...createServicePanelSlice(host)(...a),
    ...createStaffSlice(host)(...a),
    ...createClerkQueueSlice(host)(...a),
    ...createApplicationSlice(host)(...a),
  });

export const useKioskStore = create<KioskState>()(createKioskState(kioskHost));

/**
 * Follows the host's events into the store until the returned function is called: new content,
 * a delivered application, the sync and content status that staff see change without polling, and
 * a staff session the host ended.
 */
export function followHostEvents(store: StoreApi<KioskState>, host: KioskApi): () => void {
  const stops = [
    host.onContentUpdated(() => {
      void store.getState().loadKioskInfo();
      // New content shows at once on whatever screen is open, without a restart.
      store.getState().reloadScreen();
    }),
    host.onApplicationDelivered(({ receiptNumber }) => store.getState().applicationDelivered(receiptNumber)),
    host.onSyncStatusChanged((status) => store.getState().syncStatusChanged(status)),
    host.onContentStatusChanged((status) => store.getState().contentStatusChanged(status)),
    // The host ended the staff session by itself (its idle limit, content without the record): the page follows at once.
    host.onStaffSessionEnded(() => store.getState().staffSessionEnded()),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Screens a visit starts from and ends on: the attract screen, and a signed-in clerk's home between visitors. */
const BETWEEN_VISITS: ReadonlySet<Screen> = new Set<Screen>(['attract', 'clerk-home']);

/**
 * Tells the host when a visit opens and ends, until the returned function is called: the host
 * installs an update or restarts only between visits, and clears the browser's storage and cache
 * when one ends. Said once at the start too, since a page loaded afresh (after a crash) has no visit.
 */
export function reportVisits(store: StoreApi<KioskState>, host: KioskApi): () => void {
  let open = !BETWEEN_VISITS.has(store.getState().screen);
  void host.reportVisit({ open });
  return store.subscribe((state) => {
    const nowOpen = !BETWEEN_VISITS.has(state.screen);
    if (nowOpen === open) return;
    open = nowOpen;
    void host.reportVisit({ open });
  });
}
