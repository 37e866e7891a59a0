import type { Migration } from '../../migration.js';

/**
 * The status workflow. The six statuses go in a column of their own: the first column keeps the
 * four words older kiosks read (kept in step by every change). Each change is kept (who, when,
 * from, to, reason), and the portal's own audit chain sits beside it. The indexes serve the
 * officers' list: newest first by (created_at, id), alone or per status, service or kiosk.
 */
export const applicationStatus: Migration = {
  version: 6,
  name: 'application status',
  sql: `ALTER TABLE submission ADD COLUMN application_status text NOT NULL DEFAULT 'received'
     CHECK (application_status IN ('received', 'in-review', 'needs-action', 'ready-for-pickup', 'issued', 'rejected'));
   ALTER TABLE submission ADD COLUMN status_reason_id text;
   UPDATE submission SET application_status = CASE status WHEN 'processing' THEN 'in-review' WHEN 'ready' THEN 'ready-for-pickup' ELSE status END;
   CREATE INDEX submission_by_created ON submission (created_at, id);
   CREATE INDEX submission_by_status ON submission (application_status, created_at, id);
   CREATE INDEX submission_by_service ON submission (service_id, created_at, id);
   CREATE INDEX submission_by_kiosk ON submission (kiosk_code, created_at, id);

   CREATE TABLE application_status_change (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     submission_id uuid NOT NULL REFERENCES submission (id),
     changed_at timestamptz NOT NULL,
     changed_by bigint NOT NULL,
     from_status text NOT NULL,
     to_status text NOT NULL,
     reason_id text
   );
   CREATE INDEX application_status_change_by_submission ON application_status_change (submission_id, seq);

   CREATE TABLE portal_audit (
     seq bigint PRIMARY KEY CHECK (seq >= 1),
     at text NOT NULL,
     kind text NOT NULL,
     actor text,
     subject text,
     details text NOT NULL,
     content_hash text NOT NULL,
     previous_hash text NOT NULL,
     entry_hash text NOT NULL
   );`,
};
