import { ADMIN_USAGE, AdminUsageError, runAdmin } from './admin.js';

/** `npm run portal-admin -- …`: kiosk credentials and storage for the reference portal (see admin.ts). */
try {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    note: (line) => console.error(line),
    readInput: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  });
} catch (error) {
  if (error instanceof AdminUsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`Error: ${error.message}\n\n${ADMIN_USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
