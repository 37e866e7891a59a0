/** The kiosk's languages, in the order the language screen offers them. */
export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A human text in every kiosk language; content is refused if one is missing (language-schemas.ts checks it). */
export type LocalizedText = Record<Language, string>;
