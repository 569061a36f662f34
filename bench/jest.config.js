// Benchmarks run under jest (not tsx) so that Nest gets the decorator metadata it injects by,
// with the integration tests' setup: a fresh database, a Temporal dev server, the bundle.
const base = require('../jest.config.js');
const integration = base.projects.find((p) => p.displayName === 'integration');

/** @type {import('jest').Config} */
module.exports = {
  ...integration,
  displayName: 'bench',
  rootDir: '..',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 6 * 60 * 60_000,
  // One file at a time: benchmarks side by side would measure each other.
  maxWorkers: 1,
};
