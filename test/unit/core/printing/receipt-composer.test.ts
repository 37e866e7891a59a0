import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceiptDetails } from '../../../../src/main/core/applications/application-service.js';
import { Outbox, type NewOutboxEntry } from '../../../../src/main/core/applications/outbox.js';
import { CatalogueView } from '../../../../src/main/core/content/catalogue-view.js';
import { createHostTranslations } from '../../../../src/main/core/i18n/host-translations.js';
import { composeReceipt, type ReceiptSources } from '../../../../src/main/core/printing/receipt-composer.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import type { Service } from '../../../../src/shared/content/content-schema.js';
import type { Language } from '../../../../src/shared/domain/languages.js';
import { testCatalogue, testService } from '../../../support/content-fixtures.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const databases: KioskDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

const text = (ky: string, ru: string, en: string) => ({ ky, ru, en });
/** 21 November 2026, 09:05 on the kiosk's own clock, whatever its time zone. */
const CREATED_AT = new Date(2026, 10, 21, 9, 5).toISOString();
const STATUS_PAGE = 'https://portal.kyzmat.example/status/{receiptNumber}';
const PAYMENT = text('Банктын кассасында төлөңүз.', 'Оплатите в кассе банка.', 'Pay at the bank counter.');

/** A marriage-like service: the fee follows the urgency chosen, a divorce certificate only for someone married before. */
const marriage = testService('marriage', {
  price: { amountSom: 500, assumed: false, amountField: 'fee' },
  requiredDocuments: [
    { id: 'passports', title: text('Паспорттор', 'Паспорта', 'Passports') },
    {
      id: 'divorce',
      title: text('Ажырашуу күбөлүгү', 'Свидетельство о расторжении брака', 'Divorce certificate'),
      note: text('Мурда никеде болсоңуз.', 'Если вы состояли в браке.', 'If you were married before.'),
      relevant: { '==': [{ var: 'marriedBefore' }, true] },
    },
    { id: 'payment-receipt', title: text('Төлөм квитанциясы', 'Квитанция об оплате', 'Payment receipt') },
  ],
});
const birth = testService('birth', { price: { amountSom: 0, assumed: false } });
const certificate = testService('certificate', { price: { amountSom: 1200, assumed: false } });

function kiosk(options: { services?: Service[]; statusPage?: boolean; details?: Record<string, ReceiptDetails> } = {}) {
  const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
  databases.push(db);
  const outbox = new Outbox(db, 'BSK1');
  const document = testCatalogue(options.services ?? [marriage, birth, certificate]);
  document.settings.payment = PAYMENT;
  if (options.statusPage !== false) document.settings.statusLookupUrl = STATUS_PAGE;
  let catalogue: CatalogueView | undefined = new CatalogueView(document);
  const details = new Map(Object.entries(options.details ?? {}));
  const sources: ReceiptSources = {
    stored: (receiptNumber) => outbox.byReceiptNumber(receiptNumber),
    catalogue: () => catalogue,
    details: (receiptNumber) => details.get(receiptNumber),
    translations: createHostTranslations(),
  };
  const apply = (language: Language, serviceId = 'marriage', remembered?: ReceiptDetails) => {
    const receipt = outbox.enqueue(entry(crypto.randomUUID(), language, serviceId));
    if (remembered) details.set(receipt.receiptNumber, remembered);
    return receipt;
  };
  return { outbox, sources, apply, forget: () => details.clear(), replaceCatalogue: (next: CatalogueView | undefined) => (catalogue = next) };
}

function entry(id: string, language: Language, serviceId: string): NewOutboxEntry {
  return {
    id, serviceId, formId: 'form-general', formVersion: 1, contentVersion: 1, privacyPolicyVersion: '1', userAgreementVersion: '1',
    language, createdAt: CREATED_AT, sealed: new Uint8Array([1, 2, 3]), sealedFormat: 'hpke-v1', sealedKeyId: 'test-portal',
    assistedBy: null,
  };
}

