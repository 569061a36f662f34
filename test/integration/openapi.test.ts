import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadDubanConfig } from '@duban/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { OpenApiResponseChecker } from '../support/openapi-responses';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** The routes anyone may call without a token. */
const PUBLIC = new Set([
  'AuthController_login',
  'HealthController_check',
  'OidcController_settings',
  'OidcController_login',
  'OidcController_callback',
  'AuthController_setPasswordWithLink',
  'NoticeLinksController_open',
]);

/**
 * The served OpenAPI document: valid for a real validator, and every route documents what it
 * answers — its success body (a schema, or the file types it sends) and its errors in the one
 * error body. That real answers match it is checked by every integration test (TestStack.http).
 */
describe('OpenAPI document', () => {
  let api: INestApplication;
  let document: Json;
  const operations: Array<{ id: string; method: string; path: string; operation: Json }> = [];

  beforeAll(async () => {
    api = await createApiApp(loadDubanConfig(process.env), { logger: false });
    await api.listen(0, '127.0.0.1');
    const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${url}/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Json;
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const method of METHODS) if (item[method]) operations.push({ id: item[method].operationId, method, path, operation: item[method] });
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('passes swagger-parser validation with no errors', () => {
    // swagger-parser is an ES module: it runs in a node of its own.
    const output = execFileSync(process.execPath, [path.join(__dirname, '../support/validate-openapi.mjs')], { input: JSON.stringify(document), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ ok: true });
    expect(operations.length).toBeGreaterThanOrEqual(100);
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
  });

  it('documents a success answer with a body schema or content type (or a redirect with its Location) for every operation', () => {
    const missing = operations.filter(({ operation }) => {
      const success = Object.entries<Json>(operation.responses).filter(([status]) => /^[23]\d\d$/.test(status));
      if (!success.length) return true;
      return !success.every(
        ([status, response]) =>
          status === '204' ||
          (/^3/.test(status) && response.headers?.Location) ||
          Object.values<Json>(response.content ?? {}).some((c) => c.schema && (c.schema.$ref || c.schema.type || c.schema.anyOf || c.schema.allOf)),
      );
    });
    expect(missing.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });

  it('documents the error answers of every operation in the shared error body', () => {
    const problems: string[] = [];
    for (const { id, method, path, operation } of operations) {
      const route = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses as Json;
      const has = (status: number) => responses[String(status)] !== undefined;
      const secured = (operation.security ?? []).length > 0;
      if (!PUBLIC.has(id) && !secured) problems.push(`${route}: no bearer security`);
      if (secured && !has(401)) problems.push(`${route}: no 401`);
      if (['post', 'put', 'patch'].includes(method) && !(has(400) && has(413) && has(415))) problems.push(`${route}: a body route without 400, 413 and 415`);
      if (path.includes('{') && !has(400) && !has(404)) problems.push(`${route}: a path parameter but neither 400 nor 404`);
      if (!has(503) || !responses['503'].headers?.['Retry-After']) problems.push(`${route}: no 503 with Retry-After`);
      for (const [status, response] of Object.entries<Json>(responses)) {
        if (!/^[45]\d\d$/.test(status) || id === 'HealthController_check') continue;
        if (response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse') problems.push(`${route} ${status}: not the ErrorResponse body`);
      }
    }
    expect(problems).toEqual([]);
    expect(document.paths['/auth/login'].post.responses['429']).toBeDefined();
    const errorBody = document.components.schemas.ErrorResponse;
    expect(errorBody.properties.fields.additionalProperties).toEqual({ type: 'array', items: { type: 'string' } });
  });

  it('names the optional Idempotency-Key header where a retried POST is done once', () => {
    for (const path of ['/duties', '/duties/{id}/comments', '/inspection-cases/{id}/actions', '/duties/{id}/extend', '/compliance-cases/{id}/actions']) {
      const header = (document.paths[path].post.parameters as Json[]).find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
      expect({ path, required: header?.required }).toEqual({ path, required: false });
    }
    // The interceptor's own answers: the same key still running (409), another body (422).
    for (const path of ['/duties/{id}/comments', '/duties/{id}/extend', '/inspection-cases/{id}/actions', '/exposure-proposals/{id}/decision']) {
      expect({ path, statuses: Object.keys(document.paths[path].post.responses) }).toEqual({ path, statuses: expect.arrayContaining(['409', '422']) });
    }
  });

  it('refuses an answer the document does not describe (the check every integration test makes)', () => {
    const checker = new OpenApiResponseChecker(document);
    const duty = '3f0c1d8e-0000-4000-8000-000000000000';
    expect(checker.problem('GET', `/duties/${duty}`, 418, 'application/json', {})).toMatch(/DutiesController_get .* answered 418/);
    expect(checker.problem('GET', `/duties/${duty}`, 200, 'application/json; charset=utf-8', { id: duty })).toMatch(/DutiesController_get .* does not match .*required property/);
    expect(checker.problem('GET', `/duties/${duty}`, 404, 'application/json', { statusCode: 404, message: 'Duty not found', code: 'NO_SUCH_CODE' })).toMatch(
      /\/code must be equal to one of the allowed values/,
    );
    expect(checker.problem('GET', `/duties/${duty}`, 404, 'application/json', { statusCode: 404, error: 'NOT_FOUND', message: 'Duty not found' })).toBeNull();
    expect(checker.route('GET', '/duty-matrix/changes?x=1')?.operation.operationId).toBe('DutyMatrixController_changes');
    expect(checker.route('GET', `/duties/${duty}/comments`)?.operation.operationId).toBe('DutyCommentsController_list');
  });
});
