import { z } from 'zod';
import { LANGUAGES, type LocalizedText } from './languages.js';

/*
 * The schemas of languages.ts, apart from it: the page names the languages on every screen and
 * need not carry the schema library for that.
 */
export const languageSchema = z.enum(LANGUAGES);

export const localizedTextSchema = z.object({
  ky: z.string().min(1),
  ru: z.string().min(1),
  en: z.string().min(1),
}) satisfies z.ZodType<LocalizedText>;
