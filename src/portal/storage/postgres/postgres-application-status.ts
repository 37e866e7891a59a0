import type pg from 'pg';
import {
  applicationListQuery,
  purgeSealedSql,
  purgeSealedValues,
  STANDING_COLUMNS,
  standingFromRow,
  statusChangeFromRow,
  statusChangeInsertSql,
  statusChangeValues,
  statusUpdateSql,
  statusUpdateValues,
  summaryFromRow,
  type ApplicationStatusStore,
} from '../application-status-store.js';
import { normaliseSubmissionId } from '../portal-store.js';
import { appendPortalAuditPostgres } from './postgres-portal-audit.js';

type Row = Record<string, unknown>;
const dollar = (index: number) => `$${index}`;

/**
 * Application statuses in PostgreSQL. A change is one transaction on one connection: the update
 * is a compare-and-set on the current status (a second officer's change of the same application
 * waits for the first to commit, then finds the status moved), and the audit entry is appended
 * before the commit.
 */
export function postgresApplicationStatus(pool: pg.Pool): ApplicationStatusStore {
  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T | 'rollback'>): Promise<T | 'rollback'> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query(result === 'rollback' ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    current: async (receiptNumber) => {
      const { rows } = await pool.query<Row>(`SELECT ${STANDING_COLUMNS} FROM submission WHERE receipt_number = $1`, [receiptNumber]);
      return rows[0] ? standingFromRow(rows[0]) : null;
    },
    changeStatus: async (change, audit) => {
      const normalised = { ...change, submissionId: normaliseSubmissionId(change.submissionId) };
      const outcome = await inTransaction(async (client) => {
        const moved = await client.query(statusUpdateSql(dollar), statusUpdateValues(normalised));
        if (moved.rowCount === 0) return 'rollback';
        await client.query(statusChangeInsertSql(dollar), statusChangeValues(normalised));
        await appendPortalAuditPostgres(client, audit, change.at);
        return 'changed' as const;
      });
      return outcome === 'rollback' ? 'status-moved' : outcome;
    },
    record: async (audit, at) => {
      await inTransaction(async (client) => {
        await appendPortalAuditPostgres(client, audit, at);
        return 'recorded' as const;
      });
    },
    history: async (submissionId) => {
      const { rows } = await pool.query<Row>('SELECT * FROM application_status_change WHERE submission_id = $1 ORDER BY seq', [
        normaliseSubmissionId(submissionId),
      ]);
      return rows.map(statusChangeFromRow);
    },
    list: async (filter, after, limit) => {
      const { sql, values } = applicationListQuery(filter, after, limit, dollar);
      const { rows } = await pool.query<Row>(sql, values);
      return rows.map(summaryFromRow);
    },
    purgeSealedAnswers: async (finishedBefore, purgedAt, limit) => {
      // The old row versions hold the bytes until VACUUM reclaims them; autovacuum does, or the operator's VACUUM.
      const purged = await pool.query(purgeSealedSql(dollar, 'postgresql'), purgeSealedValues(finishedBefore, purgedAt, limit));
      return purged.rowCount ?? 0;
    },
  };
}
