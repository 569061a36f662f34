import type { INestApplication } from '@nestjs/common';
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
export async function createApiApp(config: DubanConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  installSecurityHeaders(app);
  installFrontDoor(app, { bodyLimit: config.http.bodyLimit });
  mountWebConsole(app, config);
  app.useGlobalPipes(dubanValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app));
  return app;
}
