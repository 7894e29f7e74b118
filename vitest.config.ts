import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs everything, as CI does:
 * - the hours-window suite three times, under three process time zones (its results must
 *   not depend on TZ, and a test in it asserts that the TZ really is in effect);
 * - unit tests (no I/O), colocated with the code as `src/**\/*.test.ts`;
 * - integration tests (`<package>/test/**\/*.test.ts`) against one real MySQL/MariaDB
 *   server, each file in databases of its own;
 * - the end-to-end suite (`e2e/`), which starts the stack once, as `pnpm start` does.
 */
const processTimeZones = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'];
const mysqlSetup = './packages/service-kit/src/testing/global-setup.ts';

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      ...processTimeZones.map((tz) => ({
        extends: true as const,
        test: {
          name: `hours-window TZ=${tz}`,
          include: ['packages/hours-window/src/**/*.test.ts'],
          env: { TZ: tz, EXPECTED_TZ: tz },
        },
      })),
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{packages,services}/*/src/**/*.test.ts',
            'gateway/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['packages/hours-window/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{packages,services}/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts'],
          globalSetup: [mysqlSetup],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // The MySQL server first, then the stack on it (e2e/README.md).
          globalSetup: [mysqlSetup, './e2e/global-setup.ts'],
          // One stack, one shared test clock: files must not move time under each other.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
