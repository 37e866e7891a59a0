import type Database from 'better-sqlite3';
import type { StaffRefusalCode, StaffState } from '../../../shared/contract/staff-page.js';
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
import { appendPortalAuditSqlite } from './sqlite-portal-audit.js';

type Row = Record<string, unknown>;
// Named by number, as PostgreSQL's $n: a statement may use one value twice (better-sqlite3 binds names from an object).
const question = (index: number) => `@p${index}`;
const named = (values: unknown[]): Record<string, unknown> => Object.fromEntries(values.map((value, index) => [`p${index + 1}`, value]));

/** Thrown inside a transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly reason: StaffRefusalCode) {
    super(reason);
  }
}
/** Thrown inside a transaction to roll back a change that changes nothing. */
class Unchanged extends Error {}

/**
 * Staff in the portal's SQLite file. Each change is one IMMEDIATE transaction, which holds the
 * file's write lock from its first statement: changes from several processes on one file take
 * turns, and the version each raises is the next.
 */
export function sqliteStaff(db: Database.Database): StaffStore {
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  /** A statement of staff-store.ts, taking its values in order as PostgreSQL's does. */
  const prepared = (sql: string) => {
    const statement = db.prepare<unknown[], Row>(sql);
    const bind = (values: unknown[]): unknown[] => (values.length === 0 ? [] : [named(values)]);
    return {
      get: (...values: unknown[]): Row | undefined => statement.get(...bind(values)),
      all: (...values: unknown[]): Row[] => statement.all(...bind(values)),
      run: (...values: unknown[]) => statement.run(...bind(values)),
    };
  };

  /** The change `work` makes, then the office's list re-signed at the raised version and the audit entry, in one transaction. */
  function change(officeCode: string, context: StaffChangeContext, work: (version: number) => Row): StaffChangeOutcome {
    try {
      return db
        .transaction((): StaffChangeOutcome => {
          const version = Number(prepared(raiseListVersionSql(question)).get(officeCode, context.at.toISOString())!.version);
          const member = memberFromRow(work(version));
          if (context.sign) {
            const records = prepared(activeRecordsSql(question)).all(officeCode).map(staffRecordFromRow);
            const signed = context.sign(staffListDocument(officeCode, version, context.at, records));
            prepared(storeSignedListSql(question)).run(officeCode, signed.document, signed.keyId, signed.signature);
          }
          appendPortalAuditSqlite(db, context.audit(version), context.at);
          return { outcome: 'changed', member, listVersion: version };
        })
        .immediate();
    } catch (error) {
      if (error instanceof Refused) return { outcome: 'refused', reason: error.reason };
      throw error;
    }
  }

  const existing = (officeCode: string, staffId: string): Row => {
    const row = prepared(selectMemberSql(question)).get(officeCode, staffId);
    if (!row) throw new Refused('STAFF_NOT_FOUND');
    return row;
  };

  const unchanged = (officeCode: string, staffId: string): StaffChangeOutcome | null => {
    const row = prepared(selectMemberSql(question)).get(officeCode, staffId);
    const list = db.prepare<[string], Row>('SELECT office_code, version, issued_at FROM staff_list WHERE office_code = ?').get(officeCode);
    return row && list ? { outcome: 'unchanged', member: memberFromRow(row), listVersion: listVersionFromRow(list).version } : null;
  };

  return {
    create: (member, context) =>
      run(() =>
        change(member.officeCode, context, () => {
          let inserted: Row | undefined;
          try {
            inserted = prepared(insertStaffSql(question)).get(...insertStaffValues(member, context.at));
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
          }
          if (inserted) return inserted;
          const sameId = prepared(selectMemberSql(question)).get(member.officeCode, member.staffId);
          throw new Refused(sameId ? 'STAFF_ID_TAKEN' : 'CARD_TAKEN');
        }),
      ),
    setState: (key, state: StaffState, context) =>
      run(() => {
        // Read in the same IMMEDIATE transaction as the change: a no-op is found under the lock, then rolled back.
        try {
          return change(key.officeCode, context, (version) => {
            const current = memberFromRow(existing(key.officeCode, key.staffId));
            // Already so, and the office has a list from before this change (version 1 would be its first): nothing to sign.
            if (current.state === state && version > 1) throw new Unchanged();
            if (state === 'active' && current.cardNumber !== null && prepared(cardTakenSql(question)).get(key.officeCode, current.cardNumber, key.staffId)) {
              throw new Refused('CARD_TAKEN');
            }
            try {
              return prepared(setStateSql(question)).get(key.officeCode, key.staffId, state, context.at.toISOString())!;
            } catch (error) {
              if (isUniqueViolation(error)) throw new Refused('CARD_TAKEN');
              throw error;
            }
          });
        } catch (error) {
          if (!(error instanceof Unchanged)) throw error;
          const outcome = unchanged(key.officeCode, key.staffId);
          if (!outcome) return { outcome: 'refused', reason: 'STAFF_NOT_FOUND' } as const;
          return outcome;
        }
      }),
    resetPin: (key, pinHash, context) =>
      run(() =>
        change(key.officeCode, context, () => {
          existing(key.officeCode, key.staffId);
          return prepared(resetPinSql(question)).get(key.officeCode, key.staffId, JSON.stringify(pinHash), context.at.toISOString())!;
        }),
      ),
    search: (officeCode) =>
      run(() => {
        const values = officeCode === undefined ? [] : [officeCode];
        return {
          staff: prepared(searchStaffSql(question, officeCode)).all(...values).map(memberFromRow),
          lists: prepared(searchListsSql(question, officeCode)).all(...values).map(listVersionFromRow),
        };
      }),
    list: (officeCode) =>
      run(() => {
        const row = db.prepare<[string], Row>(`SELECT ${LIST_COLUMNS} FROM staff_list WHERE office_code = ?`).get(officeCode);
        return row ? listFromRow(row) : null;
      }),
    record: (key) =>
      run(() => {
        const row = prepared(selectMemberSql(question)).get(key.officeCode, key.staffId);
        return row ? { ...memberFromRow(row), pinHash: pinHashFromRow(row) } : null;
      }),
  };
}
