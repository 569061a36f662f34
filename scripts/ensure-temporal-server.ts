// `npm run temporal:cluster`: Temporal's own server on the machine's PostgreSQL, in the
// foreground (Ctrl-C stops it). Builds the server and its SQL tool into the cache when missing,
// creates and migrates the `temporal` and `temporal_visibility` databases (TEMPORAL_DB_* settings,
// docs/configuration.md), starts the server from deploy/temporal/ and registers the namespace.
//   --build-only   build (or find) the binaries, print their paths, exit (.ci/run uses this)
//   --prepare-only also create and migrate the databases, then exit
import { stopProcess } from './lib/processes';
import { ensureTemporalServer, prepareTemporalDatabases, startTemporalCluster, temporalDatabasesFromEnv } from './lib/temporal-server';

async function main(): Promise<void> {
  const log = (line: string) => console.error(line);
  const binaries = await ensureTemporalServer(log);
  if (process.argv.includes('--build-only')) {
    console.log(`${binaries.server}\n${binaries.sqlTool}`);
    return;
  }
  const databases = temporalDatabasesFromEnv();
  await prepareTemporalDatabases(binaries.sqlTool, databases, log);
  log(`Temporal's databases ${databases.store} and ${databases.visibility} on ${databases.host}:${databases.port} are migrated`);
  if (process.argv.includes('--prepare-only')) return;
  const shards = Number(process.env.TEMPORAL_HISTORY_SHARDS ?? 8);
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`TEMPORAL_HISTORY_SHARDS=${process.env.TEMPORAL_HISTORY_SHARDS} is not a positive whole number`);
  const cluster = await startTemporalCluster({
    binaries,
    databases,
    historyShards: shards,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    onOutput: (text) => process.stderr.write(text),
  });
  log(`Temporal's server is listening on ${cluster.address} (${shards} history shards). Ctrl-C stops it.`);
  const stop = () => void stopProcess(cluster.process).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cluster.process.once('exit', (code, signal) => {
    console.error(`Temporal's server exited (${signal ?? `code ${code}`})`);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
