import { useTranslation } from 'react-i18next';
import type { CANNOT_OPEN_REASONS, STATUS_CHANGE_REFUSALS } from '../../shared/contract/applications.js';
import type { ApplicationStatusName } from '../../shared/domain/submission.js';

/** Each status's name, as literal keys so a missing translation fails the locale test. */
const STATUS_NAMES = {
  received: 'status.received',
  'in-review': 'status.inReview',
  'needs-action': 'status.needsAction',
  'ready-for-pickup': 'status.readyForPickup',
  issued: 'status.issued',
  rejected: 'status.rejected',
} as const satisfies Record<ApplicationStatusName, string>;

/** The button that moves an application to each status. */
const MOVE_NAMES = {
  received: 'move.to.received',
  'in-review': 'move.to.inReview',
  'needs-action': 'move.to.needsAction',
  'ready-for-pickup': 'move.to.readyForPickup',
  issued: 'move.to.issued',
  rejected: 'move.to.rejected',
} as const satisfies Record<ApplicationStatusName, string>;

const MOVE_REFUSALS = {
  MOVE_NOT_ALLOWED: 'move.refused.moveNotAllowed',
  REASON_REQUIRED: 'move.refused.reasonRequired',
  REASON_NOT_TAKEN: 'move.refused.reasonNotTaken',
  UNKNOWN_REASON: 'move.refused.unknownReason',
  REASON_NOT_FOR_STATUS: 'move.refused.reasonNotForStatus',
  STATUS_MOVED: 'move.refused.statusMoved',
} as const satisfies Record<(typeof STATUS_CHANGE_REFUSALS)[number], string>;

const CANNOT_OPEN = {
  NO_KEY: 'opening.cannotOpen.noKey',
  OTHER_KEY: 'opening.cannotOpen.otherKey',
  DOES_NOT_OPEN: 'opening.cannotOpen.doesNotOpen',
  FORM_UNKNOWN: 'opening.cannotOpen.formUnknown',
  ANSWERS_PURGED: 'opening.cannotOpen.answersPurged',
} as const satisfies Record<(typeof CANNOT_OPEN_REASONS)[number], string>;

/** Month names from the page's own strings: the desk's Chromium may lack Kyrgyz month names (it writes "2026 M12 1"). */
const MONTHS = [
  'time.months.january',
  'time.months.february',
  'time.months.march',
  'time.months.april',
  'time.months.may',
  'time.months.june',
  'time.months.july',
  'time.months.august',
  'time.months.september',
  'time.months.october',
  'time.months.november',
  'time.months.december',
] as const;

/** The applications page's words that depend on a value: statuses, moves, refusals, and times in the desk's language. */
export function useApplicationWords() {
  const { t } = useTranslation('applications');
  // In the desk's own time zone, as the officer reads the clock on the wall.
  const parts = (at: Date) => ({
    day: at.getDate(),
    month: t(MONTHS[at.getMonth()]!),
    year: at.getFullYear(),
    time: `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`,
  });
  return {
    statusName: (status: ApplicationStatusName) => t(STATUS_NAMES[status]),
    moveName: (status: ApplicationStatusName) => t(MOVE_NAMES[status]),
    moveRefusal: (refusal: keyof typeof MOVE_REFUSALS, current: ApplicationStatusName) => t(MOVE_REFUSALS[refusal], { status: t(STATUS_NAMES[current]) }),
    cannotOpen: (reason: keyof typeof CANNOT_OPEN, purgedAt: Date | null) => t(CANNOT_OPEN[reason], { date: purgedAt ? t('time.date', parts(purgedAt)) : '' }),
    time: (at: string) => {
      const parsed = new Date(at);
      return Number.isNaN(parsed.getTime()) ? at : t('time.dateTime', parts(parsed));
    },
  };
}
