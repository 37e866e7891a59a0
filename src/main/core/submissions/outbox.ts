import { formatReceiptNumber } from '../../../shared/receipt-number.js';
import type { KioskDatabase } from '../database.js';

export interface NewOutboxEntry {
  id: string;
  serviceId: string;
  formId: string;
  formVersion: number;
  contentVersion: number;
  privacyPolicyVersion: string;
  userAgreementVersion: string;
  language: string;
  createdAt: string;
  sealed: Uint8Array;
  sealedFormat: string;
  sealedKeyId: string;
}

export interface OutboxReceipt {
  id: string;
  receiptNumber: string;
  serviceId: string;
  language: string;
  createdAt: string;
  state: 'queued' | 'sending' | 'delivered' | 'quarantined';
}

const SEQUENCE_KEY = 'receipt_sequence';

/** The durable queue of sealed applications waiting for the portal. */
export class Outbox {
  constructor(
    private readonly db: KioskDatabase,
    private readonly kioskCode: string,
  ) {}

  /**
   * Takes the next receipt number and stores the sealed application in ONE transaction: either
   * both happen or neither does, so a receipt is only ever shown for a committed row.
   */
  enqueue(entry: NewOutboxEntry): OutboxReceipt {
    return this.db
      .transaction((): OutboxReceipt => {
        const row = this.db.prepare<[string], { value: string }>('SELECT value FROM kiosk_setting WHERE key = ?').get(SEQUENCE_KEY);
        const sequence = row ? Number(row.value) + 1 : 1;
        this.db
          .prepare('INSERT INTO kiosk_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
          .run(SEQUENCE_KEY, String(sequence));
        const receiptNumber = formatReceiptNumber(this.kioskCode, sequence);
        this.db
          .prepare(
            `INSERT INTO outbox (id, receipt_number, service_id, form_id, form_version, content_version, privacy_policy_version,
               user_agreement_version, language, created_at, sealed, sealed_format, sealed_key_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            entry.id,
            receiptNumber,
            entry.serviceId,
            entry.formId,
            entry.formVersion,
            entry.contentVersion,
            entry.privacyPolicyVersion,
            entry.userAgreementVersion,
            entry.language,
            entry.createdAt,
            entry.sealed,
            entry.sealedFormat,
            entry.sealedKeyId,
          );
        return { id: entry.id, receiptNumber, serviceId: entry.serviceId, language: entry.language, createdAt: entry.createdAt, state: 'queued' };
      })
      .immediate();
  }

  byReceiptNumber(receiptNumber: string): OutboxReceipt | undefined {
    return this.db
      .prepare<[string], OutboxReceipt>(
        'SELECT id, receipt_number AS receiptNumber, service_id AS serviceId, language, created_at AS createdAt, state FROM outbox WHERE receipt_number = ?',
      )
      .get(receiptNumber);
  }

  sealedOf(id: string): Uint8Array | undefined {
    return this.db.prepare<[string], { sealed: Uint8Array | null }>('SELECT sealed FROM outbox WHERE id = ?').get(id)?.sealed ?? undefined;
  }
}
