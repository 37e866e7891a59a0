// Duplicates the way an office would meet them: one visitor's application stored twice, under two
// ids. The portal keys rows by id, so counting rows against ids can never show one. Instead each
// visit of a chaos run carries its own token in an answer (the ID-card number), and this opens
// every stored application with the portal's private key and counts the tokens held more than once.
import Database from 'better-sqlite3';
import { openSubmission } from '../../dist/portal/open-submission.js';

/** The ID-card number that marks the visit with this index: unique up to ten million visits. */
export const visitToken = (index) => `ID${String(index).padStart(7, '0')}`;

/** Opens every application in the portal's SQLite file: how many rows, visits, duplicates, and rows without a token. */
export async function duplicateVisitsAt(portalDatabaseFile, privateKeyJwk) {
  const db = new Database(portalDatabaseFile, { readonly: true });
  let rows;
  try {
    rows = db.prepare('SELECT id, form_id AS formId, form_version AS formVersion, sealed_format AS sealedFormat, sealed FROM submission').all();
  } finally {
    db.close();
  }
  const seen = new Map();
  let untokened = 0;
  for (const row of rows) {
    const text = new TextDecoder().decode(await openSubmission({ ...row, sealed: new Uint8Array(row.sealed) }, privateKeyJwk));
    const token = /"idCardNumber":"(ID\d{7})"/.exec(text)?.[1];
    if (!token) untokened++;
    else seen.set(token, (seen.get(token) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
  return { rows: rows.length, visits: seen.size, duplicates, untokened };
}
