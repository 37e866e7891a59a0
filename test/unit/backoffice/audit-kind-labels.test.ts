import { describe, expect, it } from 'vitest';
import { KIND_LABELS } from '../../../src/backoffice/audit/kind-keys.js';
import { AUDIT_KINDS } from '../../../src/main/core/audit/audit-kinds.js';
import { PORTAL_AUDIT_KINDS } from '../../../src/portal/audit/portal-audit-entry.js';

describe('the audit page’s words for entry kinds', () => {
  it('names every kind this kiosk and this portal record (a newer kiosk’s kind is the only one shown by its code alone)', () => {
    const named = Object.keys(KIND_LABELS).sort();
    expect(named).toEqual([...new Set([...AUDIT_KINDS, ...PORTAL_AUDIT_KINDS])].sort());
  });
});
