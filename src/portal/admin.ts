import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isValidKioskCode } from '../shared/domain/receipt-number.js';
import { AuditChainService } from './audit/audit-chain-service.js';
import { newKioskCredential } from './credentials.js';
import { createPortalStore, type PortalStore } from './storage/portal-store.js';

export const ADMIN_USAGE = `Administrator tool for the portal's kiosks and storage.

  npm run portal-admin -- issue-credential  --kiosk <CODE> [--data <folder>]
  npm run portal-admin -- revoke-credential --kiosk <CODE> [--data <folder>]
  npm run portal-admin -- migrate [--data <folder>]
  npm run portal-admin -- stats   [--data <folder>]
  npm run portal-admin -- verify-audit <CODE> [--data <folder>]

Storage: PostgreSQL when DATABASE_URL is set, else SQLite in <folder>/portal.sqlite
(--data, else PORTAL_DATA_DIR, else .portal-data): the same storage \`npm run portal\` uses.

issue-credential prints the kiosk's token on stdout, once; the portal keeps only a hash of it.
Issuing a new credential revokes the kiosk's earlier ones.
verify-audit walks the audit chain the kiosk uploaded and prints OK with its head, or the first
broken seq and why (exit code 1).
`;

export class AdminUsageError extends Error {}

export interface AdminIo {
  env: Record<string, string | undefined>;
  /** Results: the token, JSON. */
  out(line: string): void;
  /** Notes for the person at the terminal. */
  note(line: string): void;
  now?: () => Date;
}

/** Runs one command; answers the exit code (1 when a verified audit chain is broken). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kiosk: { type: 'string' },
      data: { type: 'string' },
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
      const revoked = await withStore((store) => store.revokeCredential(code, now()));
      io.note(revoked === 0 ? `Kiosk ${code} had no live credential.` : `Revoked the credential of kiosk ${code}.`);
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
    default:
      throw new AdminUsageError(`unknown command ${command}`);
  }
}
