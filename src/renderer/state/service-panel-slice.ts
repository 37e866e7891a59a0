import type { KioskApi } from '../../shared/contract/ipc.js';
import type { Result } from '../../shared/contract/result.js';
import type { InstallOutcome } from '../../shared/contract/ipc.js';
import { idle, loadableOf } from './loadable.js';
import type { PanelAction, ServicePanelSlice, SliceCreator, VisitScopedState } from './types.js';

export const servicePanelVisitDefaults = { lastAction: undefined } satisfies Partial<VisitScopedState>;

const outcomeOf = (kind: PanelAction['kind'], result: Result<InstallOutcome>): PanelAction => ({
  kind,
  outcome: result.ok ? result.value : { outcome: 'failed', detail: result.error.code },
});

/**
 * The administrator's panel: the content status, loaded once when the panel opens and then
 * pushed by the host (a check, a download's progress, an install, a refusal), and the manual actions.
 */
export const createServicePanelSlice =
  (host: KioskApi): SliceCreator<ServicePanelSlice> =>
  (set, get) => {
    // A load answered after an event carries an older state than the event: it is dropped.
    let eventsSeen = 0;
    const loadEnrolment = async () => {
      const result = await host.getEnrolmentStatus({});
      if (get().screen === 'service-panel') set({ enrolment: loadableOf(result) });
    };
    const loadUpdateStatus = async () => {
      const result = await host.getUpdateStatus({});
      if (get().screen === 'service-panel') set({ updateStatus: loadableOf(result) });
    };
    const afterAction = async (kind: PanelAction['kind'], action: () => Promise<Result<InstallOutcome>>) => {
      set({ lastAction: { kind, outcome: { outcome: 'busy' } } });
      set({ lastAction: outcomeOf(kind, await action()) });
      await get().refreshContentStatus();
    };
    return {
      ...servicePanelVisitDefaults,
      contentStatus: idle(),
      enrolment: idle(),
      updateStatus: idle(),
      openServicePanel: () => {
        set({ screen: 'service-panel', lastAction: undefined });
        void get().refreshContentStatus();
        void get().loadSyncStatus();
        void loadEnrolment();
        void loadUpdateStatus();
      },
      refreshContentStatus: async () => {
        const eventsBefore = eventsSeen;
        // What is on screen stays there while it is refreshed; only a first load shows "loading".
        if (get().contentStatus.status !== 'ready') set({ contentStatus: { status: 'loading' } });
        const result = await host.getContentStatus({});
        if (eventsSeen === eventsBefore && get().screen === 'service-panel') set({ contentStatus: loadableOf(result) });
      },
      contentStatusChanged: (status) => {
        eventsSeen += 1;
        set({ contentStatus: { status: 'ready', value: status } });
      },
      checkForContentUpdate: () => afterAction('check', () => host.checkForContentUpdate({})),
      importFromRemovableMedia: () => afterAction('import', () => host.importContentFromRemovableMedia({})),
      enrolKiosk: async (code) => {
        const result = await host.enrolKiosk({ code });
        if (result.ok && result.value.outcome === 'enrolled') await loadEnrolment();
        return result.ok ? result.value : { outcome: 'failed', code: result.error.code };
      },
    };
  };
