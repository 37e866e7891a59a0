/** The kiosk page's own origin under Electron, served by the `app://` protocol handler. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Compares the parsed scheme and host, never string prefixes (`app://kiosk.evil` must not pass),
 * and not `URL.origin`, which is the string "null" for every non-special scheme in Node.
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
