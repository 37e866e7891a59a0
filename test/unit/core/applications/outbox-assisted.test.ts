import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type NewOutboxEntry } from '../../../../src/main/core/applications/outbox.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const databases: KioskDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

function outbox() {
  const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
  databases.push(db);
  return { db, outbox: new Outbox(db, 'BSK1') };
}

const entry = (assistedBy: string | null, createdAt = '2026-12-01T09:00:00.000Z'): NewOutboxEntry => ({
  id: crypto.randomUUID(),
  serviceId: 'birth',
  formId: 'form-general',
  formVersion: 1,
  contentVersion: 1,
  privacyPolicyVersion: '1',
  userAgreementVersion: '1',
  language: 'ky',
  createdAt,
  sealed: new Uint8Array([1, 2, 3]),
  sealedFormat: 'hpke-v1',
  sealedKeyId: 'test-portal',
  assistedBy,
});

describe('the outbox and the assisting clerk', () => {
  it('hands delivery the clerk’s id, and leaves the field out for a visitor alone so that a portal before it still accepts the body', () => {
    const { outbox: queue } = outbox();
    const assisted = queue.enqueue(entry('1042', '2026-12-01T09:00:00.000Z'));
    const alone = queue.enqueue(entry(null, '2026-12-01T09:05:00.000Z'));
    const first = queue.nextDue(new Date('2026-12-01T10:00:00.000Z'))!;
    expect(first).toMatchObject({ receiptNumber: assisted.receiptNumber, assistedBy: '1042' });
    queue.markDelivered(first.id, new Date());
    const second = queue.nextDue(new Date('2026-12-01T10:00:00.000Z'))!;
    expect(second.receiptNumber).toBe(alone.receiptNumber);
    expect('assistedBy' in second).toBe(false);
  });

  it('refuses to store a clerk that is not a staff id, even from code that skips the schema', () => {
    const { outbox: queue } = outbox();
    expect(() => queue.enqueue(entry('12ab'))).toThrow(/CHECK/);
    expect(() => queue.enqueue(entry('123456789'))).toThrow(/CHECK/);
    expect(queue.newest(10).total).toBe(0);
  });

  it('counts the prints of a receipt, so the second and later are reprints', () => {
    const { outbox: queue } = outbox();
    const { receiptNumber } = queue.enqueue(entry(null));
    expect(queue.printsOf(receiptNumber)).toBe(0);
    expect(queue.countPrint(receiptNumber)).toBe(1);
    expect(queue.countPrint(receiptNumber)).toBe(2);
    expect(queue.printsOf(receiptNumber)).toBe(2);
    expect(queue.countPrint('BSK1-ZZZZ-ZZ')).toBeUndefined();
  });

  it('lists the newest applications first, at most as many as asked, with the total the kiosk holds', () => {
    const { outbox: queue } = outbox();
    const numbers = [1, 2, 3].map((minute) => queue.enqueue(entry(null, `2026-12-01T09:0${minute}:00.000Z`)).receiptNumber);
    const { applications, total } = queue.newest(2);
    expect(applications.map((row) => row.receiptNumber)).toEqual([numbers[2], numbers[1]]);
    expect(total).toBe(3);
  });
});
