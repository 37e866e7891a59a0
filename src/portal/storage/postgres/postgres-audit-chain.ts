import type pg from 'pg';
import type { ChainAnchor } from '../../../shared/audit/audit-chain.js';
import {
  AUDIT_CHAIN_COLUMNS,
  CHAIN_HEADS_QUERY,
  chainHeadOfRow,
  type ChainHeadRow, type AuditChainRow, auditChainValues, auditEntryFromRow, type AuditChainStore } from '../audit-chain-store.js';

const INSERT = `INSERT INTO audit_chain_entry (${AUDIT_CHAIN_COLUMNS.join(', ')}) VALUES (${AUDIT_CHAIN_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
  ON CONFLICT DO NOTHING`;

/**
 * The audit chains in PostgreSQL. An append is one transaction on one connection: an entry another
 * portal process stored first at one of its seqs (the insert waits for that commit, then does
 * nothing) rolls the whole append back.
 */
export function postgresAuditChain(pool: pg.Pool): AuditChainStore {
  return {
    head: async (kioskCode): Promise<ChainAnchor | null> => {
      const { rows } = await pool.query<{ seq: string; entry_hash: string }>(
        'SELECT seq, entry_hash FROM audit_chain_entry WHERE kiosk_code = $1 ORDER BY seq DESC LIMIT 1',
        [kioskCode],
      );
      const row = rows[0];
      return row ? { seq: Number(row.seq), entryHash: row.entry_hash } : null;
    },
    entries: async (kioskCode, fromSeq, toSeq, limit) => {
      const { rows } = await pool.query<AuditChainRow>(
        'SELECT * FROM audit_chain_entry WHERE kiosk_code = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq LIMIT $4',
        [kioskCode, fromSeq, toSeq, limit],
      );
      return rows.map(auditEntryFromRow);
    },
    append: async (kioskCode, entries, receivedAt) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const entry of entries) {
          const inserted = await client.query(INSERT, auditChainValues(kioskCode, entry, receivedAt.toISOString()));
          if (inserted.rowCount === 0) {
            await client.query('ROLLBACK');
            return 'head-moved';
          }
        }
        await client.query('COMMIT');
        return 'appended';
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    entriesBefore: async (kioskCode, beforeSeq, limit) => {
      const { rows } = await pool.query<AuditChainRow>('SELECT * FROM audit_chain_entry WHERE kiosk_code = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3', [
        kioskCode,
        beforeSeq,
        limit,
      ]);
      return rows.map(auditEntryFromRow);
    },
    chains: async () => (await pool.query<ChainHeadRow>(CHAIN_HEADS_QUERY)).rows.map(chainHeadOfRow),
  };
}
