import { createHash } from 'node:crypto';
import {
  applyDecorators,
  BadRequestException,
  ConflictException,
  HttpStatus,
  Injectable,
  UnprocessableEntityException,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { IdempotentRequestRepository, type IdempotentRequestId } from '@duban/persistence';
import { ApiErrors } from './api-errors.decorator';

/** 1..255 printable ASCII characters. */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
/** How long a retry waits for the same key's first request to answer before a 409. */
const WAIT_FOR_FIRST_MS = 15_000;
const POLL_MS = 25;

/** The same JSON whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function badKey(): BadRequestException {
  const message = 'Idempotency-Key must be 1-255 printable characters';
  return new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { 'Idempotency-Key': [message] } });
}

/**
 * Makes a POST safe to retry with an `Idempotency-Key` header: the first request with a key
 * runs and its answer is stored (per user, key and route); a retry with the same key and body
 * gets that answer again (same status and body, `Idempotency-Replayed: true`) without running;
 * the same key with another body is a 422; a retry that arrives while the first still runs
 * waits for its answer (a 409 if it takes too long). A request that fails gives its key back.
 * Without the header the route behaves as before.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly requests: IdempotentRequestRepository;

  constructor(dataSource: DataSource) {
    this.requests = new IdempotentRequestRepository(dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw badKey();
    if (!request.actor) return next.handle();
    const id: IdempotentRequestId = { userId: request.actor.userId, key, route: `${request.method} ${request.path}` };
    const hash = createHash('sha256').update(canonical(request.body)).digest('hex');
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return from(this.run(id, hash, status, http.getResponse<Response>(), next));
  }

  private async run(id: IdempotentRequestId, hash: string, status: number, response: Response, next: CallHandler): Promise<unknown> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      if (await this.requests.claim(id, hash)) {
        let body: unknown;
        try {
          body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (error) {
          await this.requests.release(id);
          throw error;
        }
        await this.requests.complete(id, status, body);
        return body;
      }
      const stored = await this.requests.find(id);
      if (stored && stored.requestHash !== hash) {
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'UNPROCESSABLE_ENTITY',
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'This Idempotency-Key was used with a different request body',
        });
      }
      if (stored?.status === 'done') {
        response.setHeader('Idempotency-Replayed', 'true');
        return stored.responseBody;
      }
      // Still running (or just given back): wait for its answer, or claim it ourselves.
      if (Date.now() > deadline) {
        throw new ConflictException({
          statusCode: 409,
          error: 'CONFLICT',
          code: 'IDEMPOTENCY_KEY_IN_USE',
          message: 'A request with this Idempotency-Key is still running; try again shortly',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** A POST that a retry with the same `Idempotency-Key` does not repeat (see IdempotencyInterceptor). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    // 409: the same key still running elsewhere; 422: the same key with another body.
    ApiErrors(409, 422),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1-255 printable characters. A retry with the same key and body replays the first answer (header Idempotency-Replayed: true); another body with the same key is a 422.',
    }),
  );
}
