import { LANGUAGES, type Language } from '../../../shared/domain/languages.js';

/** The language combinations a sample can be in without the visitor's own; each has its own sentence. */
export type SampleLanguages = 'ky' | 'ru' | 'en' | 'ky-ru' | 'ky-en' | 'ru-en';

interface SampleWithLanguages {
  languages: Language[];
}

/** Samples in the visitor's language first, then the rest as the content lists them. */
export function samplesForLanguage<S extends SampleWithLanguages>(samples: readonly S[], language: Language): S[] {
  const inLanguage = (sample: S) => sample.languages.includes(language);
  return [...samples.filter(inLanguage), ...samples.filter((sample) => !inLanguage(sample))];
}

/**
 * Which languages to name when a sample is not in the visitor's language (say "in Kyrgyz and
 * Russian" rather than let it pass as theirs); null when it is, or when the content does not say.
 */
export function otherSampleLanguages(languages: readonly Language[], language: Language): SampleLanguages | null {
  if (languages.length === 0 || languages.includes(language)) return null;
  return LANGUAGES.filter((candidate) => languages.includes(candidate)).join('-') as SampleLanguages;
}
