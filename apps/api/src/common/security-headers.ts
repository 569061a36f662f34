import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The printable pages (exposure list, compliance notice, circular) carry one inline handler,
 * `onclick="window.print()"`; its hash is all the inline script any page may run.
 */
const PRINT_BUTTON_HASH = "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='";

/** The console, the printable pages and every API answer: scripts from this origin only. */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'unsafe-hashes'", PRINT_BUTTON_HASH],
  // antd and echarts write inline styles (CSS-in-JS); the printable pages have a <style>.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI at /docs: its own scripts are files, but its page sets up with inline code. */
export const DOCS_CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  ...CONTENT_SECURITY_POLICY,
  'script-src': ["'self'", "'unsafe-inline'"],
  'script-src-attr': ["'none'"],
};

function headers(directives: Record<string, string[]>) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    // The console opens printable pages in a new window (window.open): keep the opener link.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  });
}

/** helmet on every answer (errors and 404s too): CSP, nosniff, frame protection, no X-Powered-By. */
export function installSecurityHeaders(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  const everywhere = headers(CONTENT_SECURITY_POLICY);
  const docs = headers(DOCS_CONTENT_SECURITY_POLICY);
  express.use((request: Request, response: Response, next: NextFunction) => {
    const isDocs = request.path === '/docs' || request.path.startsWith('/docs/') || request.path.startsWith('/docs-');
    (isDocs ? docs : everywhere)(request, response, next);
  });
}
