import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, type TrustAnchor } from '../../shared/content/content-schema.js';
import { ContentRejection, sha256Hex, verifyPackage } from '../../shared/content/package-verification.js';
import type { PortalLog } from '../portal-log.js';
import { packageReader, writePackageFolder, type PackageFiles } from './package-files.js';

export interface PublishedPointer {
  version: number;
  etag: string;
}

export type PublishOutcome = { outcome: 'published'; version: number } | { outcome: 'refused'; rejection: ContentRejection };

/**
 * The published content packages on disk: one folder per version, and `latest.json` naming the
 * current one with its ETag. Publishing verifies a package as a kiosk would, writes it beside the
 * others, then moves the pointer in one rename, so a reader sees the old package or the new one.
 */
export class ContentLibrary {
  private readonly latestFile: string;

  constructor(
    private readonly folder: string,
    private readonly deps: { trustAnchors: readonly TrustAnchor[]; now: () => Date; log: PortalLog },
  ) {
    mkdirSync(folder, { recursive: true });
    this.latestFile = join(folder, 'latest.json');
  }

  latest(): PublishedPointer | null {
    return existsSync(this.latestFile) ? (JSON.parse(readFileSync(this.latestFile, 'utf8')) as PublishedPointer) : null;
  }

  manifestBytes(version: number): Buffer {
    return readFileSync(join(this.folder, String(version), MANIFEST_FILE));
  }

  /** A file of a published package; `path` is a package path the contract allows (no `..`, no absolute path). */
  file(version: number, path: string): Buffer | null {
    const target = join(this.folder, String(version), ...path.split('/'));
    return existsSync(target) ? readFileSync(target) : null;
  }

  async publish(files: PackageFiles): Promise<PublishOutcome> {
    const current = this.latest();
    try {
      const verified = await verifyPackage(packageReader(files), {
        trustAnchors: this.deps.trustAnchors,
        currentVersion: current?.version ?? null,
        appVersion: '999999.0.0',
        now: this.deps.now(),
      });
      const version = verified.manifest.version;
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
}
