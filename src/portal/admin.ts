import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isValidKioskCode } from '../shared/domain/receipt-number.js';
import { AuditChainService } from './audit/audit-chain-service.js';
import { accountRole, accountUsername, createAccount } from './backoffice/account-admin.js';
import { parsePortalAuditHead } from './audit/portal-audit-head.js';
import { verifyPortalAudit } from './audit/portal-audit-verify.js';
import { newKioskCredential } from './credentials.js';
import { EnrolmentService } from './enrolment/enrolment-service.js';
import { createPortalStore, type PortalStore } from './storage/portal-store.js';

export const ADMIN_USAGE = `Administrator tool for the portal's kiosks and storage.

  npm run portal-admin -- issue-credential  --kiosk <CODE> [--data <folder>]
  npm run portal-admin -- revoke-credential --kiosk <CODE> [--data <folder>]
  npm run portal-admin -- create-enrolment-code --kiosk <CODE> [--data <folder>]
  npm run portal-admin -- create-user --role officer|administrator --username <name> [--data <folder>]
  npm run portal-admin -- disable-user --username <name> [--data <folder>]
  npm run portal-admin -- migrate [--data <folder>]
  npm run portal-admin -- stats   [--data <folder>]
  npm run portal-admin -- verify-audit <CODE> [--data <folder>]
  npm run portal-admin -- verify-portal-audit [--expect-head <seq>:<entryHash>] [--data <folder>]
  npm run portal-admin -- make-portal-key --id <key-id> --out <folder> [--usable-from <ISO time>]

Storage: PostgreSQL when DATABASE_URL is set, else SQLite in <folder>/portal.sqlite
(--data, else PORTAL_DATA_DIR, else .portal-data): the same storage \`npm run portal\` uses.

issue-credential prints the kiosk's token on stdout, once; the portal keeps only a hash of it.
Issuing a new credential revokes the kiosk's earlier ones.
create-enrolment-code prints a one-time code (XXXXX-XXXXX, valid 24 hours) for a technician to
type in the kiosk's service panel; it replaces the kiosk's earlier code. The kiosk's enrolment
revokes its earlier credential. revoke-credential also cancels a code not yet used.
create-user makes a back office account; its password (at least 12 characters) is read from
standard input, never from an argument. disable-user ends the account's sessions at once.
make-portal-key makes the portal's X25519 key pair that kiosks seal applications to:
<key-id>.private.json (readable by its owner only; give it to the portal as PORTAL_PRIVATE_KEY_FILE)
and <key-id>.portal-key.json (the content source's portal-key.json: every kiosk seals to it).
With --usable-from it makes the next key of a rotation instead: <key-id>.portal-next-key.json is the
content source's portal-next-key.json (kiosks seal to it from that time on), and the private half
goes to the portal as PORTAL_NEXT_PRIVATE_KEY_FILE before that time (README, "Rotating the portal key").
verify-audit walks the audit chain the kiosk uploaded and prints OK with its head, or the first
broken seq and why (exit code 1).
verify-portal-audit does the same for the portal's own trail (applications opened, statuses changed).
Give it the last head the portal logged (event portal_audit_head, field head) with --expect-head:
a trail cut short is then TRUNCATED, one rewritten ANCHOR_MISMATCH. A trail whose append-only
triggers are missing is UNGUARDED (exit code 1), even when its chain verifies.
`;

export class AdminUsageError extends Error {}

/** A UTC time as content carries it: kiosks read it with their own clocks, so no local offsets. */
function isIsoInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** The HPKE suite the kiosks seal with (RFC 9180: DHKEM X25519, HKDF-SHA256, AES-256-GCM), as portal-key.json names it. */
const PORTAL_KEY_SUITE = 'X25519-HKDF-SHA256-AES-256-GCM';

