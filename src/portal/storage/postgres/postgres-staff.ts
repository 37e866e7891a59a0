import type pg from 'pg';
import type { StaffRefusalCode } from '../../../shared/contract/staff-page.js';
import {
  activeRecordsSql,
  cardTakenSql,
  insertStaffSql,
  insertStaffValues,
  isUniqueViolation,
  LIST_COLUMNS,
  listFromRow,
  listVersionFromRow,
  memberFromRow,
  pinHashFromRow,
  raiseListVersionSql,
  resetPinSql,
  searchListsSql,
  searchStaffSql,
  selectMemberSql,
  setStateSql,
  staffListDocument,
  staffRecordFromRow,
  storeSignedListSql,
  type StaffChangeContext,
  type StaffChangeOutcome,
  type StaffStore,
} from '../staff-store.js';
import { appendPortalAuditPostgres } from './postgres-portal-audit.js';

type Row = Record<string, unknown>;
const dollar = (index: number) => `$${index}`;

/** Returned by a change's work to roll it back: a refusal, or a change that changes nothing. */
class Stop {
  /** reason null: unchanged. */
  constructor(readonly reason: StaffRefusalCode | null) {}
}
const refused = (reason: StaffRefusalCode): Stop => new Stop(reason);
const UNCHANGED = new Stop(null);

/**
 * Staff in PostgreSQL. Each change is one transaction on one connection whose first statement is
 * the upsert that raises the office's version: it takes the office's staff_list row lock (or waits
 * for another process's uncommitted first row), so changes of one office take turns across portal
 * processes, each gets the next version, and every later statement (READ COMMITTED: a snapshot
 * each) sees what the change before it committed. The audit entry comes last, after the office's
 * lock, in the order every staff change takes them, so two changes never wait on each other in a
 * circle. A unique violation the lock did not prevent (a row written by hand) is a refusal, not a 500.
 */
export function postgresStaff(pool: pg.Pool): StaffStore {
  async function change(officeCode: string, context: StaffChangeContext, work: (client: pg.PoolClient, version: number) => Promise<Row | Stop>): Promise<StaffChangeOutcome | 'unchanged'> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const raised = await client.query<{ version: number }>(raiseListVersionSql(dollar), [officeCode, context.at]);
      const version = Number(raised.rows[0]!.version);
      const done = await work(client, version);
      if (done instanceof Stop) {
        await client.query('ROLLBACK');
        return done.reason === null ? 'unchanged' : { outcome: 'refused', reason: done.reason };
      }
      const member = memberFromRow(done);
      if (context.sign) {
        const { rows } = await client.query<Row>(activeRecordsSql(dollar), [officeCode]);
        const signed = context.sign(staffListDocument(officeCode, version, context.at, rows.map(staffRecordFromRow)));
        await client.query(storeSignedListSql(dollar), [officeCode, signed.document, signed.keyId, signed.signature]);
      }
      await appendPortalAuditPostgres(client, context.audit(version), context.at);
      await client.query('COMMIT');
      return { outcome: 'changed', member, listVersion: version };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Runs one statement of the change; a unique violation becomes the refusal (the transaction is aborted by it, and rolled back). */
  async function guarded(client: pg.PoolClient, sql: string, values: unknown[], onViolation: StaffRefusalCode): Promise<Row | Stop | undefined> {
    await client.query('SAVEPOINT staff_change');
    try {
      const { rows } = await client.query<Row>(sql, values);
      return rows[0];
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT staff_change');
      return refused(onViolation);
    }
  }

  const current = async (client: pg.Pool | pg.PoolClient, officeCode: string, staffId: string): Promise<Row | undefined> =>
    (await client.query<Row>(selectMemberSql(dollar), [officeCode, staffId])).rows[0];

  return {
    create: async (member, context) => {
      const outcome = await change(member.officeCode, context, async (client) => {
        const inserted = await guarded(client, insertStaffSql(dollar), insertStaffValues(member, context.at), 'CARD_TAKEN');
        if (inserted) return inserted;
        // ON CONFLICT DO NOTHING: which key was taken.
        return refused((await current(client, member.officeCode, member.staffId)) ? 'STAFF_ID_TAKEN' : 'CARD_TAKEN');
      });
      return outcome === 'unchanged' ? { outcome: 'refused', reason: 'STAFF_NOT_FOUND' } : outcome;
    },
    setState: async (key, state, context) => {
      const outcome = await change(key.officeCode, context, async (client, version) => {
        const row = await current(client, key.officeCode, key.staffId);
        if (!row) return refused('STAFF_NOT_FOUND');
        const member = memberFromRow(row);
        // Already so, and the office has a list from before this change (version 1 would be its first): nothing to sign.
        if (member.state === state && version > 1) return UNCHANGED;
        if (state === 'active' && member.cardNumber !== null) {
          const taken = await client.query(cardTakenSql(dollar), [key.officeCode, member.cardNumber, key.staffId]);
          if (taken.rows.length > 0) return refused('CARD_TAKEN');
        }
        return (await guarded(client, setStateSql(dollar), [key.officeCode, key.staffId, state, context.at], 'CARD_TAKEN')) ?? refused('STAFF_NOT_FOUND');
      });
      if (outcome !== 'unchanged') return outcome;
      const row = await current(pool, key.officeCode, key.staffId);
      const list = (await pool.query<Row>('SELECT office_code, version, issued_at FROM staff_list WHERE office_code = $1', [key.officeCode])).rows[0];
      return row && list ? { outcome: 'unchanged', member: memberFromRow(row), listVersion: listVersionFromRow(list).version } : { outcome: 'refused', reason: 'STAFF_NOT_FOUND' };
    },
    resetPin: async (key, pinHash, context) => {
      const outcome = await change(key.officeCode, context, async (client) => {
        const { rows } = await client.query<Row>(resetPinSql(dollar), [key.officeCode, key.staffId, JSON.stringify(pinHash), context.at]);
        return rows[0] ?? refused('STAFF_NOT_FOUND');
      });
      return outcome === 'unchanged' ? { outcome: 'refused', reason: 'STAFF_NOT_FOUND' } : outcome;
    },
    search: async (officeCode) => {
      const values = officeCode === undefined ? [] : [officeCode];
      const [staff, lists] = await Promise.all([pool.query<Row>(searchStaffSql(dollar, officeCode), values), pool.query<Row>(searchListsSql(dollar, officeCode), values)]);
      return { staff: staff.rows.map(memberFromRow), lists: lists.rows.map(listVersionFromRow) };
    },
    list: async (officeCode) => {
      const { rows } = await pool.query<Row>(`SELECT ${LIST_COLUMNS} FROM staff_list WHERE office_code = $1`, [officeCode]);
      return rows[0] ? listFromRow(rows[0]) : null;
    },
    record: async (key) => {
      const { rows } = await pool.query<Row>(selectMemberSql(dollar), [key.officeCode, key.staffId]);
      return rows[0] ? { ...memberFromRow(rows[0]), pinHash: pinHashFromRow(rows[0]) } : null;
    },
  };
}
