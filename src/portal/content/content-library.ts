import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, manifestSchema, SIGNATURE_FILE, type ContentManifest, type TrustAnchor } from '../../shared/content/content-schema.js';
import { compareVersions, ContentRejection, sha256Hex, verifyPackage } from '../../shared/content/package-verification.js';
import type { PortalLog } from '../portal-log.js';
import { packageReader, writePackageFolder, type PackageFiles } from './package-files.js';

export interface PublishedPointer {
  version: number;
  etag: string;
}

/** A kiosk silent for this long is not counted as part of the fleet a package must reach. */
const FLEET_MEMORY_MS = 30 * 86_400_000;

export type PublishOutcome =
  | { outcome: 'published'; version: number }
  | { outcome: 'refused'; rejection: ContentRejection }
  | { outcome: 'ahead-of-fleet'; message: string };

/**
 * The published content packages on disk: one folder per version, and `latest.json` naming the
 * current one with its ETag. Publishing verifies a package as a kiosk would, writes it beside the
 * others, then moves the pointer in one rename, so a reader sees the old package or the new one.
 */
export class ContentLibrary {
  private readonly latestFile: string;
  /** A published package never changes, so neither does its ETag. */
  private readonly etags = new Map<number, string>();

  constructor(
    private readonly folder: string,
    private readonly deps: {
      trustAnchors: readonly TrustAnchor[];
      now: () => Date;
      log: PortalLog;
      /** The app versions the live kiosks run now (their latest heartbeats since the given moment). */
      fleetAppVersions: (since: Date) => Promise<string[]>;
    },
  ) {
    mkdirSync(folder, { recursive: true });
    this.latestFile = join(folder, 'latest.json');
  }

  latest(): PublishedPointer | null {
    return existsSync(this.latestFile) ? (JSON.parse(readFileSync(this.latestFile, 'utf8')) as PublishedPointer) : null;
  }

  /** Every published version, newest first, with its signed manifest (read from the package the portal verified when it was published). */
  versions(): { version: number; manifest: ContentManifest }[] {
    return readdirSync(this.folder)
      .filter((name) => /^[1-9]\d*$/.test(name))
      .map(Number)
      .sort((a, b) => b - a)
      .flatMap((version) => {
        const manifest = manifestSchema.safeParse(JSON.parse(readFileSync(join(this.folder, String(version), MANIFEST_FILE), 'utf8')));
        return manifest.success ? [{ version, manifest: manifest.data }] : [];
      });
  }

  isPublished(version: number): boolean {
    return existsSync(join(this.folder, String(version), MANIFEST_FILE));
  }

  /** A published version's ETag, as `latest.json` gives the newest's: the hash of its manifest and signature. */
  async etagOf(version: number): Promise<string> {
    let etag = this.etags.get(version);
    if (!etag) {
      const folder = join(this.folder, String(version));
      etag = `"${await sha256Hex(Buffer.concat([readFileSync(join(folder, MANIFEST_FILE)), readFileSync(join(folder, SIGNATURE_FILE))]))}"`;
      this.etags.set(version, etag);
    }
    return etag;
  }

  manifestBytes(version: number): Buffer {
    return readFileSync(join(this.folder, String(version), MANIFEST_FILE));
  }

  /** A file of a published package; `path` is a package path the contract allows (no `..`, no absolute path). */
  file(version: number, path: string): Buffer | null {
    const target = join(this.folder, String(version), ...path.split('/'));
    return existsSync(target) ? readFileSync(target) : null;
  }

  async publish(files: PackageFiles, options: { aheadOfFleet?: boolean } = {}): Promise<PublishOutcome> {
    const current = this.latest();
    try {
      const verified = await verifyPackage(packageReader(files), {
        trustAnchors: this.deps.trustAnchors,
        currentVersion: current?.version ?? null,
        appVersion: '999999.0.0',
        now: this.deps.now(),
      });
      const version = verified.manifest.version;
      const blocked = options.aheadOfFleet ? undefined : await this.aheadOfFleet(verified.manifest.minAppVersion);
      if (blocked) {
        this.deps.log('content_publish_refused', { code: 'APP_AHEAD_OF_FLEET' });
        return { outcome: 'ahead-of-fleet', message: blocked };
      }
      const staging = join(this.folder, `.staging-${randomUUID()}`);
      writePackageFolder(staging, files);
      renameSync(staging, join(this.folder, String(version)));
      const etag = `"${await sha256Hex(Buffer.concat([verified.manifestBytes, verified.signatureBytes]))}"`;
      const pointer = `${this.latestFile}.${randomUUID()}`;
      writeFileSync(pointer, JSON.stringify({ version, etag } satisfies PublishedPointer));
      renameSync(pointer, this.latestFile);
      this.deps.log('content_published', { version });
      return { outcome: 'published', version };
    } catch (error) {
      if (!(error instanceof ContentRejection)) throw error;
      this.deps.log('content_publish_refused', { code: error.code });
      return { outcome: 'refused', rejection: error };
    }
  }

  /**
   * Why no kiosk could apply a package needing this app version, or undefined when one could. A
   * portal no kiosk has reported to yet has no fleet to compare with, and publishes.
   */
  private async aheadOfFleet(minAppVersion: string): Promise<string | undefined> {
    // A heartbeat's version may carry a pre-release tail (1.2.0-rc.1); its x.y.z is what the manifest compares with.
    const since = new Date(this.deps.now().getTime() - FLEET_MEMORY_MS);
    const versions = (await this.deps.fleetAppVersions(since)).flatMap((version) => /^\d+\.\d+\.\d+/.exec(version) ?? []);
    if (versions.length === 0) return undefined;
    const newest = versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    if (compareVersions(minAppVersion, newest) <= 0) return undefined;
    return `${MANIFEST_FILE}: minAppVersion ${minAppVersion} is above the newest app any kiosk runs (${newest}), so no kiosk could apply it; publish with aheadOfFleet if that is intended`;
  }
}
