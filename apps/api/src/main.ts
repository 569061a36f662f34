import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadDubanConfig, startApp } from '@duban/config';
import { adminCreateMain } from './admin-create';
import { createApiApp } from './create-api-app';

// `node dist/apps/api/main.js admin:create --username …`: the built image's way to make the first administrator.
if (process.argv[2] === 'admin:create') {
  void adminCreateMain(process.argv.slice(3));
} else {
  startApp('api', async () => {
    const config = loadDubanConfig();
    const app = await createApiApp(config);
    await app.listen(config.http.port, config.http.host);
    new Logger('api').log(`Listening on http://${config.http.host}:${config.http.port} (docs at /docs)`);
  });
}
