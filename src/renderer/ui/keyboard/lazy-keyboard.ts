import { preloadable } from '../preloadable.js';

/** The on-screen keyboard for screens in the page's first script (the catalogue's search): loaded at idle, not with the page. */
export const LazyOnScreenKeyboard = preloadable(async () => (await import('./OnScreenKeyboard.js')).OnScreenKeyboard);
