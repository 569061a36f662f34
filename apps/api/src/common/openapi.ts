import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_RESPONSE_REF, ERROR_RESPONSE_SCHEMA, errorResponse, type ErrorStatus } from './api-errors.decorator';
import { responseSchemas, routeAnswers } from './openapi-schemas';
import type { OpenApiAnswer } from './openapi-types';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const JSON_TYPE = 'application/json';
const HEALTH = 'HealthController_check';

/**
 * The served OpenAPI document (/docs, /docs-json): the routes as @nestjs/swagger reads them,
 * each one's success bodies from the types its controller returns (the generated *.schemas.ts
 * files), and the error answers: the ones its decorators name (ApiErrors) plus those every
 * route of its kind can give.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Duban 督办 API')
    .setDescription(
      'Campaign duties: assign, acknowledge, submit, accept or return; reminders and escalations. ' +
        'Every error answers the ErrorResponse body; a refused body or query names each field in `fields`.',
    )
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...responseSchemas, ErrorResponse: ERROR_RESPONSE_SCHEMA } as never;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const answer = operation.operationId ? routeAnswers[operation.operationId] : undefined;
      if (answer) operation.responses = { ...successResponses(operation.responses, answer), ...errorsOnly(operation.responses) };
      addCommonErrors(operation, method);
      jsonErrorBodies(operation);
    }
  }
  return document;
}

function isSuccess(status: string): boolean {
  return /^2\d\d$/.test(status);
}

function errorsOnly(responses: Responses): Responses {
  return Object.fromEntries(Object.entries(responses).filter(([status]) => !isSuccess(status)));
}

/** The success answers: JSON with its schema, the download types the route names (@ApiProduces), a page, or no content. */
function successResponses(declared: Responses, answer: OpenApiAnswer): Responses {
  let description: string | undefined;
  for (const [status, response] of Object.entries(declared)) {
    if (isSuccess(status) && response && !('$ref' in response) && response.description) description ??= response.description;
  }
  const produces = answer.produces ?? [];
  const content: Record<string, { schema: Record<string, unknown> }> = {};
  if (answer.schema) content[JSON_TYPE] = { schema: answer.schema };
  if (answer.text) {
    for (const type of produces.filter((t) => t.startsWith('text/html')).concat(produces.some((t) => t.startsWith('text/html')) ? [] : ['text/plain'])) {
      content[type] = { schema: { type: 'string' } };
    }
  }
  if (answer.file) {
    const fileTypes = produces.filter((t) => t !== JSON_TYPE && !t.startsWith('text/html'));
    for (const type of fileTypes.length ? fileTypes : ['application/octet-stream']) content[type] = { schema: { type: 'string', format: 'binary' } };
  }
  const responses: Responses = {};
  for (const status of answer.statuses) {
    const declaredOne = declared[String(status)];
    const own = declaredOne && !('$ref' in declaredOne) && declaredOne.description ? declaredOne.description : undefined;
    responses[String(status)] = {
      description: own ?? description ?? (status === 201 ? 'Created' : status === 202 ? 'Accepted' : status === 204 ? 'No content' : 'OK'),
      ...(Object.keys(content).length && status !== 204 ? { content } : {}),
    } as never;
  }
  return responses;
}

/**
 * Errors every route of a kind can give, unless the route documents them itself: 400 (any
 * route's query, path or body can be refused), 401 without a valid token, 404 for an id in the path, 413/415 for a body, 503.
 */
function addCommonErrors(operation: Operation, method: (typeof METHODS)[number]): void {
  const add = (status: ErrorStatus) => {
    operation.responses[String(status)] ??= errorResponse(status) as never;
  };
  const params = operation.parameters ?? [];
  const hasPathId = params.some((p) => !('$ref' in p) && p.in === 'path');
  const hasBody = method === 'post' || method === 'put' || method === 'patch';
  // Any request: the query DTOs (not all listed as parameters), the path, the body, the front door.
  add(400);
  if (operation.security?.length) add(401);
  // An id in the path that names nothing (or nothing the caller may know of).
  if (hasPathId) add(404);
  if (hasBody) {
    add(413);
    add(415);
  }
  add(503);
}

/**
 * Errors are always sent as JSON (the exception filter), also by routes that answer a page or a
 * file when they succeed; the health check's 503 is its own report of what is down.
 */
function jsonErrorBodies(operation: Operation): void {
  for (const [status, response] of Object.entries(operation.responses)) {
    // A redirect (single sign-on) has no body.
    if (isSuccess(status) || /^3\d\d$/.test(status) || !response || '$ref' in response) continue;
    if (operation.operationId === HEALTH && status === '503') {
      const ok = operation.responses['200'];
      if (ok && !('$ref' in ok)) response.content = ok.content;
      response.description = 'PostgreSQL or Temporal does not answer: the same report, naming the one that is down';
      continue;
    }
    response.content = { [JSON_TYPE]: { schema: { $ref: ERROR_RESPONSE_REF } } };
  }
}