/** Intl groups thousands with a no-break space in ky and ru; compare as a reader sees it. */
const spaced = (value: string | undefined) => value?.replace(/\s/g, ' ');

const URGENT_FIRST_MARRIAGE: ReceiptDetails = { amountToPaySom: 1640, documentIds: ['passports', 'payment-receipt'] };

describe('composing a receipt', () => {
  it('says what the receipt screen says, in the language the visitor applied in', () => {
    const { sources, apply } = kiosk();
    const { receiptNumber } = apply('ru', 'marriage', URGENT_FIRST_MARRIAGE);
    const receipt = composeReceipt(receiptNumber, sources);
    expect({ ...receipt, fee: spaced(receipt?.fee) }).toEqual({
      heading: 'Заявление принято',
      officeName: 'Тестовый офис',
      serviceTitle: 'marriage ru',
      receiptNumberLabel: 'Номер заявления',
      receiptNumber,
      dateLabel: 'Дата',
      date: '21.11.2026 09:05',
      stateText: 'Сохранено на этом киоске. Оно будет отправлено в службу автоматически, вам ничего делать не нужно.',
      qrText: `https://portal.kyzmat.example/status/${receiptNumber}`,
      qrCaption: 'Отсканируйте код, чтобы узнать, как продвигается заявление.',
      feeHeading: 'К оплате',
      fee: '1 640 сом',
      paymentHeading: 'Как и где оплатить',
      payment: 'Оплатите в кассе банка.',
      bringHeading: 'Возьмите с собой',
      bring: [{ title: 'Паспорта' }, { title: 'Квитанция об оплате' }],
      nextHeading: 'Что дальше',
      next: 'Заявление будет передано в Государственную регистрационную службу. Покажите сотруднику документы и этот номер. По номеру можно узнать состояние заявления.',
      footer: 'Сохраните эту квитанцию.',
    });
  });

  it('prints Kyrgyz and English applications in their own language, fee and payment text included', () => {
    const { sources, apply } = kiosk();
    const ky = composeReceipt(apply('ky', 'marriage', URGENT_FIRST_MARRIAGE).receiptNumber, sources);
    expect({ ...ky, fee: spaced(ky?.fee) }).toMatchObject({
      heading: 'Арызыңыз кабыл алынды',
      officeName: 'Тест кеңсеси',
      serviceTitle: 'marriage ky',
      feeHeading: 'Төлөнүүчү сумма',
      fee: '1 640 сом',
      paymentHeading: 'Кантип жана кайда төлөө керек',
      payment: 'Банктын кассасында төлөңүз.',
      bringHeading: 'Өзүңүз менен алып келиңиз',
      bring: [{ title: 'Паспорттор' }, { title: 'Төлөм квитанциясы' }],
    });
    const en = composeReceipt(apply('en', 'marriage', URGENT_FIRST_MARRIAGE).receiptNumber, sources);
    expect(en).toMatchObject({
      heading: 'Your application has been accepted',
      officeName: 'Test office',
      feeHeading: 'To pay',
      fee: '1,640 som',
      paymentHeading: 'How and where to pay',
      payment: 'Pay at the bank counter.',
      bring: [{ title: 'Passports' }, { title: 'Payment receipt' }],
    });
  });
});

