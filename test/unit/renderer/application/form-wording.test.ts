import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../src/shared/domain/languages.js';
import { formDefinitionSchema } from '../../../../src/shared/forms/form-schema.js';

const firstIdCard = formDefinitionSchema.parse(JSON.parse(readFileSync('resources/content-source/forms/form-id-card-first.json', 'utf8')));
const ID_CARD = /ID-карт|ID card/i;

describe('the first-ID-card questions', () => {
  it('never ask the applicant to copy their own details from an ID card they do not have yet', () => {
    const ownDetails = firstIdCard.pages.filter((page) => ['your-name', 'birth-date', 'pin'].includes(page.id)).flatMap((page) => page.fields);
    expect(ownDetails.length).toBeGreaterThan(3);
    for (const field of ownDetails) {
      for (const language of LANGUAGES) {
        expect(`${field.label[language]} ${field.hint?.[language] ?? ''}`, `${field.id} in ${language}`).not.toMatch(ID_CARD);
      }
    }
  });

  it('tell them where their name is written instead', () => {
    const lastName = firstIdCard.pages.flatMap((page) => page.fields).find((field) => field.id === 'lastName')!;
    expect(lastName.hint?.en).toMatch(/birth certificate/);
    expect(lastName.hint?.ru).toMatch(/свидетельств/);
    expect(lastName.hint?.ky).toMatch(/күбөлүг/);
  });
});
