import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';

/** The API's Temporal client, connected lazily and closed with the app. */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private connection?: Promise<Connection>;
  private client?: Promise<Client>;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  get(): Promise<Client> {
    this.client ??= this.connect().then(
      (connection) => new Client({ connection, namespace: this.config.temporal.namespace }),
      (error: unknown) => {
        // A failed connect is retried on the next call instead of being remembered forever.
        this.connection = undefined;
        this.client = undefined;
        throw error;
      },
    );
    return this.client;
  }

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  private connect(): Promise<Connection> {
    this.connection ??= Connection.connect({ address: this.config.temporal.address, connectTimeout: '5 seconds' });
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.close();
  }
}