describe('the fee on the slip', () => {
  it('is the amount the form calculated for this visitor, not the service’s base price', () => {
    const { sources, apply } = kiosk();
    const standard = apply('en', 'marriage', { amountToPaySom: 510, documentIds: ['passports'] });
    expect(composeReceipt(standard.receiptNumber, sources)?.fee).toBe('510 som');
    const urgent = apply('en', 'marriage', { amountToPaySom: 4140, documentIds: ['passports'] });
    expect(composeReceipt(urgent.receiptNumber, sources)?.fee).toBe('4,140 som');
  });

  it('says "free of charge" and leaves out how to pay when there is nothing to pay', () => {
    const { sources, apply } = kiosk();
    for (const [language, free] of [['ky', 'Акысыз'], ['ru', 'Бесплатно'], ['en', 'Free of charge']] as const) {
      const receipt = composeReceipt(apply(language, 'birth', { amountToPaySom: 0, documentIds: ['passport'] }).receiptNumber, sources);
      expect(receipt?.fee).toBe(free);
      expect(receipt?.payment).toBeUndefined();
      expect(receipt?.paymentHeading).toBeUndefined();
    }
  });

  it('on a later reprint states a fixed price, and for a fee that follows the answers says it depends on them', () => {
    const { sources, apply, forget } = kiosk();
    const fixed = apply('en', 'certificate', { amountToPaySom: 1200, documentIds: ['passport'] });
    const chosen = apply('ru', 'marriage', URGENT_FIRST_MARRIAGE);
    forget();
    expect(composeReceipt(fixed.receiptNumber, sources)).toMatchObject({ fee: '1,200 som', payment: 'Pay at the bank counter.' });
    const reprint = composeReceipt(chosen.receiptNumber, sources);
    expect(reprint?.fee).toBe('Зависит от выбранных условий: уточните у сотрудника.');
    expect(JSON.stringify(reprint)).not.toMatch(/1.?640/);
    expect(reprint?.payment).toBe('Оплатите в кассе банка.');
  });

  it('leaves out how to pay when the content says nothing about it', () => {
    const { sources, apply, replaceCatalogue } = kiosk();
    replaceCatalogue(new CatalogueView(testCatalogue([marriage])));
    const receipt = composeReceipt(apply('en', 'marriage', URGENT_FIRST_MARRIAGE).receiptNumber, sources);
    expect(receipt).toMatchObject({ fee: '1,640 som' });
    expect(receipt?.payment).toBeUndefined();
  });
});

describe('the documents on the slip', () => {
  it('are those the answers call for, in catalogue order, with their notes', () => {
    const { sources, apply } = kiosk();
    const remarried = apply('en', 'marriage', { amountToPaySom: 510, documentIds: ['payment-receipt', 'divorce', 'passports'] });
    expect(composeReceipt(remarried.receiptNumber, sources)).toMatchObject({
      bringHeading: 'Bring with you',
      bring: [{ title: 'Passports' }, { title: 'Divorce certificate', note: 'If you were married before.' }, { title: 'Payment receipt' }],
    });
    const first = composeReceipt(apply('en', 'marriage', URGENT_FIRST_MARRIAGE).receiptNumber, sources);
    expect(first?.bring.map((item) => item.title)).toEqual(['Passports', 'Payment receipt']);
  });

  it('on a reprint after the answers are forgotten are the whole list, under a heading that says to bring those that apply', () => {
    const { sources, apply, forget } = kiosk();
    const numbers = (['ky', 'ru', 'en'] as const).map((language) => apply(language, 'marriage', URGENT_FIRST_MARRIAGE).receiptNumber);
    forget();
    const [ky, ru, en] = numbers.map((number) => composeReceipt(number, sources));
    expect(ky).toMatchObject({ bringHeading: 'Бул кызмат үчүн документтер: өзүңүзгө тиешелүүлөрүн алып келиңиз' });
    expect(ru).toMatchObject({ bringHeading: 'Документы для этой услуги: возьмите те, что относятся к вам' });
    expect(en).toMatchObject({
      bringHeading: 'Documents for this service: bring those that apply to you',
      bring: [{ title: 'Passports' }, { title: 'Divorce certificate', note: 'If you were married before.' }, { title: 'Payment receipt' }],
    });
  });
});

