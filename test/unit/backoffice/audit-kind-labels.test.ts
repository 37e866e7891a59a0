import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_LABELS } from '../../../src/backoffice/audit/kind-keys.js';
import { AUDIT_KINDS } from '../../../src/main/core/audit/audit-kinds.js';
import { PORTAL_AUDIT_KINDS } from '../../../src/portal/audit/portal-audit-entry.js';
import { LANGUAGES } from '../../../src/shared/domain/languages.js';

type Tree = { [key: string]: string | Tree };
const lookUp = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

describe('the audit page’s words for entry kinds', () => {
  it('names every kind this kiosk and this portal record (a newer kiosk’s kind is the only one shown by its code alone)', () => {
    const named = Object.keys(KIND_LABELS).sort();
    expect(named).toEqual([...new Set([...AUDIT_KINDS, ...PORTAL_AUDIT_KINDS])].sort());
  });

  it.each(LANGUAGES)('has each of those words in %s', (language) => {
    const strings = JSON.parse(readFileSync(`src/backoffice/locales/${language}/audit.json`, 'utf8')) as Tree;
    const missing = Object.values(KIND_LABELS).filter((key) => typeof lookUp(strings, key) !== 'string' || String(lookUp(strings, key)).trim() === '');
    expect(missing).toEqual([]);
  });
});
