import type { Logger } from '../core/logger.js';

/** What the watchdog needs of the kiosk window, so the decision can be tested without Electron. */
export interface WatchedRenderer {
  /** Electron's render-process-gone (with its reason), unresponsive and responsive. */
  onGone(listener: (reason: string, exitCode: number) => void): void;
  onUnresponsive(listener: () => void): void;
  onResponsive(listener: () => void): void;
  /** Loads the page afresh: it opens on the attract screen with nothing of the last visit. */
  reloadAttract(): void;
  /** Ends a hung renderer so that onGone fires and the page is loaded again. */
  crash(): void;
}

/** How long a renderer may hang before it is ended: long enough for a slow PDF, short enough that a visitor does not walk away. */
export const UNRESPONSIVE_GRACE_MS = 10_000;

/**
 * Keeps a kiosk's page alive: a renderer that crashed (or was killed for memory) is loaded again
 * on the attract screen, and one that hangs past the grace period is ended and so loaded again
 * too. A visit on a crashed page is lost either way; a kiosk stuck on a frozen or blank screen
 * loses every visitor after it. Each event is logged by its reason only.
 */
export function watchRenderer(renderer: WatchedRenderer, log: Logger, graceMs = UNRESPONSIVE_GRACE_MS): void {
  let hung: ReturnType<typeof setTimeout> | undefined;
  renderer.onGone((reason, exitCode) => {
    clearTimeout(hung);
    hung = undefined;
    log.error('renderer_gone', { reason, exitCode });
    // A clean exit is the app quitting, not a failure to recover from.
    if (reason !== 'clean-exit') renderer.reloadAttract();
  });
  renderer.onUnresponsive(() => {
    log.warn('renderer_unresponsive', { graceMs });
    hung ??= setTimeout(() => {
      hung = undefined;
      log.error('renderer_ended_after_hang', { graceMs });
      renderer.crash();
    }, graceMs);
  });
  renderer.onResponsive(() => {
    if (!hung) return;
    clearTimeout(hung);
    hung = undefined;
    log.info('renderer_responsive_again');
  });
}
