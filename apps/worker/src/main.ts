import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadDubanConfig } from '@duban/config';
import { DubanWorker } from './duban-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadDubanConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  const worker = app.get(DubanWorker);
  // The Temporal runtime turns SIGINT/SIGTERM into worker.shutdown(); run() returns once
  // in-flight tasks have finished, then the database and mail connections close.
  await worker.run();
  await app.close();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    new Logger('worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
