import { defineConfig } from 'vitest/config';

/**
 * The deployment files' checks (scripts/validate-infra.sh runs them): the Dockerfile, the
 * compose file and the Kubernetes manifests validated offline, the image's file system
 * started for real, the MySQL init script, `pnpm migrate`, and graceful shutdown under
 * load. Database-backed ones use the same server as the rest of the tests.
 */
export default defineConfig({
  test: {
    name: 'infra',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    globalSetup: ['../packages/service-kit/src/testing/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
