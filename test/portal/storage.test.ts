import Database from 'better-sqlite3';
import pg from 'pg';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPortal } from '../../src/portal/server.js';
import { SqlitePortalStore } from '../../src/portal/storage/sqlite/sqlite-store.js';
import { SQLITE_MIGRATIONS } from '../../src/portal/storage/sqlite/migrations/index.js';
import { StoreTooNewError } from '../../src/portal/storage/portal-store.js';
import { ADMIN_TOKEN, makeSubmission, STORE_KINDS, useStorage, validHeartbeat } from './support.js';

describe.each(STORE_KINDS)('portal store (%s)', (kind) => {
  const { storage } = useStorage(kind);

  it('is the kind createPortalStore picks for its options', async () => {
    const store = await (await storage()).open();
    expect(store.kind).toBe(kind);
  });

  it('is what startPortal opens (and closes) from databaseUrl or, without one, dataFolder/portal.sqlite', async () => {
    const target = await storage();
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-data-'));
    try {
      const portal = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [], databaseUrl: target.options.databaseUrl });
      expect(portal.store.kind).toBe(kind);
      expect(existsSync(join(dataFolder, 'portal.sqlite'))).toBe(kind === 'sqlite');
      await portal.close();
      await expect(portal.store.stats()).rejects.toThrow();
    } finally {
      rmSync(dataFolder, { recursive: true, force: true });
    }
  });

  it('migrates repeatedly and concurrently (several portal processes starting together)', async () => {
    const target = await storage();
    const stores = await Promise.all(Array.from({ length: 5 }, () => target.open()));
    await Promise.all(stores.map((store) => store.migrate()));
    await stores[0]!.migrate();
    expect(await stores[1]!.stats()).toEqual({ submissions: 0, heartbeats: 0, credentials: 0, liveCredentials: 0 });
  });

  it('refuses a database written by a newer portal', async () => {
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    if (kind === 'sqlite') {
      const db = new Database(target.options.sqliteFile);
      db.pragma('user_version = 99');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: target.options.databaseUrl });
      await client.connect();
      await client.query('UPDATE portal_schema_version SET version = 99');
      await client.end();
    }
    await expect((await target.open()).migrate()).rejects.toBeInstanceOf(StoreTooNewError);
  });

  it('keeps one live credential per kiosk: issuing revokes the earlier one', async () => {
    const store = await (await storage()).open();
    await store.migrate();
    await store.issueCredential('BSK1', 'hash-1', new Date('2026-01-01T00:00:00.000Z'));
    await store.issueCredential('BSK1', 'hash-2', new Date('2026-02-01T00:00:00.000Z'));
    await store.issueCredential('BSK2', 'hash-3', new Date('2026-02-01T00:00:00.000Z'));
    expect(await store.kioskByCredentialHash('hash-1')).toEqual({
      kioskCode: 'BSK1',
      issuedAt: '2026-01-01T00:00:00.000Z',
      revokedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(await store.kioskByCredentialHash('hash-2')).toMatchObject({ kioskCode: 'BSK1', revokedAt: null });
    expect(await store.kioskByCredentialHash('nothing')).toBeNull();
    expect(await store.revokeCredential('BSK1', new Date())).toBe(1);
    expect(await store.revokeCredential('BSK1', new Date())).toBe(0);
    expect(await store.stats()).toMatchObject({ credentials: 3, liveCredentials: 1 });
  });

  it('stores the sealed blob as received and answers created / replayed / conflict', async () => {
    const store = await (await storage()).open();
    await store.migrate();
    const request = await makeSubmission('BSK1', { formVersion: Number.MAX_SAFE_INTEGER, contentVersion: 2 ** 40, createdAt: '0000-01-01T00:00:00Z' });
    const at = new Date('2026-03-01T10:00:00.123Z');
    const created = await store.acceptSubmission('BSK1', request, 'h1', at);
    expect(created).toEqual({ outcome: 'created', accepted: { id: request.id, receiptNumber: request.receiptNumber, acceptedAt: at.toISOString() } });
    expect(await store.acceptSubmission('BSK1', request, 'h1', new Date())).toEqual({ ...created, outcome: 'replayed' });
    expect(await store.acceptSubmission('BSK1', request, 'h2', new Date())).toEqual({ outcome: 'conflict', reason: 'different-body' });
    const row = await store.submission(request.id.toUpperCase());
    expect(row).toMatchObject({ formVersion: Number.MAX_SAFE_INTEGER, contentVersion: 2 ** 40, createdAt: '0000-01-01T00:00:00Z', sealedKeyId: 'demo-portal-2026' });
    expect(Buffer.from(row!.sealed)).toEqual(Buffer.from(request.sealed, 'base64'));
    expect(await store.applicationStatus(request.receiptNumber)).toEqual({
      receiptNumber: request.receiptNumber,
      serviceId: request.serviceId,
      status: 'received',
      updatedAt: at.toISOString(),
    });
    await store.recordHeartbeat('BSK1', { ...validHeartbeat, contentVersion: null, oldestQueuedAgeSeconds: null, lastSyncAt: null }, new Date());
    expect(await store.stats()).toMatchObject({ submissions: 1, heartbeats: 1 });
  });
});

describe('SQLite portal store', () => {
  const { storage } = useStorage('sqlite');

  it('runs in WAL mode with synchronous=FULL', async () => {
    const target = await storage();
    const store = await target.open();
    expect(store).toBeInstanceOf(SqlitePortalStore);
    await store.migrate();
    const db = new Database(target.options.sqliteFile, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    db.close();
    // synchronous is per connection: read it through the store's own.
    const own = (store as unknown as { db: Database.Database }).db;
    expect(own.pragma('synchronous', { simple: true })).toBe(2);
  });
});
