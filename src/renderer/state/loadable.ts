import type { Result } from '../../shared/contract/result.js';
import type { KioskState, Loadable } from './types.js';

export const idle = <T>(): Loadable<T> => ({ status: 'idle' });

/** A host answer as a Loadable: the value when it is ok, its error code when it is not. */
export function loadableOf<T>(result: Result<T>): Loadable<T> {
  return result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error.code };
}

type LoadableKey = { [K in keyof KioskState]-?: KioskState[K] extends Loadable<unknown> ? K : never }[keyof KioskState];
type LoadedValue<K extends LoadableKey> = KioskState[K] extends Loadable<infer T> ? T : never;

/**
 * Runs one host request into a Loadable field; an answer that arrives after the visitor has moved
 * on (another language, another service, a new search) is dropped by `stillWanted`.
 */
export async function load<K extends LoadableKey>(
  set: (partial: Partial<KioskState>) => void,
  key: K,
  request: () => Promise<Result<LoadedValue<K>>>,
  stillWanted: () => boolean,
): Promise<void> {
  set({ [key]: { status: 'loading' } });
  const result = await request();
  if (stillWanted()) set({ [key]: loadableOf(result) });
}