/** A refused argument or password from the account commands is a usage error: exit code 2 with the usage. */
function usage<T>(work: () => T): T {
  const refusedAsUsage = (error: unknown): never => {
    if (error instanceof Error && (error.name === 'AccountArgumentRefused' || error.name === 'PasswordRefused')) throw new AdminUsageError(error.message);
    throw error;
  };
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(refusedAsUsage) : result) as T;
  } catch (error) {
    return refusedAsUsage(error);
  }
}

export interface AdminIo {
  env: Record<string, string | undefined>;
  /** Results: the token, JSON. */
  out(line: string): void;
  /** Notes for the person at the terminal. */
  note(line: string): void;
  /** Standard input, whole (the password of create-user). */
  readInput?: () => Promise<string>;
  now?: () => Date;
}

/** Runs one command; answers the exit code (1 when a verified audit chain is broken). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kiosk: { type: 'string' },
      role: { type: 'string' },
      username: { type: 'string' },
      data: { type: 'string' },
      'expect-head': { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
      'usable-from': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    io.note(ADMIN_USAGE);
    return 0;
  }
  const now = io.now ?? (() => new Date());
  const kiosk = (): string => {
    const code = values.kiosk ?? positionals[1];
    if (!code) throw new AdminUsageError(`${command} needs --kiosk <CODE>`);
    if (!isValidKioskCode(code)) throw new AdminUsageError('--kiosk: four characters of 0-9 and A-Z without I, L, O, U (such as BSK1)');
    return code;
  };
  const enrolmentOf = (store: PortalStore) =>
    new EnrolmentService({ codes: store.enrolmentCodes, revokeCredential: (code, at) => store.revokeCredential(code, at), now });
  const withStore = async <T>(work: (store: PortalStore) => Promise<T>): Promise<T> => {
    const store = await createPortalStore({
      databaseUrl: io.env.DATABASE_URL,
      sqliteFile: join(values.data ?? io.env.PORTAL_DATA_DIR ?? '.portal-data', 'portal.sqlite'),
    });
    try {
      await store.migrate();
      return await work(store);
    } finally {
      await store.close();
    }
  };

  switch (command) {
    case 'make-portal-key': {
      const keyId = values.id;
      if (!keyId || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(keyId)) throw new AdminUsageError('make-portal-key needs --id <key-id>: lower-case letters, digits and hyphens');
      if (!values.out) throw new AdminUsageError('make-portal-key needs --out <folder>');
      const usableFrom = values['usable-from'];
      if (usableFrom !== undefined && !isIsoInstant(usableFrom)) {
        throw new AdminUsageError('--usable-from takes a time in UTC such as 2027-03-01T00:00:00.000Z: kiosks compare it with their own clocks');
      }
      mkdirSync(values.out, { recursive: true, mode: 0o700 });
      const privateFile = join(values.out, `${keyId}.private.json`);
      if (existsSync(privateFile)) throw new AdminUsageError(`${privateFile} exists; refusing to overwrite the key applications are opened with`);
      const pair = generateKeyPairSync('x25519');
      const privateKeyJwk = pair.privateKey.export({ format: 'jwk' });
      writeFileSync(privateFile, JSON.stringify({ keyId, suite: PORTAL_KEY_SUITE, privateKeyJwk }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      const publicKey = { keyId, suite: PORTAL_KEY_SUITE, publicKey: privateKeyJwk.x };
      if (usableFrom === undefined) {
        const publicFile = join(values.out, `${keyId}.portal-key.json`);
        writeFileSync(publicFile, JSON.stringify(publicKey, null, 2) + '\n');
        io.note(`Wrote ${privateFile} (the portal's only: PORTAL_PRIVATE_KEY_FILE) and ${publicFile} (the content source's portal-key.json).`);
      } else {
        const publicFile = join(values.out, `${keyId}.portal-next-key.json`);
        writeFileSync(publicFile, JSON.stringify({ ...publicKey, usableFrom: new Date(usableFrom).toISOString() }, null, 2) + '\n');
        io.note(
          `Wrote ${privateFile} (the portal's only: PORTAL_NEXT_PRIVATE_KEY_FILE, set before ${usableFrom}) and ${publicFile} (the content source's portal-next-key.json).`,
        );
      }
      return 0;
    }
    case 'issue-credential': {
      const code = kiosk();
      const credential = newKioskCredential(code);
      await withStore((store) => store.issueCredential(code, credential.secretHash, now()));
      io.note(`Issued a credential for kiosk ${code}; earlier ones are revoked. It is shown only this once: put it into the kiosk's configuration.`);
      io.out(credential.token);
      return 0;
    }
    case 'revoke-credential': {
      const code = kiosk();
      const revoked = await withStore((store) => enrolmentOf(store).revoke(code));
      io.note(revoked === 0 ? `Kiosk ${code} had no live credential.` : `Revoked the credential of kiosk ${code}.`);
      return 0;
    }
    case 'create-enrolment-code': {
      const code = kiosk();
      const created = await withStore((store) => enrolmentOf(store).createCode(code));
      io.note(`A one-time enrolment code for kiosk ${code}, valid until ${created.expiresAt}; it is shown only this once.`);
      io.out(created.code);
      return 0;
    }
    case 'create-user': {
      const role = usage(() => accountRole(values.role));
      const username = usage(() => accountUsername(values.username));
      if (!io.readInput) throw new AdminUsageError('create-user reads the password from standard input');
      const passwordInput = await io.readInput();
      await usage(() => withStore((store) => createAccount(store.backOfficeAccounts, { username, role, passwordInput, now: now() })));
      io.note(`Created the ${role} account ${username}.`);
      return 0;
    }
    case 'disable-user': {
      const username = usage(() => accountUsername(values.username));
      const found = await withStore((store) => store.backOfficeAccounts.disableAccount(username, now()));
      if (!found) throw new AdminUsageError(`no account is named ${username}`);
      io.note(`Disabled the account ${username}; its sessions have ended.`);
      return 0;
    }
    case 'migrate': {
      const kind = await withStore((store) => Promise.resolve(store.kind));
      io.note(`The ${kind} portal database is up to date.`);
      return 0;
    }
    case 'stats': {
      io.out(JSON.stringify(await withStore((store) => store.stats())));
      return 0;
    }
    case 'verify-audit': {
      const code = kiosk();
      const chain = await withStore((store) => new AuditChainService({ store: store.auditChain, now }).verifyStored(code));
      if (!chain.ok) {
        io.out(`BROKEN kiosk ${code}: the chain breaks at seq ${chain.brokenAt} (${chain.reason})`);
        return 1;
      }
      io.out(chain.head ? `OK kiosk ${code}: ${chain.entries} entries, head seq ${chain.head.seq} ${chain.head.entryHash}` : `OK kiosk ${code}: no entries uploaded yet`);
      return 0;
    }
    case 'verify-portal-audit': {
      const expectHead = values['expect-head'] === undefined ? undefined : parsePortalAuditHead(values['expect-head']);
      if (expectHead === null) throw new AdminUsageError('--expect-head is <seq>:<entryHash>, as the portal logged it (portal_audit_head)');
      const chain = await withStore((store) => verifyPortalAudit(store.portalAudit, { expectHead }));
      if (chain.missingGuards.length > 0) io.out(`UNGUARDED portal trail: the append-only triggers ${chain.missingGuards.join(', ')} are missing`);
      if (!chain.ok) {
        io.out(`BROKEN portal trail: the chain breaks at seq ${chain.brokenAt} (${chain.reason})`);
        return 1;
      }
      io.out(chain.head ? `OK portal trail: ${chain.entries} entries, head seq ${chain.head.seq} ${chain.head.entryHash}` : 'OK portal trail: no entries yet');
      return chain.missingGuards.length > 0 ? 1 : 0;
    }
    default:
      throw new AdminUsageError(`unknown command ${command}`);
  }
}
