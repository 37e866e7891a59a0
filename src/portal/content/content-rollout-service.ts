import { MAX_LISTED_PROBLEMS, type ContentRollout, type PackageProblem, type RolloutTarget } from '../../shared/contract/content-rollout.js';
import { isValidKioskCode, officeCodeOfKiosk } from '../../shared/domain/receipt-number.js';
import type { TrustAnchor } from '../../shared/content/content-schema.js';
import { ADMIN_TOKEN_ACTOR, portalAuditActor } from '../audit/portal-audit-entry.js';
import type { PortalLog } from '../portal-log.js';
import type { ApplicationStatusStore } from '../storage/application-status-store.js';
import type { ContentRolloutStore } from '../storage/content-rollout-store.js';
import { assignedVersion, targetsOf, type Assignment } from './assigned-version.js';
import type { ContentLibrary } from './content-library.js';
import { examinePackage } from './package-examination.js';
import { readPackageZip } from './package-zip.js';

/** The all-kiosks row's version while a staged publish has reached no kiosk yet and nothing was assigned to all before it. */
const NOTHING_FOR_ALL = 0;

export type UploadOutcome = { outcome: 'published'; version: number } | { outcome: 'refused'; problems: PackageProblem[] };
export type AssignOutcome = 'assigned' | 'not-published' | 'behind-all';

/**
 * Staged rollout of published content. A package uploaded in the back office is published but
 * reaches no kiosk until an administrator assigns it: to offices or kiosks first, then to all. A
 * package published with the administrator token (the content CLI) still goes to all at once, as
 * it always did; on a portal where no rollout was ever made the newest version reaches every
 * kiosk. Publishes from the back office and every assignment are written to the portal's audit
 * trail with who made them.
 */
export class ContentRolloutService {
  constructor(
    private readonly deps: {
      library: ContentLibrary;
      rollout: ContentRolloutStore;
      /** Where a publish's audit entry is appended (the portal's one trail). */
      audit: Pick<ApplicationStatusStore, 'record'>;
      trustAnchors: readonly TrustAnchor[];
      now: () => Date;
      log: PortalLog;
    },
  ) {}

  /** The version this kiosk is offered (null: no credential, what all get), or null when none is. */
  async offeredVersion(kioskCode: string | null): Promise<number | null> {
    const version = assignedVersion(kioskCode, await this.assignments(), this.deps.library.latest()?.version ?? null);
    return version === NOTHING_FOR_ALL ? null : version;
  }

  async upload(zip: Uint8Array, aheadOfFleet: boolean, accountId: number): Promise<UploadOutcome> {
    const { library, now } = this.deps;
    const reading = readPackageZip(zip);
    if (!reading.ok) return this.refused(reading.problems);
    const current = library.latest();
    const context = { trustAnchors: this.deps.trustAnchors, currentVersion: current?.version ?? null, appVersion: '999999.0.0', now: now() };
    const problems = await examinePackage(reading.files, context);
    if (problems.length > 0) return this.refused(problems);

    const actor = portalAuditActor(accountId);
    // Before the new version becomes the newest: what all kiosks get stays what they got.
    await this.deps.rollout.holdAllAt(current?.version ?? NOTHING_FOR_ALL, actor, now());
    const result = await library.publish(reading.files, { aheadOfFleet });
    if (result.outcome === 'ahead-of-fleet') return this.refused([{ code: 'APP_AHEAD_OF_FLEET', file: 'manifest.json', path: 'minAppVersion', values: {}, message: result.message }]);
    if (result.outcome === 'refused') {
      const { code, detail } = result.rejection;
      return this.refused([{ code, file: detail.split(':')[0] ?? '', path: '', values: {}, message: detail }]);
    }
    await this.deps.audit.record({ kind: 'content_published', actor, subject: `content:${result.version}`, details: { version: result.version } }, now());
    return { outcome: 'published', version: result.version };
  }

