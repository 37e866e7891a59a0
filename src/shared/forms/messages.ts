import type { Language, LocalizedText } from '../domain/languages.js';

/**
 * The engine's own messages, in every kiosk language. Each says what to do next, with an example
 * where one helps: a visitor at a kiosk has nobody to ask what "invalid input" means.
 * The Kyrgyz texts should be read by a native speaker before release.
 */

export const ISSUE_CODES = [
  'REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'PATTERN', 'WRONG_SCRIPT', 'NOT_A_NUMBER', 'NOT_INTEGER', 'TOO_SMALL', 'TOO_LARGE',
  'INVALID_DATE', 'DATE_IN_FUTURE', 'DATE_IN_PAST', 'INVALID_OPTION', 'TOO_FEW_SELECTED', 'TOO_MANY_SELECTED', 'INVALID_PIN',
  'PIN_BIRTH_DATE_MISMATCH', 'INVALID_PHONE', 'INVALID_EMAIL', 'INVALID_DOCUMENT_NUMBER', 'INVALID_POSTAL_CODE',
  'INVALID_ADDRESS', 'TOO_FEW_ITEMS', 'TOO_MANY_ITEMS', 'CONSTRAINT', 'UNKNOWN_FIELD', 'WRONG_TYPE',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type MessageParams = Record<string, string | number>;

/**
 * Parameters the messages read:
 *   min / max                 TOO_SHORT, TOO_LONG, TOO_SMALL, TOO_LARGE, *_SELECTED, *_ITEMS
 *   script                    WRONG_SCRIPT: 'cyrillic' | 'latin'
 *   examples                  INVALID_DOCUMENT_NUMBER: e.g. "ID1234567, AN1234567"
 *   pinDate / birthDate       PIN_BIRTH_DATE_MISMATCH: YYYY-MM-DD, shown as DD.MM.YYYY
 *   fieldType                 REQUIRED: 'address' asks for every part of the address
 */

type Template = (params: Readonly<MessageParams>, language: Language) => string;
type Templates = Readonly<Record<Language, Template | string>>;

/** Numbers as each language writes them: a decimal comma in ky and ru. */
function formatNumber(value: string | number | undefined, language: Language): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const text = String(value);
  return language === 'en' ? text : text.replace('.', ',');
}

