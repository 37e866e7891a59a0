import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type NewOutboxEntry } from '../../../../src/main/core/applications/outbox.js';
import { CatalogueView } from '../../../../src/main/core/content/catalogue-view.js';
import { createHostTranslations } from '../../../../src/main/core/i18n/host-translations.js';
import { composeReceipt, type ReceiptSources } from '../../../../src/main/core/printing/receipt-composer.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import type { Language } from '../../../../src/shared/domain/languages.js';
import { testCatalogue, testService } from '../../../support/content-fixtures.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const databases: KioskDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

/** 21 November 2026, 09:05 on the kiosk's own clock, whatever its time zone. */
const CREATED_AT = new Date(2026, 10, 21, 9, 5).toISOString();

function kiosk(services = [testService('birth', { requiredDocuments: [
  { id: 'passport', title: { ky: 'Паспорт', ru: 'Паспорт', en: 'Passport' } },
  { id: 'medical', title: { ky: 'Медициналык маалымкат', ru: 'Медицинская справка', en: 'Medical certificate' } },
] })]) {
  const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
  databases.push(db);
  const outbox = new Outbox(db, 'BSK1');
  let catalogue: CatalogueView | undefined = new CatalogueView(testCatalogue(services));
  const sources: ReceiptSources = {
    stored: (receiptNumber) => outbox.byReceiptNumber(receiptNumber),
    catalogue: () => catalogue,
    translations: createHostTranslations(),
  };
  const apply = (language: Language, id = crypto.randomUUID()) => outbox.enqueue(entry(id, language));
  return { outbox, sources, apply, replaceCatalogue: (next: CatalogueView | undefined) => (catalogue = next) };
}

function entry(id: string, language: Language): NewOutboxEntry {
  return {
    id, serviceId: 'birth', formId: 'form-general', formVersion: 1, contentVersion: 1, privacyPolicyVersion: '1', userAgreementVersion: '1',
    language, createdAt: CREATED_AT, sealed: new Uint8Array([1, 2, 3]), sealedFormat: 'hpke-v1', sealedKeyId: 'test-portal',
  };
}

describe('composing a receipt', () => {
  it('says what the receipt screen says, in the language the visitor applied in', () => {
    const { sources, apply } = kiosk();
    const { receiptNumber } = apply('ru');
    expect(composeReceipt(receiptNumber, sources)).toEqual({
      heading: 'Заявление принято',
      officeName: 'Тестовый офис',
      serviceTitle: 'birth ru',
      receiptNumberLabel: 'Номер заявления',
      receiptNumber,
      dateLabel: 'Дата',
      date: '21.11.2026 09:05',
      stateText: 'В очереди: будет отправлено автоматически, когда появится сеть',
      bringHeading: 'Возьмите с собой',
      bring: ['Паспорт', 'Медицинская справка'],
      nextHeading: 'Что дальше',
      next: 'Заявление будет передано в Государственную регистрационную службу. Покажите сотруднику документы и этот номер. По номеру можно узнать состояние заявления.',
      footer: 'Сохраните эту квитанцию.',
    });
  });

  it('prints Kyrgyz and English applications in their own language', () => {
    const { sources, apply } = kiosk();
    const ky = composeReceipt(apply('ky').receiptNumber, sources);
    expect(ky).toMatchObject({ heading: 'Арызыңыз кабыл алынды', officeName: 'Тест кеңсеси', serviceTitle: 'birth ky', bring: ['Паспорт', 'Медициналык маалымкат'] });
    const en = composeReceipt(apply('en').receiptNumber, sources);
    expect(en).toMatchObject({ heading: 'Your application has been accepted', officeName: 'Test office', serviceTitle: 'birth en', bring: ['Passport', 'Medical certificate'] });
  });

  it('gives the state the outbox holds now, so a reprint after delivery says it was sent', () => {
    const { sources, apply, outbox } = kiosk();
    const { id, receiptNumber } = apply('en');
    outbox.markDelivered(id, new Date());
    expect(composeReceipt(receiptNumber, sources)?.stateText).toBe('Sent');
  });

  it('composes nothing for a number this kiosk did not issue', () => {
    const { sources, apply } = kiosk();
    apply('ky');
    expect(composeReceipt('BSK1-0000-ZZ', sources)).toBeUndefined();
  });

  it('still gives the number, date and state when newer content no longer has the service', () => {
    const { sources, apply, replaceCatalogue } = kiosk();
    const { receiptNumber } = apply('en');
    replaceCatalogue(new CatalogueView(testCatalogue([testService('marriage')])));
    const receipt = composeReceipt(receiptNumber, sources);
    expect(receipt).toMatchObject({ receiptNumber, serviceTitle: '', bring: [], date: '21.11.2026 09:05' });
    expect(receipt?.stateText).toMatch(/^Queued/);
  });
});
