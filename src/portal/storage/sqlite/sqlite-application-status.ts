import type Database from 'better-sqlite3';
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
import { appendPortalAuditSqlite } from './sqlite-portal-audit.js';

type Row = Record<string, unknown>;
const question = () => '?';

/** Application statuses in the portal's SQLite file; a change and its audit entry are one IMMEDIATE transaction. */
export function sqliteApplicationStatus(db: Database.Database): ApplicationStatusStore {
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  return {
    current: (receiptNumber) =>
      run(() => {
        const row = db.prepare<[string], Row>(`SELECT ${STANDING_COLUMNS} FROM submission WHERE receipt_number = ?`).get(receiptNumber);
        return row ? standingFromRow(row) : null;
      }),
    changeStatus: (change, audit) =>
      run(() =>
        db
          .transaction((): 'changed' | 'status-moved' => {
            const id = normaliseSubmissionId(change.submissionId);
            const moved = db.prepare(statusUpdateSql(question)).run(...statusUpdateValues({ ...change, submissionId: id }));
            if (moved.changes === 0) return 'status-moved';
            db.prepare(statusChangeInsertSql(question)).run(...statusChangeValues({ ...change, submissionId: id }));
            appendPortalAuditSqlite(db, audit, change.at);
            return 'changed';
          })
          .immediate(),
      ),
    record: (audit, at) =>
      run(() => {
        db.transaction(() => appendPortalAuditSqlite(db, audit, at)).immediate();
      }),
    history: (submissionId) =>
      run(() =>
        db
          .prepare<[string], Row>('SELECT * FROM application_status_change WHERE submission_id = ? ORDER BY seq')
          .all(normaliseSubmissionId(submissionId))
          .map(statusChangeFromRow),
      ),
    list: (filter, after, limit) =>
      run(() => {
        const { sql, values } = applicationListQuery(filter, after, limit, question);
        return db.prepare<unknown[], Row>(sql).all(...values).map(summaryFromRow);
      }),
    purgeSealedAnswers: (finishedBefore, purgedAt, limit) =>
      run(() => {
        const purged = db.transaction(() => db.prepare(purgeSealedSql(question, 'sqlite')).run(...purgeSealedValues(finishedBefore, purgedAt, limit)).changes).immediate();
        // The write-ahead log still holds the pages as they were before; folding it into the file and emptying it leaves the bytes nowhere.
        if (purged > 0) db.pragma('wal_checkpoint(TRUNCATE)');
        return purged;
      }),
  };
}
