import { describe, expect, it } from 'vitest';
import { otherSampleLanguages, samplesForLanguage } from '../../../../src/renderer/features/catalogue/sample-languages.js';

describe('samples and the visitor’s language', () => {
  const samples = [
    { id: 'ru-only', languages: ['ru' as const] },
    { id: 'ky-ru', languages: ['ky' as const, 'ru' as const] },
    { id: 'en-only', languages: ['en' as const] },
  ];

  it('puts the samples written in the visitor’s language first, keeping the content’s order otherwise', () => {
    expect(samplesForLanguage(samples, 'ky').map((sample) => sample.id)).toEqual(['ky-ru', 'ru-only', 'en-only']);
    expect(samplesForLanguage(samples, 'en').map((sample) => sample.id)).toEqual(['en-only', 'ru-only', 'ky-ru']);
    expect(samplesForLanguage(samples, 'ru').map((sample) => sample.id)).toEqual(['ru-only', 'ky-ru', 'en-only']);
  });

  it('names the sample’s languages only when the visitor’s is not among them', () => {
    expect(otherSampleLanguages(['ru', 'ky'], 'en')).toBe('ky-ru');
    expect(otherSampleLanguages(['ky', 'ru'], 'ky')).toBeNull();
    expect(otherSampleLanguages(['en', 'ru'], 'ky')).toBe('ru-en');
    expect(otherSampleLanguages([], 'en')).toBeNull();
  });
});
