import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { DubanConfig } from '@duban/config';
import { CONSOLE_PREFIX, consolePathFor, isBrowserNavigation } from './console-links';

/**
 * Serves the built console under /console from the API's own origin, so the console uses the
 * API's log-in and token as they are. Paths inside /console that are not files are the
 * console's own pages (client-side routes): they get index.html. Browsers that follow an API
 * link are sent to the console's page for it.
 */
export function mountWebConsole(app: NestExpressApplication, config: DubanConfig): void {
  const dir = path.resolve(config.webConsoleDir);
  const indexFile = path.join(dir, 'index.html');
  const built = existsSync(indexFile);
  if (!built) new Logger('web-console').warn(`No console at ${dir} (DUBAN_WEB_DIR): run "npm run build:web"`);

  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === CONSOLE_PREFIX || request.path.startsWith(`${CONSOLE_PREFIX}/`)) return next();
    if (!isBrowserNavigation(request.headers as Record<string, string | undefined>)) return next();
    const target = consolePathFor(request.path);
    if (!target) return next();
    response.redirect(302, target);
  });

  if (built) {
    // Hashed file names: the assets never change under their name; index.html always may.
    app.useStaticAssets(dir, { prefix: CONSOLE_PREFIX, index: false, immutable: true, maxAge: '365d' });
  }
  app.use(CONSOLE_PREFIX, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (!built) {
      response.status(503).type('text/plain; charset=utf-8').send('The web console is not built: run "npm run build:web" (or set DUBAN_WEB_DIR).\n');
      return;
    }
    // An asset that is missing is a 404, not the console's page.
    if (request.path.startsWith('/assets/')) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(indexFile);
  });
}
