import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { DomainErrorCode } from '@duban/domain';
import type { OpenApiSchema } from './openapi-types';

export const ERROR_RESPONSE_REF = '#/components/schemas/ErrorResponse';

/**
 * The body of every error the API answers (DubanExceptionFilter, the validation pipe, Nest's
 * own HTTP exceptions): the status, its name, a message (a list of messages for a refused
 * body), and for a refused body or query the messages per field (nested fields as dotted paths).
 */
export const ERROR_RESPONSE_SCHEMA: OpenApiSchema = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status again' },
    error: { type: 'string', description: 'The status name, e.g. BAD_REQUEST, NOT_FOUND' },
    code: { type: 'string', enum: Object.values(DomainErrorCode), description: 'The domain error code, when the domain refused' },
    message: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      description: 'What went wrong; for a refused body or query every field message',
    },
    fields: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description: 'Field (dotted path for nested ones, e.g. phases.0.title) → its messages',
    },
    details: { type: 'object', additionalProperties: true, description: 'Facts about the refusal (e.g. maxBytes), per code' },
  },
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'The body, query or a path parameter is invalid; `fields` names each field and its messages',
  401: 'No valid bearer token (missing, expired, or not one this API signed)',
  403: "The caller's role or department may not do this",
  404: 'Nothing with that id (or the caller may not know it exists)',
  409: 'Not allowed in its current state (a forbidden transition, already done, a conflicting change)',
  410: 'The link was good once and its time is over',
  413: 'The body (or the uploaded file) is larger than the limit',
  415: 'Unsupported content type or content encoding (or a file type that is not allowed)',
  422: 'The Idempotency-Key was already used for a different request',
  423: 'The account is locked after repeated failed sign-ins; a system administrator can lift the lock',
  429: 'Too many requests; try again after Retry-After seconds',
  503: 'A service the API depends on (PostgreSQL, Temporal) is unavailable; try again after Retry-After seconds',
};

/** The OpenAPI answer for one error status: the shared error body (and Retry-After where it applies). */
export function errorResponse(status: ErrorStatus, description = ERROR_DESCRIPTIONS[status]) {
  return {
    description,
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: { 'application/json': { schema: { $ref: ERROR_RESPONSE_REF } } },
  };
}

/**
 * The errors a route (or every route of a controller) can answer beyond the ones every route
 * gets (see openapi.ts: 401 for authenticated routes, 400/413/415 for routes with a body, 503).
 */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status],
        schema: { $ref: ERROR_RESPONSE_REF },
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: RETRY_AFTER['Retry-After'].description, schema: { type: 'integer' } } } } : {}),
      }),
    ),
  );
}
