import { APPLICATION_PAGE_SIZE, CANNOT_OPEN_CODE, STATUS_MOVE_REFUSED_CODE } from '../../shared/contract/applications.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { SignedInAccount } from '../backoffice/back-office-sessions.js';
import type { ApplicationOpening } from './application-opening.js';
import type { ApplicationStatusService, BackOfficeActor } from './application-status-service.js';
import type { ServiceLookup } from './published-forms.js';

const DEFAULT_PAGE = APPLICATION_PAGE_SIZE;

/** The account the authenticator put on an officer endpoint's call; a call without one never reaches a handler. */
function actorOf(account: SignedInAccount | null): BackOfficeActor {
  if (!account) throw new Refusal(401, 'UNAUTHORIZED', 'Sign in to the back office.');
  return { userId: account.accountId };
}

/**
 * The visitor's status lookup (any kiosk may ask, since the answer holds nothing personal) and the
 * officers' list, opening and status change.
 */
export function applicationRoutes(
  applications: ApplicationStatusService,
  opening: ApplicationOpening,
  services: ServiceLookup,
): Pick<EndpointHandlers, 'applicationStatus' | 'listApplications' | 'openApplication' | 'changeApplicationStatus'> {
  return {
    applicationStatus: async ({ params }) => {
      const status = await applications.lookup(params.receiptNumber);
      if (!status) throw new Refusal(404, 'NOT_FOUND', 'No application has this receipt number.');
      return { status: 200, body: status };
    },

    listApplications: async ({ body, account }) => {
      actorOf(account);
      const limit = body.limit ?? DEFAULT_PAGE;
      const filter = { status: body.status, serviceId: body.serviceId, kioskCode: body.kioskCode, officeCode: body.officeCode, receiptNumber: body.receiptNumber };
      // One more than the page tells whether another page follows, without counting the table.
      const found = await applications.list(filter, body.after ?? null, limit + 1);
      const page = found.slice(0, limit);
      const last = page[page.length - 1];
      const next = found.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null;
      return { status: 200, body: { applications: page, next, services: services() } };
    },

    openApplication: async ({ params, body, account }) => {
      const opened = await opening.open(actorOf(account), params.id, body.language);
      switch (opened.outcome) {
        case 'opened':
          return {
            status: 200,
            body: { application: opened.application, answers: opened.answers, history: opened.history, reasons: applications.reasonTemplates() },
          };
        case 'purged':
          return {
            status: 409,
            body: {
              error: { code: CANNOT_OPEN_CODE, message: 'The answers were removed under the retention policy.', reason: 'ANSWERS_PURGED', purgedAt: opened.purgedAt },
            },
          };
        case 'not-found':
          throw new Refusal(404, 'NOT_FOUND', 'No application has this id.');
        case 'cannot-open':
          return {
            status: 409,
            body: { error: { code: CANNOT_OPEN_CODE, message: 'The portal cannot open this application here.', reason: opened.reason } },
          };
      }
    },

    changeApplicationStatus: async ({ params, body, account }) => {
      const changed = await applications.changeStatus(actorOf(account), params.receiptNumber, body.to, body.reasonId, body.expected);
      switch (changed.outcome) {
        case 'changed':
          return { status: 200, body: { status: changed.status, reasonId: changed.reasonId } };
        case 'not-found':
          throw new Refusal(404, 'NOT_FOUND', 'No application has this receipt number.');
        case 'refused':
          return {
            status: 409,
            body: {
              error: { code: STATUS_MOVE_REFUSED_CODE, message: `The move to ${body.to} is refused (${changed.refusal}).`, refusal: changed.refusal, from: changed.from },
            },
          };
      }
    },
  };
}