/** YYYY-MM-DD as DD.MM.YYYY, the way dates are written in Kyrgyzstan. */
function formatDate(value: string | number | undefined): string {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** Russian genitive after "не менее/до/не более": 1, 21, 31 … take the singular, the rest the plural. */
function russianGenitive(count: string | number | undefined, singular: string, plural: string): string {
  const number = typeof count === 'number' ? count : Number(count);
  if (!Number.isInteger(number)) return singular;
  return number % 10 === 1 && number % 100 !== 11 ? singular : plural;
}

function englishPlural(count: string | number | undefined, singular: string, plural: string): string {
  return Number(count) === 1 ? singular : plural;
}

const TEMPLATES: Readonly<Record<IssueCode, Templates>> = {
  REQUIRED: {
    ky: (p) => p.fieldType === 'address'
      ? 'Даректин бардык бөлүктөрүн толтуруңуз: облус, район, шаар же айыл, көчө жана үйдүн номери.'
      : 'Бул суроого жооп бериңиз — ансыз улантууга болбойт.',
    ru: (p) => p.fieldType === 'address'
      ? 'Заполните все части адреса: область, район, город или село, улицу и номер дома.'
      : 'Ответьте на этот вопрос — без ответа продолжить нельзя.',
    en: (p) => p.fieldType === 'address'
      ? 'Fill in every part of the address: region, district, town or village, street and house number.'
      : 'Please answer this question to continue.',
  },
  TOO_SHORT: {
    ky: (p, l) => `Кеминде ${formatNumber(p.min, l)} белги жазыңыз.`,
    ru: (p, l) => `Введите не менее ${formatNumber(p.min, l)} ${russianGenitive(p.min, 'символа', 'символов')}.`,
    en: (p, l) => `Enter at least ${formatNumber(p.min, l)} ${englishPlural(p.min, 'character', 'characters')}.`,
  },
  TOO_LONG: {
    ky: (p, l) => `Текстти ${formatNumber(p.max, l)} белгиге чейин кыскартыңыз.`,
    ru: (p, l) => `Сократите текст до ${formatNumber(p.max, l)} ${russianGenitive(p.max, 'символа', 'символов')}.`,
    en: (p, l) => `Shorten the text to ${formatNumber(p.max, l)} ${englishPlural(p.max, 'character', 'characters')} or fewer.`,
  },
  PATTERN: {
    ky: 'Жоопту жардамчы тексттеги үлгүдөй жазыңыз.',
    ru: 'Запишите ответ в том виде, как показано в подсказке.',
    en: 'Write the answer in the format shown in the hint.',
  },
  WRONG_SCRIPT: {
    ky: (p) => p.script === 'latin'
      ? 'Латын тамгалары менен гана жазыңыз, паспорттогудай, мисалы ASANOV. Баскычтопту латын тамгаларына которуңуз.'
      : 'Кириллица тамгалары менен гана жазыңыз (ң, ө, ү да болот). Латын тамгасы (мисалы, o же a) кокусунан кирип калган жокпу, текшериңиз.',
    ru: (p) => p.script === 'latin'
      ? 'Пишите только латинскими буквами, как в паспорте, например ASANOV. Переключите клавиатуру на латиницу.'
      : 'Пишите только кириллицей (можно ң, ө, ү). Проверьте, не попала ли латинская буква, похожая на русскую (например, o или a).',
    en: (p) => p.script === 'latin'
      ? 'Use Latin letters only, as in your passport, for example ASANOV. Switch the keyboard to Latin.'
      : 'Use Cyrillic letters only (ң, ө and ү are fine). Check for a Latin look-alike letter such as o or a.',
  },
  NOT_A_NUMBER: {
    ky: 'Санды цифралар менен жазыңыз, мисалы 12 же 12,5.',
    ru: 'Введите число цифрами, например 12 или 12,5.',
    en: 'Enter a number in digits, for example 12 or 12.5.',
  },
  NOT_INTEGER: {
    ky: 'Бүтүн санды бөлчөксүз жазыңыз, мисалы 3.',
    ru: 'Введите целое число без дробной части, например 3.',
    en: 'Enter a whole number without decimals, for example 3.',
  },
  TOO_SMALL: {
    ky: (p, l) => `${formatNumber(p.min, l)} же андан чоң санды жазыңыз.`,
    ru: (p, l) => `Введите число не меньше ${formatNumber(p.min, l)}.`,
    en: (p, l) => `Enter a number of ${formatNumber(p.min, l)} or more.`,
  },
  TOO_LARGE: {
    ky: (p, l) => `${formatNumber(p.max, l)} же андан кичине санды жазыңыз.`,
    ru: (p, l) => `Введите число не больше ${formatNumber(p.max, l)}.`,
    en: (p, l) => `Enter a number of ${formatNumber(p.max, l)} or less.`,
  },
  INVALID_DATE: {
    ky: 'Күндү текшериңиз: календарда мындай күн жок. Күнүн, айын жана жылын жазыңыз, мисалы 12.04.1985.',
    ru: 'Проверьте дату: такого дня нет в календаре. Укажите день, месяц и год, например 12.04.1985.',
    en: 'Check the date: that day does not exist. Enter the day, month and year, for example 12.04.1985.',
  },
  DATE_IN_FUTURE: {
    ky: 'Бул күн келечекте боло албайт — бүгүнкү же мурунку күндү көрсөтүңүз.',
    ru: 'Эта дата не может быть в будущем — укажите сегодняшнюю или более раннюю дату.',
    en: 'This date cannot be in the future — enter today or an earlier date.',
  },
  DATE_IN_PAST: {
    ky: 'Бул күн өтүп кеткен күн боло албайт — бүгүнкү же кийинки күндү көрсөтүңүз.',
    ru: 'Эта дата не может быть в прошлом — укажите сегодняшнюю или более позднюю дату.',
    en: 'This date cannot be in the past — enter today or a later date.',
  },
  INVALID_OPTION: {
    ky: 'Көрсөтүлгөн варианттардын биринен тандаңыз.',
    ru: 'Выберите один из предложенных вариантов.',
    en: 'Choose one of the options shown.',
  },
  TOO_FEW_SELECTED: {
    ky: (p, l) => `Кеминде ${formatNumber(p.min, l)} вариант тандаңыз.`,
    ru: (p, l) => `Выберите не менее ${formatNumber(p.min, l)} ${russianGenitive(p.min, 'варианта', 'вариантов')}.`,
    en: (p, l) => `Choose at least ${formatNumber(p.min, l)} ${englishPlural(p.min, 'option', 'options')}.`,
  },
  TOO_MANY_SELECTED: {
    ky: (p, l) => `${formatNumber(p.max, l)} варианттан ашык тандабаңыз — ашыкчасын алып салыңыз.`,
    ru: (p, l) => `Выберите не более ${formatNumber(p.max, l)} ${russianGenitive(p.max, 'варианта', 'вариантов')} — снимите лишние отметки.`,
    en: (p, l) => `Choose no more than ${formatNumber(p.max, l)} ${englishPlural(p.max, 'option', 'options')} — remove the extra ones.`,
  },
  INVALID_PIN: {
    ky: 'ПИНдин 14 цифрасын жазыңыз, мисалы 21204198500012: биринчи цифра 1 же 2, андан кийин туулган күн. ПИН ID-картада жазылган.',
    ru: 'Введите 14 цифр ПИН, например 21204198500012: первая цифра 1 или 2, затем дата рождения. ПИН указан в ID-карте.',
    en: 'Enter the 14 digits of the PIN, for example 21204198500012: first 1 or 2, then the birth date. The PIN is on the ID card.',
  },
  PIN_BIRTH_DATE_MISMATCH: {
    ky: (p) => `ПИНдеги туулган күн (${formatDate(p.pinDate)}) жазылган туулган күнгө (${formatDate(p.birthDate)}) дал келбейт. Экөөнү тең текшериңиз; экөө тең туура болсо, уланта бериңиз.`,
    ru: (p) => `Дата рождения в ПИН (${formatDate(p.pinDate)}) не совпадает с указанной датой рождения (${formatDate(p.birthDate)}). Проверьте обе; если обе верны, можно продолжить.`,
    en: (p) => `The birth date in the PIN (${formatDate(p.pinDate)}) differs from the birth date entered (${formatDate(p.birthDate)}). Check both; if both are right, you can continue.`,
  },
  INVALID_PHONE: {
    ky: 'Кыргызстандын телефон номерин жазыңыз, мисалы 0700 123 456 же +996 700 123 456.',
    ru: 'Введите номер телефона в Кыргызстане, например 0700 123 456 или +996 700 123 456.',
    en: 'Enter a Kyrgyz phone number, for example 0700 123 456 or +996 700 123 456.',
  },
  INVALID_EMAIL: {
    ky: 'Электрондук почтаны толук, латын тамгалары менен жазыңыз, мисалы aibek@mail.kg.',
    ru: 'Введите адрес электронной почты полностью, латинскими буквами, например aibek@mail.kg.',
    en: 'Enter the full email address in Latin letters, for example aibek@mail.kg.',
  },
  INVALID_DOCUMENT_NUMBER: {
    ky: (p) => `Документтин сериясын жана номерин документтегидей жазыңыз${p.examples ? `, мисалы ${p.examples}` : ''}.`,
    ru: (p) => `Введите серию и номер так, как они написаны в документе${p.examples ? `, например ${p.examples}` : ''}.`,
    en: (p) => `Enter the series and number exactly as printed on the document${p.examples ? `, for example ${p.examples}` : ''}.`,
  },
  INVALID_POSTAL_CODE: {
    ky: 'Почта индексин жазыңыз: 7 менен башталган 6 цифра, мисалы 720001.',
    ru: 'Введите почтовый индекс: 6 цифр, начиная с 7, например 720001.',
    en: 'Enter the postal code: 6 digits starting with 7, for example 720001.',
  },
  INVALID_ADDRESS: {
    ky: 'Даректи толук жазыңыз: облусту тандап, районду, шаарды же айылды, көчөнү жана үйдүн номерин жазыңыз (ар бири 100 белгиге чейин, батир 20 белгиге чейин).',
    ru: 'Заполните адрес полностью: выберите область и укажите район, город или село, улицу и номер дома (каждое до 100 символов, квартира до 20).',
    en: 'Complete the address: choose the region and enter the district, town or village, street and house number (each up to 100 characters, flat up to 20).',
  },
  TOO_FEW_ITEMS: {
    ky: (p, l) => `Кеминде ${formatNumber(p.min, l)} жазуу кошуңуз.`,
    ru: (p, l) => `Добавьте не менее ${formatNumber(p.min, l)} ${russianGenitive(p.min, 'записи', 'записей')}.`,
    en: (p, l) => `Add at least ${formatNumber(p.min, l)} ${englishPlural(p.min, 'entry', 'entries')}.`,
  },
  TOO_MANY_ITEMS: {
    ky: (p, l) => `${formatNumber(p.max, l)} жазуудан ашпашы керек — ашыкчасын өчүрүңүз.`,
    ru: (p, l) => `Можно добавить не более ${formatNumber(p.max, l)} ${russianGenitive(p.max, 'записи', 'записей')} — удалите лишние.`,
    en: (p, l) => `Add no more than ${formatNumber(p.max, l)} ${englishPlural(p.max, 'entry', 'entries')} — remove the extra ones.`,
  },
  CONSTRAINT: {
    ky: 'Жоопту текшериңиз: ал арыздагы башка жооптор менен дал келбейт.',
    ru: 'Проверьте ответ: он не согласуется с другими ответами в заявлении.',
    en: 'Check this answer: it does not agree with your other answers.',
  },
  UNKNOWN_FIELD: {
    ky: 'Арызда мындай суроо жок. Арызды башынан кайра толтуруңуз.',
    ru: 'В заявлении нет такого вопроса. Заполните заявление заново.',
    en: 'The application has no such question. Please start the application again.',
  },
  WRONG_TYPE: {
    ky: 'Жооп туура эмес түрдө келди. Суроого кайтып, кайра жооп бериңиз.',
    ru: 'Ответ пришёл в неверном виде. Вернитесь к вопросу и ответьте ещё раз.',
    en: 'The answer arrived in the wrong form. Go back to the question and answer it again.',
  },
};

export function isIssueCode(value: unknown): value is IssueCode {
  return typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value);
}

export function issueMessage(code: IssueCode, params: MessageParams = {}): LocalizedText {
  const templates = TEMPLATES[code];
  const render = (language: Language): string => {
    const template = templates[language];
    return typeof template === 'string' ? template : template(params, language);
  };
  return { ky: render('ky'), ru: render('ru'), en: render('en') };
}
