import type { KioskApi } from '../../shared/contract/ipc.js';
import type { KioskInfoSlice, SliceCreator } from './types.js';

/** The office name and idle timings from the content settings; not visit-scoped. */
export const createKioskInfoSlice =
  (host: KioskApi): SliceCreator<KioskInfoSlice> =>
  (set) => ({
    info: undefined,
    loadKioskInfo: async () => {
      const result = await host.getKioskInfo({});
      // Without it the attract screen still works (no office name); the catalogue reports host errors.
      if (result.ok) set({ info: result.value });
      else if (result.error.code === 'OUT_OF_SERVICE') set({ outOfService: result.error.details?.operatorCode ?? 'KK-UNKNOWN' });
    },
  });
