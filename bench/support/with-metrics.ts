/**
 * Runs a built app with the Temporal runtime's Prometheus endpoint on BENCH_METRICS_ADDRESS, so
 * the benchmark can read the worker's sticky cache size and where its time goes (task and
 * activity latencies) without a change to the worker's code:
 *
 *   BENCH_METRICS_ADDRESS=127.0.0.1:9464 node --import tsx bench/support/with-metrics.ts dist/apps/worker/main.js
 */
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';

const bindAddress = process.env.BENCH_METRICS_ADDRESS;
if (bindAddress) Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { metrics: { prometheus: { bindAddress } } } });
const entry = process.argv[2];
if (!entry) throw new Error('usage: with-metrics.ts <built app>');
// The built app is CommonJS (webpack, node_modules external): it shares this process's @temporalio/worker.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.resolve(entry));
