/**
 * A bare worker, run as a child process by the baselines (bench/support/baselines.ts): the
 * baseline workflows (bundled once by the parent) and one no-op activity, nothing else, on a
 * task queue of its own. Stops on SIGTERM/SIGINT (the SDK's runtime turns them into a shutdown).
 *
 *   BENCH_TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, BENCH_BUNDLE_PATH; BENCH_METRICS_ADDRESS (optional)
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} must be set`);
    return value;
  };
  const metrics = process.env.BENCH_METRICS_ADDRESS;
  Runtime.install({ logger: new DefaultLogger('WARN'), ...(metrics ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metrics } } } } : {}) });
  const connection = await NativeConnection.connect({ address: env('BENCH_TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    namespace: process.env.BENCH_TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env('BENCH_TASK_QUEUE'),
    workflowBundle: { codePath: env('BENCH_BUNDLE_PATH') },
    activities: { noop: async (n: number) => n },
  });
  console.log('bare worker polling');
  await worker.run();
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
