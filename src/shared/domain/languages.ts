import { z } from 'zod';

/** The kiosk's languages, in the order the language screen offers them. */
export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/** A human text in every kiosk language; content is refused if one is missing. */
export const localizedTextSchema = z.object({
  ky: z.string().min(1),
  ru: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
