import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadDubanConfig, startApp } from '@duban/config';
import { createApiApp } from './create-api-app';

startApp('api', async () => {
  const config = loadDubanConfig();
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
  new Logger('api').log(`Listening on http://${config.http.host}:${config.http.port} (docs at /docs)`);
});
