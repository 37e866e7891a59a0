import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,integration,lint}/**/*.test.{ts,tsx}', 'test/portal/**/*.test.ts'],
    // PostgreSQL for the portal's store tests, started on first use (see the file).
    globalSetup: ['test/portal/postgres-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
