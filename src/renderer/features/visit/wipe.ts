import { useKioskStore } from '../../state/store.js';

/**
 * Ends a visit so the next visitor finds nothing of it: the store is reset (the screens that held
 * answers unmount, so the DOM no longer contains them), focus and selection are dropped, and the
 * clipboard and web storage are cleared even though the kiosk never writes to them.
 */
export function wipeVisit(): void {
  useKioskStore.getState().endVisit();
  clearVisitTraces();
}

/** The clerk's idle timer ran out: the clerk is signed out and everything on screen goes, as after a visit. */
export function wipeStaffSession(): void {
  void useKioskStore.getState().staffIdleTimedOut();
  clearVisitTraces();
}

/** What a visit may leave in the page besides the store: focus, a selection, storage, the clipboard. */
export function clearVisitTraces(): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  window.getSelection()?.removeAllRanges();
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage may be unavailable in a locked-down profile; there is then nothing to clear.
  }
  void navigator.clipboard?.writeText('').catch(() => undefined);
}
