import type Database from 'better-sqlite3';
import type { ChainAnchor } from '../../../shared/audit/audit-chain.js';
import {
  AUDIT_CHAIN_COLUMNS,
  CHAIN_HEADS_QUERY,
  chainHeadOfRow,
  type ChainHeadRow,
  type AuditChainRow, auditChainValues, auditEntryFromRow, type AuditChainStore, type StoredAuditEntry } from '../audit-chain-store.js';

const INSERT = `INSERT INTO audit_chain_entry (${AUDIT_CHAIN_COLUMNS.join(', ')}) VALUES (${AUDIT_CHAIN_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT DO NOTHING`;

/** The audit chains in the portal's SQLite file; better-sqlite3 is synchronous, so every call is one step. */
export function sqliteAuditChain(db: Database.Database): AuditChainStore {
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  return {
    head: (kioskCode) =>
      run((): ChainAnchor | null => {
        const row = db
          .prepare<[string], { seq: number; entry_hash: string }>('SELECT seq, entry_hash FROM audit_chain_entry WHERE kiosk_code = ? ORDER BY seq DESC LIMIT 1')
          .get(kioskCode);
        return row ? { seq: row.seq, entryHash: row.entry_hash } : null;
      }),
    entries: (kioskCode, fromSeq, toSeq, limit) =>
      run(() =>
        db
          .prepare<[string, number, number, number], AuditChainRow>(
            'SELECT * FROM audit_chain_entry WHERE kiosk_code = ? AND seq BETWEEN ? AND ? ORDER BY seq LIMIT ?',
          )
          .all(kioskCode, fromSeq, toSeq, limit)
          .map(auditEntryFromRow),
      ),
    append: (kioskCode, entries: readonly StoredAuditEntry[], receivedAt) =>
      run(() => {
        const at = receivedAt.toISOString();
        const insert = db.prepare(INSERT);
        return db
          .transaction((): 'appended' | 'head-moved' => {
            for (const entry of entries) {
              if (insert.run(...auditChainValues(kioskCode, entry, at)).changes === 0) {
                // Throwing rolls the whole append back: an upload is stored whole or not at all.
                throw new HeadMoved();
              }
            }
            return 'appended';
          })
          .immediate();
      }).catch((error: unknown) => {
        if (error instanceof HeadMoved) return 'head-moved' as const;
        throw error;
      }),
    entriesBefore: (kioskCode, beforeSeq, limit) =>
      run(() =>
        db
          .prepare<[string, number, number], AuditChainRow>('SELECT * FROM audit_chain_entry WHERE kiosk_code = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
          .all(kioskCode, beforeSeq, limit)
          .map(auditEntryFromRow),
      ),
    chains: () => run(() => db.prepare<[], ChainHeadRow>(CHAIN_HEADS_QUERY).all().map(chainHeadOfRow)),
  };
}

class HeadMoved extends Error {}
