import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, trustAnchorsSchema, type TrustAnchor } from '../shared/content/content-schema.js';
import { ContentRejection, verifyPackage } from '../shared/content/package-verification.js';
import { bearer, PORTAL_ENDPOINTS, PORTAL_HEADERS, type PublishContentRequest } from '../shared/contract/portal.js';
import { ContentBuildError, buildPackage, signPackage } from './content/package-builder.js';
import { packageReader, readPackageFolder, writePackageFolder } from './content/package-files.js';
import { generateSigningKey, signingKeyFileSchema } from './content/signing.js';
import { PinRefused, hashPin, readPin } from './content/staff-pin-hash.js';

const USAGE = `Administrator tool for signed content packages.

  npm run content -- keygen  --id <key-id> --out <folder>
  npm run content -- build   <source-folder> --out <package-folder> [--version N]
  npm run content -- sign    <package-folder> --key <key-id.private.json>
  npm run content -- verify  <package-folder> [--trust resources/trust/content-keys.json] [--app-version X.Y.Z]
  npm run content -- publish <package-folder> --portal <url> [--token T | PORTAL_ADMIN_TOKEN] [--ahead-of-fleet]
  npm run --silent content -- hash-pin              (type the PIN and Ctrl+D, or pipe it in; prints a pinHash for staff.json)
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      out: { type: 'string' },
      version: { type: 'string' },
      key: { type: 'string' },
      trust: { type: 'string', default: 'resources/trust/content-keys.json' },
      'app-version': { type: 'string' },
      portal: { type: 'string' },
      token: { type: 'string' },
      'ahead-of-fleet': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`${command} needs ${what}`);
    return value;
  };

  switch (command) {
    case 'keygen': {
      const keyId = need(values.id, '--id');
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(keyId)) throw new UsageError('--id: lower-case letters, digits and hyphens');
      const out = need(values.out, '--out');
      mkdirSync(out, { recursive: true });
      const privateFile = join(out, `${keyId}.private.json`);
      if (existsSync(privateFile)) throw new UsageError(`${privateFile} exists; refusing to overwrite a signing key`);
      const { privateKey, publicKey } = generateSigningKey(keyId);
      writeFileSync(privateFile, JSON.stringify(privateKey, null, 2) + '\n', { mode: 0o600 });
      writeFileSync(join(out, `${keyId}.public.json`), JSON.stringify(publicKey, null, 2) + '\n');
      console.log(`Wrote ${privateFile} (keep it offline) and ${keyId}.public.json (add it to the kiosks' trust anchors).`);
      return;
    }
    case 'build': {
      const source = need(target, 'a source folder');
      const out = need(values.out, '--out');
      const version = values.version === undefined ? undefined : Number(values.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new UsageError('--version: a whole number from 1');
      const files = buildPackage(source, new Date(), { version });
      writePackageFolder(out, files);
      const manifest = JSON.parse(Buffer.from(files.get(MANIFEST_FILE)!).toString('utf8')) as { version: number; parts: unknown[] };
      console.log(`Built version ${manifest.version} with ${manifest.parts.length} parts into ${out} (unsigned).`);
      return;
    }
    case 'sign': {
      const folder = need(target, 'a package folder');
      const keyFile = signingKeyFileSchema.safeParse(JSON.parse(readFileSync(need(values.key, '--key'), 'utf8')));
      if (!keyFile.success) throw new UsageError(`${values.key}: not a signing key file`);
      writePackageFolder(folder, signPackage(readPackageFolder(folder), keyFile.data));
      console.log(`Signed ${folder} with key ${keyFile.data.keyId}.`);
      return;
    }
    case 'verify': {
      const folder = need(target, 'a package folder');
      const verified = await verifyPackage(packageReader(readPackageFolder(folder)), {
        trustAnchors: readTrustAnchors(values.trust),
        currentVersion: null,
        appVersion: values['app-version'] ?? '999999.0.0',
        now: new Date(),
      });
      console.log(
        `OK: version ${verified.manifest.version}, signed by ${verified.manifest.keyId}, expires ${verified.manifest.expires}, ` +
          `${verified.catalogue.services.length} services.`,
      );
      return;
    }
    case 'publish': {
      const folder = need(target, 'a package folder');
      const portal = need(values.portal, '--portal');
      const token = need(values.token ?? process.env.PORTAL_ADMIN_TOKEN, '--token or PORTAL_ADMIN_TOKEN');
      const files = Object.fromEntries([...readPackageFolder(folder)].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]));
      const endpoint = PORTAL_ENDPOINTS.publishContent;
      const response = await fetch(new URL(endpoint.path({}), portal), {
        method: endpoint.method,
        headers: { [PORTAL_HEADERS.authorization]: bearer(token), [PORTAL_HEADERS.contentType]: 'application/json' },
        body: JSON.stringify({ files, aheadOfFleet: values['ahead-of-fleet'] === true } satisfies PublishContentRequest),
      });
      const body = (await response.json()) as { version?: number; error?: { code: string; message: string } };
      if (!response.ok) throw new Error(`the portal refused the package (${response.status} ${body.error?.code}): ${body.error?.message}`);
      console.log(`Published version ${body.version} to ${portal}.`);
      return;
    }
    case 'hash-pin': {
      // From standard input, never an argument: arguments stay in shell history and process lists.
      const pinHash = await hashPin(readPin(await readStandardInput()));
      console.log(JSON.stringify(pinHash, null, 2));
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function readTrustAnchors(file: string): TrustAnchor[] {
  const parsed = trustAnchorsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file}: not a list of trust anchors`);
  return parsed.data;
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ContentBuildError || error instanceof ContentRejection || error instanceof PinRefused) {
    console.error(`Error: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
