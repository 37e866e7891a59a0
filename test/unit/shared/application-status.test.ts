import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, LEGACY_STATUS_OF, checkStatusMove, type ApplicationStatusName } from '../../../src/shared/domain/application-status.js';
import { statusReasonListSchema } from '../../../src/shared/domain/application-status-reasons.js';
import { LEGACY_APPLICATION_STATUSES } from '../../../src/shared/domain/submission.js';

/** The workflow as the office describes it, written out pair by pair rather than read from the code. */
const ALLOWED: ReadonlySet<string> = new Set([
  'received→in-review',
  'in-review→needs-action',
  'in-review→ready-for-pickup',
  'in-review→rejected',
  'needs-action→in-review',
  'ready-for-pickup→issued',
]);
const WITH_REASON: readonly ApplicationStatusName[] = ['needs-action', 'rejected'];

describe('the application status workflow', () => {
  for (const from of APPLICATION_STATUSES) {
    for (const to of APPLICATION_STATUSES) {
      const move = `${from}→${to}`;
      const reasonId = WITH_REASON.includes(to) ? 'document-missing' : null;
      if (ALLOWED.has(move)) {
        it(`lets an officer move ${move}${reasonId ? ' with a reason' : ''}`, () => {
          expect(checkStatusMove(from, to, reasonId)).toEqual({ ok: true });
        });
      } else {
        it(`refuses ${move}`, () => {
          expect(checkStatusMove(from, to, reasonId)).toEqual({ ok: false, refusal: 'MOVE_NOT_ALLOWED' });
        });
      }
    }
  }

  it('asks for a reason when an application needs the visitor or is rejected', () => {
    expect(checkStatusMove('in-review', 'needs-action', null)).toEqual({ ok: false, refusal: 'REASON_REQUIRED' });
    expect(checkStatusMove('in-review', 'rejected', null)).toEqual({ ok: false, refusal: 'REASON_REQUIRED' });
  });

  it('keeps no reason on a move that does not need one, so a visitor never reads a stale one', () => {
    expect(checkStatusMove('received', 'in-review', 'fee-not-paid')).toEqual({ ok: false, refusal: 'REASON_NOT_TAKEN' });
    expect(checkStatusMove('in-review', 'ready-for-pickup', 'fee-not-paid')).toEqual({ ok: false, refusal: 'REASON_NOT_TAKEN' });
    expect(checkStatusMove('ready-for-pickup', 'issued', 'fee-not-paid')).toEqual({ ok: false, refusal: 'REASON_NOT_TAKEN' });
  });

  it('gives an older kiosk one of the four words it knows for every status', () => {
    for (const status of APPLICATION_STATUSES) expect(LEGACY_APPLICATION_STATUSES).toContain(LEGACY_STATUS_OF[status]);
    expect(LEGACY_STATUS_OF['needs-action']).toBe('processing');
    expect(LEGACY_STATUS_OF['ready-for-pickup']).toBe('ready');
  });
});

describe('the reason templates the portal ships', () => {
  const list = statusReasonListSchema.parse(JSON.parse(readFileSync('resources/portal/status-reasons.json', 'utf8')));

  it('cover the office’s usual reasons, each with a text and a next step in ky, ru and en', () => {
    expect(list.reasons.map((reason) => reason.id)).toEqual(
      expect.arrayContaining(['document-missing', 'photo-rules', 'fee-not-paid', 'signature-missing', 'registry-mismatch', 'duplicate-application']),
    );
    for (const reason of list.reasons) {
      // Kyrgyz texts are written in Kyrgyz, not copied from the Russian.
      expect(reason.text.ky).not.toBe(reason.text.ru);
      expect(reason.nextStep.ky).not.toBe(reason.nextStep.ru);
    }
  });

  it('refuses a list with a missing translation or a repeated id', () => {
    const first = list.reasons[0]!;
    expect(statusReasonListSchema.safeParse({ reasons: [{ ...first, nextStep: { ky: first.nextStep.ky, ru: first.nextStep.ru } }] }).success).toBe(false);
    expect(statusReasonListSchema.safeParse({ reasons: [first, first] }).success).toBe(false);
    expect(statusReasonListSchema.safeParse({ reasons: [{ ...first, for: ['issued'] }] }).success).toBe(false);
  });
});
