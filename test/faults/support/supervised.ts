import type { ChildProcess } from 'node:child_process';

/**
 * A child process kept running as a service manager would: when it exits (killed by the test or
 * on its own) it is started again. The test kills it with SIGKILL, nothing gentler.
 */
export class Supervised {
  child?: ChildProcess;
  kills = 0;
  /** Exits the test did not cause (a process that gave up while something it needs was away). */
  unexpectedExits = 0;
  starts = 0;
  output = '';
  /** Called with every chunk the process writes (stdout and stderr). */
  readonly listeners: Array<(text: string) => void> = [];
  private stopping = false;
  private killing = false;
  private starting?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly launch: () => Promise<ChildProcess>,
  ) {}

  async start(): Promise<void> {
    this.starting = (async () => {
      const child = await this.launch();
      this.starts++;
      this.child = child;
      const keep = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-20_000);
        for (const listener of this.listeners) listener(chunk.toString());
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.once('exit', () => {
        if (this.stopping || this.killing || this.child !== child) return;
        this.unexpectedExits++;
        this.restartSoon();
      });
    })();
    await this.starting;
  }

  /** Starts it again in half a second, and again after that while starting fails. */
  private restartSoon(): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.start().catch(() => this.restartSoon());
    }, 500);
  }

  /** kill -9, then start it again (and wait until it is up), unless `restart` is false: it stays down. */
  async kill9(options: { restart?: boolean } = {}): Promise<void> {
    await this.starting;
    const child = this.child!;
    this.killing = true;
    const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
    child.kill('SIGKILL');
    await exited;
    this.kills++;
    this.killing = false;
    if (options.restart === false) {
      this.stopping = true;
      return;
    }
    await this.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => {});
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}
