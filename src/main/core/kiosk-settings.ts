import type { LocalizedText } from '../../shared/languages.js';
import type { KioskDatabase } from './database.js';

const OFFICE_NAME_KEY = 'office_name';

/** Per-kiosk settings kept in the database (the office the kiosk stands in, and later the rest). */
export class KioskSettings {
  constructor(private readonly db: KioskDatabase) {}

  officeName(): LocalizedText | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM kiosk_setting WHERE key = ?').get(OFFICE_NAME_KEY);
    return row ? (JSON.parse(row.value) as LocalizedText) : undefined;
  }

  setOfficeName(name: LocalizedText): void {
    this.db
      .prepare('INSERT INTO kiosk_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(OFFICE_NAME_KEY, JSON.stringify(name));
  }
}
