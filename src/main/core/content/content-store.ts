import { CATALOGUE_PART } from '../../../shared/content/content-schema.js';
import { contentProblemSchema, type ContentProblem } from '../../../shared/content/content-meaning.js';
import type { VerifiedPackage } from '../../../shared/content/package-verification.js';
import type { KioskDatabase } from '../storage/database.js';

export type ContentSource = 'bundled' | 'portal' | 'folder';

export interface StoredPackage {
  version: number;
  keyId: string;
  source: ContentSource;
  expires: string;
  appliedAt: string;
}

export interface ContentEvent {
  at: string;
  source: ContentSource;
  outcome: 'applied' | 'rejected' | 'failed';
  version: number | null;
  code: string | null;
  detail: string | null;
  /** For a package refused for its meaning: the first problem, for a translated reason. */
  problem: ContentProblem | null;
}

interface PackageRow {
  version: number;
  key_id: string;
  source: ContentSource;
  expires: string;
  applied_at: string;
}

const toPackage = (row: PackageRow): StoredPackage => ({
  version: row.version,
  keyId: row.key_id,
  source: row.source,
  expires: row.expires,
  appliedAt: row.applied_at,
});

/**
 * Content packages in the kiosk database. A package is applied in ONE transaction: its rows go in,
 * the active flag moves, everything older than the previous package goes out. A crash at any
 * point leaves either the old or the new package active, never a mixture.
 */
export class ContentStore {
  constructor(private readonly db: KioskDatabase) {}

  active(): StoredPackage | undefined {
    const row = this.db
      .prepare<[], PackageRow>('SELECT version, key_id, source, expires, applied_at FROM content_package WHERE is_active = 1')
      .get();
    return row && toPackage(row);
  }

  previous(): StoredPackage | undefined {
    const row = this.db
      .prepare<[], PackageRow>(
        'SELECT version, key_id, source, expires, applied_at FROM content_package WHERE is_active = 0 ORDER BY version DESC LIMIT 1',
      )
      .get();
    return row && toPackage(row);
  }

  /** The highest version ever applied here; nothing at or below it is accepted again (rollback). */
  highestVersion(): number | null {
    const row = this.db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM content_package').get();
    return row?.version ?? null;
  }

  readActivePart(path: string): Uint8Array | undefined {
    const row = this.db
      .prepare<[string], { data: Uint8Array }>(
        `SELECT p.data FROM content_part p JOIN content_package k ON k.version = p.package_version
         WHERE k.is_active = 1 AND p.path = ?`,
      )
      .get(path);
    return row?.data;
  }

  activeCatalogueBytes(): Uint8Array | undefined {
    return this.readActivePart(CATALOGUE_PART);
  }

  apply(verified: VerifiedPackage, source: ContentSource, appliedAt: Date): void {
    const { manifest } = verified;
    const insertPart = this.db.prepare('INSERT INTO content_part (package_version, path, data) VALUES (?, ?, ?)');
    this.db
      .transaction(() => {
        const previous = this.active();
        this.db
          .prepare(
            `INSERT INTO content_package (version, key_id, source, manifest, signature, expires, applied_at, is_active)
             VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
          )
          .run(manifest.version, manifest.keyId, source, verified.manifestBytes, verified.signatureBytes, manifest.expires, appliedAt.toISOString());
        for (const [path, data] of verified.parts) insertPart.run(manifest.version, path, data);
        this.db.prepare('UPDATE content_package SET is_active = 0 WHERE is_active = 1').run();
        this.db.prepare('UPDATE content_package SET is_active = 1 WHERE version = ?').run(manifest.version);
        // Keep the new package and the one it replaces; older ones only take space.
        this.db
          .prepare('DELETE FROM content_package WHERE version NOT IN (?, ?)')
          .run(manifest.version, previous?.version ?? manifest.version);
        this.recordEventInTransaction({ at: appliedAt.toISOString(), source, outcome: 'applied', version: manifest.version, code: null, detail: null, problem: null });
      })
      .immediate();
  }

  recordEvent(event: ContentEvent): void {
    this.recordEventInTransaction(event);
    // The admin history needs the recent past only.
    this.db.prepare('DELETE FROM content_event WHERE id <= (SELECT max(id) - 200 FROM content_event)').run();
  }

  recentEvents(limit = 10): ContentEvent[] {
    return this.db
      .prepare<[number], Omit<ContentEvent, 'problem'> & { problem: string | null }>(
        'SELECT at, source, outcome, version, code, detail, problem FROM content_event ORDER BY id DESC LIMIT ?',
      )
      .all(limit)
      .map((row) => ({ ...row, problem: readProblem(row.problem) }));
  }

  private recordEventInTransaction(event: ContentEvent): void {
    this.db
      .prepare('INSERT INTO content_event (at, source, outcome, version, code, detail, problem) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(event.at, event.source, event.outcome, event.version, event.code, event.detail, event.problem ? JSON.stringify(event.problem) : null);
  }
}

/** A stored problem read back; anything unreadable (a row from a future version, say) reads as none. */
function readProblem(stored: string | null): ContentProblem | null {
  if (stored === null) return null;
  try {
    const parsed = contentProblemSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
