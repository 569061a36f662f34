import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { waitForPort } from './processes';

/** The last tag of the Temporal CLI that `go install` can build (later ones carry a replace directive). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

/** Outside the clone, so a fresh clone on the same machine reuses the slow first build. */
export function dubanCacheDir(): string {
  return process.env.DUBAN_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'duban');
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return undefined;
}

/** Go on PATH, else where Go's own installer puts it. */
export function goBinary(): string | undefined {
  return onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

export const INSTALL_HINT = `Install the Temporal CLI in one of these ways, then run again:
  - with Go: go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}   (then put $(go env GOPATH)/bin on PATH)
  - or download it from Temporal's releases and set TEMPORAL_CLI_PATH=/path/to/temporal
  - or run your own Temporal server and set TEMPORAL_ADDRESS=host:7233`;

/**
 * The `temporal` binary: TEMPORAL_CLI_PATH, then PATH, then the project cache. When none has
 * it and Go is installed, builds it into the cache (minutes the first time).
 */
export async function ensureTemporalCli(log: (line: string) => void = console.log): Promise<string> {
  const configured = process.env.TEMPORAL_CLI_PATH;
  if (configured) {
    if (!isExecutable(configured)) throw new Error(`TEMPORAL_CLI_PATH=${configured} is not an executable file`);
    return configured;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cacheBin = path.join(dubanCacheDir(), `temporal-${TEMPORAL_CLI_VERSION}`);
  const cached = path.join(cacheBin, 'temporal');
  if (isExecutable(cached)) return cached;
  const go = goBinary();
  if (!go) throw new Error(`The Temporal CLI was not found.\n${INSTALL_HINT}`);
  mkdirSync(cacheBin, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${cacheBin} (several minutes the first time)...`);
  await new Promise<void>((resolve, reject) => {
    const build = spawn(go, ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: cacheBin, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install exited with ${code}\n${INSTALL_HINT}`))));
  });
  if (!isExecutable(cached)) throw new Error(`go install finished but ${cached} is missing\n${INSTALL_HINT}`);
  return cached;
}

export interface TemporalDevServerOptions {
  binary: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** Omit for an in-memory server (tests); a file keeps workflows across restarts. */
  dbFile?: string;
  namespace?: string;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<ChildProcess> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.namespace && options.namespace !== 'default') args.push('--namespace', options.namespace);
  const server = spawn(options.binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    await waitForPort(options.port, { timeoutMs: 60_000, process: server });
  } catch (error) {
    server.kill('SIGKILL');
    throw new Error(`The Temporal dev server did not start: ${String(error)}\n${stderr}`);
  }
  return server;
}
