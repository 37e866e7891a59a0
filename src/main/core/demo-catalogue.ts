import type { LocalizedText } from '../../shared/languages.js';
import type { CatalogueService } from './catalogue.js';

/**
 * A few real services of the State Registration Service, so a freshly installed kiosk shows
 * something true before its first signed content package arrives. Prices and times are the public
 * figures where they are known and marked as demo data throughout.
 */
export const DEMO_OFFICE_NAME: LocalizedText = {
  ky: 'Бишкек шаарындагы «Кызмат» борбору (демо)',
  ru: 'Центр «Кызмат», г. Бишкек (демо)',
  en: 'Kyzmat service centre, Bishkek (demo)',
};

export const DEMO_SERVICES: readonly CatalogueService[] = [
  {
    id: 'id-card-first',
    priceSom: 510,
    processingDays: 12,
    isDemo: true,
    title: {
      ky: 'ID-картаны алуу (16 жаш)',
      ru: 'Получение ID-карты (с 16 лет)',
      en: 'ID card, first issue (age 16)',
    },
    summary: {
      ky: 'Кыргыз Республикасынын жаранынын биринчи паспорту',
      ru: 'Первый паспорт гражданина Кыргызской Республики',
      en: 'The first passport of a citizen of the Kyrgyz Republic',
    },
  },
  {
    id: 'foreign-passport',
    priceSom: 885,
    processingDays: 18,
    isDemo: true,
    title: {
      ky: 'Жалпы жарандык паспортту тариздөө',
      ru: 'Оформление общегражданского паспорта',
      en: 'Passport for travel abroad',
    },
    summary: {
      ky: 'Чет өлкөгө чыгуу үчүн паспорт',
      ru: 'Паспорт для выезда за границу',
      en: 'A passport for travelling abroad',
    },
  },
  {
    id: 'residence-registration',
    priceSom: 150,
    processingDays: 1,
    isDemo: true,
    title: {
      ky: 'Жашаган жери боюнча каттоо',
      ru: 'Регистрация по месту жительства',
      en: 'Residence registration',
    },
    summary: {
      ky: 'Жаңы дарек боюнча каттоого туруу',
      ru: 'Постановка на учёт по новому адресу',
      en: 'Registering at a new address',
    },
  },
  {
    id: 'birth-registration',
    priceSom: 0,
    processingDays: 0,
    isDemo: true,
    title: {
      ky: 'Баланын туулгандыгын каттоо',
      ru: 'Регистрация рождения',
      en: 'Birth registration',
    },
    summary: {
      ky: 'Туулгандыгы тууралуу күбөлүк жана балага ПИН',
      ru: 'Свидетельство о рождении и ПИН ребёнку',
      en: 'A birth certificate and a personal number for the child',
    },
  },
  {
    id: 'cloud-e-signature',
    priceSom: 0,
    processingDays: 0,
    isDemo: true,
    title: {
      ky: 'Булуттук электрондук кол тамга',
      ru: 'Облачная электронная подпись',
      en: 'Cloud electronic signature',
    },
    summary: {
      ky: 'Бир жылга электрондук кол тамга',
      ru: 'Электронная подпись на один год',
      en: 'An electronic signature valid for one year',
    },
  },
];