  /** After a publish by the administrator token: where a rollout is in use, the version goes to all, as the CLI always meant. */
  async publishedWithAdminToken(version: number): Promise<void> {
    if (!(await this.assignments()).some((assignment) => assignment.target.kind === 'all')) return;
    await this.assignNow(version, [{ kind: 'all' }], ADMIN_TOKEN_ACTOR);
  }

  async assign(version: number, targets: readonly RolloutTarget[], accountId: number): Promise<AssignOutcome> {
    if (!this.deps.library.isPublished(version)) return 'not-published';
    const forAll = assignedVersion(null, await this.assignments(), this.deps.library.latest()?.version ?? null);
    // A kiosk never goes back: nothing older than what all kiosks get may be assigned anywhere.
    if (forAll !== null && version < forAll) return 'behind-all';
    await this.assignNow(version, targets, portalAuditActor(accountId));
    return 'assigned';
  }

  async view(): Promise<ContentRollout> {
    const { library } = this.deps;
    const assignments = (await this.assignments()).filter((assignment) => assignment.version !== NOTHING_FOR_ALL);
    const rows = await this.deps.rollout.assignments();
    const newest = library.latest()?.version ?? null;
    // With an all-kiosks row of "nothing yet", no version reaches all by being the newest.
    const newestForAll = rows.some((row) => row.target.kind === 'all') ? null : newest;
    const versions = library.versions().map(({ version, manifest }) => ({
      version,
      created: manifest.created,
      expires: manifest.expires,
      assignedTo: targetsOf(version, assignments, newestForAll),
    }));
    const kiosks = await Promise.all(
      // A code written into the store by hand that is no kiosk code is left out, as the fleet leaves it out, rather than fail the page.
      (await this.deps.rollout.kioskReports()).filter((report) => isValidKioskCode(report.kioskCode)).map(async (report) => ({
        kioskCode: report.kioskCode,
        officeCode: officeCodeOfKiosk(report.kioskCode),
        offeredVersion: await this.offeredVersion(report.kioskCode),
        runningVersion: report.contentVersion,
        reportedAt: report.reportedAt,
      })),
    );
    return { versions, kiosks };
  }

  private async assignNow(version: number, targets: readonly RolloutTarget[], actor: string): Promise<void> {
    const unique = dedupe(targets);
    const named = unique.map((target) => (target.kind === 'all' ? 'all' : `${target.kind}:${target.code}`));
    await this.deps.rollout.assign(version, unique, actor, this.deps.now(), {
      kind: 'content_assigned',
      actor,
      subject: `content:${version}`,
      // Codes of offices and kiosks only: the trail's detail lists hold at most four, so the count says how many there were.
      details: { version, targets: unique.length, first: named.slice(0, 4) },
    });
    this.deps.log('content_assigned', { version, targets: unique.length });
  }

  private async assignments(): Promise<Assignment[]> {
    return (await this.deps.rollout.assignments()).map(({ target, version }) => ({ target, version }));
  }

  /** Every refusal within the answer's own limits (a zip of 10,000 stray files, a name of 3,000 characters): the list is cut, never the answer failed. */
  private refused(problems: PackageProblem[]): UploadOutcome {
    this.deps.log('content_publish_refused', { code: problems[0]?.code ?? 'UNKNOWN', problems: problems.length });
    return { outcome: 'refused', problems: problems.slice(0, MAX_LISTED_PROBLEMS).map(withinAnswerLimits) };
  }
}

function dedupe(targets: readonly RolloutTarget[]): RolloutTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = target.kind === 'all' ? 'all' : `${target.kind}:${target.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A problem cut to the lengths its answer schema allows. */
function withinAnswerLimits(problem: PackageProblem): PackageProblem {
  const values = Object.fromEntries(
    Object.entries(problem.values)
      .slice(0, 20)
      .map(([name, value]) => [name.slice(0, 40), typeof value === 'string' ? value.slice(0, 500) : value]),
  );
  return {
    ...problem,
    file: problem.file.slice(0, 300),
    path: problem.path.slice(0, 500),
    message: problem.message.slice(0, 2000),
    values,
    ...(problem.source === undefined ? {} : { source: problem.source.slice(0, 200) }),
  };
}
