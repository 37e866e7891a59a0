import type { Migration } from '../../migration.js';

/**
 * Sealed answers are kept no longer than their application needs them: once it is issued or
 * rejected, the retention job empties `sealed` and stamps `sealed_purged_at` (the metadata, the
 * status history and the audit trail stay). The partial index holds only the finished
 * applications still holding answers, oldest decision first, so each purge batch reads just the
 * rows it empties. The office index serves the officers' list by office (the first three
 * characters of the kiosk code), newest first, as 0006's indexes serve the other filters.
 */
export const sealedAnswersRetention: Migration = {
  version: 9,
  name: 'sealed answers retention',
  sql: `ALTER TABLE submission ADD COLUMN sealed_purged_at timestamptz;
   CREATE INDEX submission_sealed_due ON submission (status_updated_at, id)
     WHERE sealed_purged_at IS NULL AND application_status IN ('issued', 'rejected');
   CREATE INDEX submission_by_office ON submission (substr(kiosk_code, 1, 3), created_at, id);`,
};
