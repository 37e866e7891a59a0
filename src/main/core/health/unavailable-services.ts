import type { KioskDatabase } from '../storage/database.js';

const SETTING_KEY = 'unavailable_services';
/** More than any catalogue's services that could fail in a day; a longer list is cut, not grown. */
const MAX_REMEMBERED = 500;

interface Remembered {
  contentVersion: number | null;
  serviceIds: string[];
}

/**
 * Services whose form failed on this kiosk's screen, so the next visitor is sent to staff instead
 * of into the same failure. Kept in the database (a restart does not bring the failure back) and
 * tied to the content version: a new package may have fixed the form, so it starts with none.
 */
export class UnavailableServices {
  constructor(
    private readonly db: KioskDatabase,
    private readonly activeContentVersion: () => number | null,
  ) {}

  availableHere(serviceId: string): boolean {
    return !this.current().includes(serviceId);
  }

  /** True when the service was available until now. */
  disable(serviceId: string): boolean {
    const serviceIds = this.current();
    if (serviceIds.includes(serviceId)) return false;
    const next: Remembered = { contentVersion: this.activeContentVersion(), serviceIds: [...serviceIds, serviceId].slice(-MAX_REMEMBERED) };
    this.db
      .prepare('INSERT INTO kiosk_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(SETTING_KEY, JSON.stringify(next));
    return true;
  }

  count(): number {
    return this.current().length;
  }

  private current(): string[] {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM kiosk_setting WHERE key = ?').get(SETTING_KEY);
    if (!row) return [];
    try {
      const remembered = JSON.parse(row.value) as Remembered;
      return remembered.contentVersion === this.activeContentVersion() && Array.isArray(remembered.serviceIds) ? remembered.serviceIds : [];
    } catch {
      return [];
    }
  }
}
