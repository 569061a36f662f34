// Three tiers: fast unit tests of pure logic, integration tests against the real PostgreSQL,
// Temporal dev server and an SMTP server (test/integration, with its own global setup), and the
// fault tier (test/faults) that kills the built apps and servers it starts itself.
const moduleNameMapper = { '^@duban/(domain|workflows|persistence|mail|config|unit-files|contracts|temporal-client)$': '<rootDir>/libs/$1/src/index.ts' };
// Type-checking is `npm run typecheck`'s job; tests only transpile, which is much faster.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };

/** @type {import('jest').Config} */
module.exports = {
  // Integration files spend most of their time waiting on timers and servers, and each has a
  // database of its own (test/support/test-stack.ts), so two run side by side even on 2 cores.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? Math.max(2, require('node:os').availableParallelism() - 1),
  // Integration tests wait for real timers (due times in seconds) and real servers.
  testTimeout: 90_000,
  // The browser and fault files first when no durations are cached (a clean clone).
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      // test/e2e drives the built console in Debian's Chromium against the same stack;
      // test/workflows runs single workflows on the same Temporal server against stub activities.
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/workflows/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      moduleNameMapper,
      transform,
      slowTestThreshold: 30,
    },
    {
      // Kills the built API, worker and Temporal server (child processes) and restarts a
      // PostgreSQL server of its own: needs `npm run build` first, owns all of its services.
      displayName: 'faults',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
      moduleNameMapper,
      transform,
      slowTestThreshold: 120,
    },
  ],
};
