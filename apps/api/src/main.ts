import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadDubanConfig } from '@duban/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadDubanConfig();
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
  new Logger('api').log(`Listening on http://${config.http.host}:${config.http.port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    new Logger('api').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
