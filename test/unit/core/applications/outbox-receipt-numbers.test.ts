import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type NewOutboxEntry } from '../../../../src/main/core/applications/outbox.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import { RECEIPT_RANDOM_BYTES, formatLegacyReceiptNumber, normaliseReceiptNumber } from '../../../../src/shared/domain/receipt-number.js';
import { receiptNumberOf, receiptRandomBytes } from '../../../support/receipt-numbers.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const databases: KioskDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

function database(): KioskDatabase {
  const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
  databases.push(db);
  return db;
}

const entry = (): NewOutboxEntry => ({
  id: crypto.randomUUID(),
  serviceId: 'birth',
  formId: 'form-general',
  formVersion: 1,
  contentVersion: 1,
  privacyPolicyVersion: '1',
  userAgreementVersion: '1',
  language: 'ky',
  createdAt: '2026-12-01T09:00:00.000Z',
  sealed: new Uint8Array([1, 2, 3]),
  sealedFormat: 'hpke-v1',
  sealedKeyId: 'test-portal',
  assistedBy: null,
});

/** A random source that answers the given values in turn and records how many bytes each draw asked for. */
function scripted(values: number[]) {
  const asked: number[] = [];
  return {
    asked,
    random: (length: number) => {
      asked.push(length);
      const value = values.shift();
      if (value === undefined) throw new Error('the script ran out');
      return receiptRandomBytes(value);
    },
  };
}

describe('the outbox’s receipt numbers', () => {
  it('draws 40 random bits from node:crypto for each number: the form is the new one and numbers do not run in sequence', () => {
    const queue = new Outbox(database(), 'BSK1');
    const numbers = Array.from({ length: 200 }, () => queue.enqueue(entry()).receiptNumber);
    for (const receipt of numbers) {
      expect(receipt).toMatch(/^BSK1-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/);
      expect(normaliseReceiptNumber(receipt)).toBe(receipt);
    }
    expect(new Set(numbers).size).toBe(200);
    // Not a counter: the second number is not the first plus one, nor sorted after it in general.
    expect([...numbers].sort()).not.toEqual(numbers);
  });

  it('asks the random source for exactly the bytes a number takes', () => {
    const source = scripted([7]);
    const queue = new Outbox(database(), 'BSK1', source.random);
    expect(queue.enqueue(entry()).receiptNumber).toBe(receiptNumberOf('BSK1', 7));
    expect(source.asked).toEqual([RECEIPT_RANDOM_BYTES]);
  });

  it('never hands out a number twice: a draw this kiosk has issued before is drawn again', () => {
    const source = scripted([7, 7, 7, 9]);
    const queue = new Outbox(database(), 'BSK1', source.random);
    const first = queue.enqueue(entry());
    const second = queue.enqueue(entry());
    expect(first.receiptNumber).toBe(receiptNumberOf('BSK1', 7));
    expect(second.receiptNumber).toBe(receiptNumberOf('BSK1', 9));
    expect(source.asked).toHaveLength(4);
  });

  it('gives up, storing nothing, when the random source keeps answering numbers already issued', () => {
    const db = database();
    const queue = new Outbox(db, 'BSK1', () => receiptRandomBytes(7));
    queue.enqueue(entry());
    expect(() => queue.enqueue(entry())).toThrow(/random source is broken/);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('keeps finding rows queued with an old sequential number, which still deliver and look up', () => {
    const db = database();
    const queue = new Outbox(db, 'BSK1');
    const queued = queue.enqueue(entry());
    const legacy = formatLegacyReceiptNumber('BSK1', 41);
    // A row the kiosk queued before the upgrade, as the old outbox wrote it.
    db.prepare('UPDATE outbox SET receipt_number = ? WHERE id = ?').run(legacy, queued.id);
    expect(queue.byReceiptNumber(legacy)).toMatchObject({ id: queued.id, receiptNumber: legacy, state: 'queued' });
    expect(queue.nextDue(new Date('2026-12-02T00:00:00.000Z'))).toMatchObject({ id: queued.id, receiptNumber: legacy });
  });
});