describe('the QR code on the slip', () => {
  it('opens the status page of the content settings for this number', () => {
    const { sources, apply } = kiosk();
    const { receiptNumber } = apply('ky', 'marriage', URGENT_FIRST_MARRIAGE);
    expect(composeReceipt(receiptNumber, sources)).toMatchObject({
      qrText: `https://portal.kyzmat.example/status/${receiptNumber}`,
      qrCaption: 'Арызыңыздын абалын билүү үчүн кодду сканерлеңиз.',
    });
  });

  it('holds the number alone, with no caption about a status page, when the content names none', () => {
    const { sources, apply } = kiosk({ statusPage: false });
    const { receiptNumber } = apply('en', 'marriage', URGENT_FIRST_MARRIAGE);
    const receipt = composeReceipt(receiptNumber, sources);
    expect(receipt?.qrText).toBe(receiptNumber);
    expect(receipt?.qrCaption).toBeUndefined();
  });
});

describe('what the slip says about sending', () => {
  const stateOn = (language: Language, move?: (outbox: Outbox, id: string) => void) => {
    const { sources, apply, outbox } = kiosk();
    const { id, receiptNumber } = apply(language, 'marriage', URGENT_FIRST_MARRIAGE);
    move?.(outbox, id);
    return composeReceipt(receiptNumber, sources)?.stateText;
  };

  it('while queued, says it is saved and goes by itself, never that it was sent', () => {
    expect(stateOn('ky')).toBe('Ушул киоскто сакталды. Кызматка өзү жөнөтүлөт, сизден эч нерсе талап кылынбайт.');
    expect(stateOn('ru')).toBe('Сохранено на этом киоске. Оно будет отправлено в службу автоматически, вам ничего делать не нужно.');
    expect(stateOn('en')).toBe('Saved on this kiosk. It is sent to the service automatically: you need do nothing.');
    for (const language of ['ky', 'ru', 'en'] as const) expect(stateOn(language)).not.toMatch(/Жөнөтүлдү|Отправлено|Sent/);
  });

  it('while being sent, says what a queued slip says: "being sent" would be stale on paper', () => {
    for (const language of ['ky', 'ru', 'en'] as const) {
      expect(stateOn(language, (outbox, id) => outbox.markSending(id))).toBe(stateOn(language));
    }
  });

  it('after delivery, says the service received it, so a reprint then is true as well', () => {
    const delivered = (outbox: Outbox, id: string) => outbox.markDelivered(id, new Date());
    expect(stateOn('ky', delivered)).toBe('Жөнөтүлдү: кызмат аны алды.');
    expect(stateOn('ru', delivered)).toBe('Отправлено: служба его получила.');
    expect(stateOn('en', delivered)).toBe('Sent: the service has received it.');
  });

  it('when set aside for checking, sends the visitor to a member of staff', () => {
    const quarantined = (outbox: Outbox, id: string) => outbox.markQuarantined(id, 'CONFLICT');
    expect(stateOn('ky', quarantined)).toBe('Ушул киоскто сакталды жана текшерилип жатат: кызматкерге кайрылыңыз.');
    expect(stateOn('ru', quarantined)).toBe('Сохранено на этом киоске и проверяется: обратитесь к сотруднику.');
    expect(stateOn('en', quarantined)).toBe('Saved on this kiosk and being checked: please ask a member of staff.');
  });
});

describe('receipts the catalogue cannot fully describe', () => {
  it('composes nothing for a number this kiosk did not issue', () => {
    const { sources, apply } = kiosk();
    apply('ky');
    expect(composeReceipt('BSK1-0000-ZZ', sources)).toBeUndefined();
  });

  it('still gives the number, date and state when newer content no longer has the service', () => {
    const { sources, apply, replaceCatalogue } = kiosk();
    const { receiptNumber } = apply('en');
    replaceCatalogue(new CatalogueView(testCatalogue([testService('other')])));
    const receipt = composeReceipt(receiptNumber, sources);
    expect(receipt).toMatchObject({ receiptNumber, serviceTitle: '', bring: [], date: '21.11.2026 09:05' });
    expect(receipt?.fee).toBeUndefined();
    expect(receipt?.stateText).toMatch(/^Saved on this kiosk/);
  });
});
