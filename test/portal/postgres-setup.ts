import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * vitest globalSetup: PostgreSQL for the portal's store tests.
 *
 * With DATABASE_URL_TEST set, the tests use that server (the role must be allowed to CREATE
 * DATABASE: each test gets its own database). Without it, a private PostgreSQL (15 preferred) is
 * started the first time a test asks for one, in a temporary folder, on 127.0.0.1 and a free port,
 * and is stopped and removed when the run ends. Starting lazily keeps runs that do not touch
 * PostgreSQL (unit tests, the kiosk's suites) as fast as before, and lets them pass on machines
 * without PostgreSQL; a portal test on such a machine FAILS and says how to install it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Either a ready URL (DATABASE_URL_TEST) or a launcher to GET for one. */
    portalPostgres: { url: string } | { launcher: string };
  }
}

export const MISSING_POSTGRES =
  'PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found, so the portal tests cannot run against PostgreSQL. ' +
  'Install them with `apt-get install -y postgresql` (CI does), or set DATABASE_URL_TEST to a PostgreSQL server whose role may CREATE DATABASE.';

interface PrivatePostgres {
  url: string;
  stop(): void;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.DATABASE_URL_TEST;
  if (given) {
    project.provide('portalPostgres', { url: given });
    return undefined;
  }
  let running: Promise<PrivatePostgres> | undefined;
  const launcher = createHttpServer((_request, response) => {
    running ??= startPrivatePostgres();
    running.then(
      (postgres) => response.end(JSON.stringify({ url: postgres.url })),
      (error: unknown) => response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve) => launcher.listen(0, '127.0.0.1', resolve));
  project.provide('portalPostgres', { launcher: `http://127.0.0.1:${(launcher.address() as AddressInfo).port}` });
  return async () => {
    await new Promise<void>((resolve) => launcher.close(() => resolve()));
    const postgres = await running?.catch(() => undefined);
    postgres?.stop();
  };
}

function serverBinaries(): string | null {
  const has = (folder: string) => ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(folder, name)));
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  }
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  return candidates.find((folder): folder is string => !!folder && has(folder)) ?? null;
}

export async function startPrivatePostgres(durable = false): Promise<PrivatePostgres> {
  const bin = serverBinaries();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const folder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-pg-'));
  const data = join(folder, 'data');
  // PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user and give it the folder.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const [uid, gid] = [id('-u'), id('-g')];
    if (!Number.isInteger(uid) || uid <= 0) throw new Error(`Running as root, but there is no 'postgres' OS user to run PostgreSQL as. ${MISSING_POSTGRES}`);
    chownSync(folder, uid, gid);
  }
  const run = (command: string, args: string[], options: SpawnSyncOptions = {}) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { cwd: folder, encoding: 'utf8', timeout: 60_000, ...options });
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status ?? result.signal}): ${String(result.stderr)}${String(result.stdout)}`.slice(0, 4000));
    }
  };
  const port = await freePort();
  const stop = () => {
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'immediate', '-w', 'stop'], {
      cwd: folder,
      timeout: 30_000,
    });
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const serverOptions = [
      `-p ${port}`,
      `-k ${folder}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      // A throwaway cluster for tests: durability is not what they measure. Benchmarks keep it on.
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(folder, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE kyzmat_portal_test');
    } finally {
      await admin.end();
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/kyzmat_portal_test`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
