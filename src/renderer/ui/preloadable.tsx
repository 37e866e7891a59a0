import { lazy, type ComponentType, type JSX } from 'react';

export interface Preloadable<P extends object> {
  (props: P): JSX.Element;
  /** Starts loading the part now (at idle, after the first screen), so that the visitor's tap never waits for it. */
  preload(): Promise<unknown>;
}

/**
 * A part of the page kept out of its first script and loaded when first needed or, earlier, while
 * the kiosk is idle. Once loaded it renders at once: `lazy` alone would show its fallback for a
 * frame on every first use, even of a part already in memory.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed load may be tried again on the next use instead of failing every later one.
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function PreloadablePart(props: P): JSX.Element {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(PreloadablePart, { preload });
}

/** Loads the given parts one after another whenever the page is idle, starting after the first paint. */
export function preloadWhenIdle(parts: readonly { preload(): Promise<unknown> }[]): void {
  const queue = [...parts];
  const next = () => {
    const part = queue.shift();
    if (!part) return;
    // A part that fails to load now is loaded again when first used; the screen boundary shows that failure.
    void part.preload().catch(() => undefined).then(() => requestIdleCallback(next));
  };
  requestIdleCallback(next);
}
