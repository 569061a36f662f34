import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { TemporalClientConnection } from '@duban/temporal-client';

/** The API's Temporal client (the shared one, @duban/temporal-client), closed with the app. */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private readonly connection: TemporalClientConnection;

  constructor(@Inject(DUBAN_CONFIG) config: DubanConfig) {
    this.connection = new TemporalClientConnection(config.temporal, { connectTimeout: '5 seconds' });
  }

  get(): Promise<Client> {
    return this.connection.get();
  }

  get taskQueue(): string {
    return this.connection.taskQueue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
