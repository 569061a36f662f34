import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadDubanConfig, startApp } from '@duban/config';
import { DubanWorker } from './duban-worker';
import { WorkerModule } from './worker.module';

startApp('worker', async () => {
  const config = loadDubanConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  const worker = app.get(DubanWorker);
  // The Temporal runtime turns SIGINT/SIGTERM into worker.shutdown(); run() returns once
  // in-flight tasks have finished, then the database and mail connections close.
  await worker.run();
  await app.close();
});
