import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { KYRGYZ_PHONE_METADATA } from '../../../src/shared/forms/phone-metadata-kg.js';
import { normalisePhone } from '../../../src/shared/forms/validators.js';

const require = createRequire(import.meta.url);

describe('the Kyrgyz phone metadata the page carries', () => {
  it('is exactly the installed libphonenumber-js max metadata for KG', () => {
    const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8')) as {
      version: number;
      countries: Record<string, unknown>;
      country_calling_codes: Record<string, string[]>;
    };
    // After an upgrade of libphonenumber-js, write src/shared/forms/phone-metadata-kg.ts again from
    // node_modules/libphonenumber-js/metadata.max.json: version, country_calling_codes {"996": ["KG"]}, countries {KG}.
    expect(KYRGYZ_PHONE_METADATA).toEqual({
      version: full.version,
      country_calling_codes: { '996': full.country_calling_codes['996'] },
      countries: { KG: full.countries.KG },
      nonGeographic: {},
    });
  });

  it('still knows the allocated ranges: mobile and Bishkek numbers pass, unallocated ones and other countries do not', () => {
    expect(normalisePhone('0700 123 456')).toBe('+996700123456');
    expect(normalisePhone('+996 (312) 98-61-41')).toBe('+996312986141');
    expect(normalisePhone('0555 12 34 56')).toBe('+996555123456');
    expect(normalisePhone('0610 123 456')).toBeNull();
    expect(normalisePhone('0840 123 456')).toBeNull();
    expect(normalisePhone('+7 912 345 67 89')).toBeNull();
    expect(normalisePhone('+1 202 555 0143')).toBeNull();
  });
});
