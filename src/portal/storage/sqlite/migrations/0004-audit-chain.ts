import type { Migration } from '../../migration.js';

/**
 * Each kiosk's audit chain as it uploaded it: one row per entry, keyed by kiosk and seq, so two
 * uploads can never both add the entry after the head. The time and details are kept as the text
 * the kiosk hashed, so the chain verifies here exactly as it did on the kiosk.
 */
export const auditChain: Migration = {
  version: 4,
  name: 'audit chain',
  sql: `CREATE TABLE audit_chain_entry (
     kiosk_code TEXT NOT NULL,
     seq INTEGER NOT NULL CHECK (seq >= 1),
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     actor TEXT,
     subject TEXT,
     details TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     previous_hash TEXT NOT NULL,
     entry_hash TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (kiosk_code, seq)
   ) STRICT;`,
};
