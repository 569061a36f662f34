import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { DubanConfig } from '@duban/config';
import { ApiModule } from './api.module';
import { installFrontDoor } from './common/front-door';
import { installSecurityHeaders } from './common/security-headers';
import { createOpenApiDocument } from './common/openapi';
import { dubanValidationPipe } from './common/validation';
import { mountWebConsole } from './web-console/web-console';

/** The API as main.ts and the tests build it: one place, so tests exercise what runs. */
export async function createApiApp(config: DubanConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  // Behind a reverse proxy the client address (throttle, audit log) comes from X-Forwarded-For, as far as DUBAN_TRUST_PROXY trusts it.
  if (config.trustProxy !== false) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  installSecurityHeaders(app);
  installFrontDoor(app, { bodyLimit: config.http.bodyLimit });
  mountWebConsole(app, config);
  app.useGlobalPipes(dubanValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app));
  return app;
}
