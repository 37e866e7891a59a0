import type { PortalEndpointName } from '../../shared/contract/portal.js';

/**
 * The `route` a log line names for each endpoint. Operators alert on these names, so they stay
 * as the portal has always logged them, whatever the contract calls its operations; a new
 * endpoint does not compile without one.
 */
export const ROUTE_LOG_NAMES = {
  openApi: 'openapi',
  submitApplication: 'submissions',
  applicationStatus: 'application-status',
  recordHeartbeat: 'heartbeats',
  uploadAuditEntries: 'audit-entries',
  contentManifest: 'content-manifest',
  contentPackageFile: 'content-file',
  publishContent: 'admin-content',
  signIn: 'backoffice-sign-in',
  backOfficeSession: 'backoffice-session',
  signOut: 'backoffice-sign-out',
  listBackOfficeUsers: 'backoffice-users',
  auditChains: 'backoffice-audit-chains',
  verifyAuditChain: 'backoffice-audit-verification',
  listAuditEntries: 'backoffice-audit-entries',
  createEnrolmentCode: 'admin-enrolment-code',
  exchangeEnrolmentCode: 'enrolment',
  revokeKiosk: 'admin-kiosk-revocation',
  listApplications: 'backoffice-applications',
  openApplication: 'backoffice-application-opening',
  changeApplicationStatus: 'backoffice-application-status',
  uploadContentPackage: 'backoffice-content-upload',
  contentRollout: 'backoffice-content-rollout',
  assignContentVersion: 'backoffice-content-assignment',
  listFleet: 'backoffice-fleet',
  staffList: 'staff-list',
  searchStaff: 'backoffice-staff',
  createStaff: 'backoffice-staff-creation',
  setStaffState: 'backoffice-staff-state',
  resetStaffPin: 'backoffice-staff-pin-reset',
} as const satisfies Record<PortalEndpointName, string>;

/** The route of a request for a path no endpoint serves, or one that is not a path at all. */
export const UNKNOWN_ROUTE = 'unknown';

export function routeLogName(endpoint: PortalEndpointName | undefined): string {
  return endpoint ? ROUTE_LOG_NAMES[endpoint] : UNKNOWN_ROUTE;
}
