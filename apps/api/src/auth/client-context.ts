import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ClientContext } from './auth.service';
import type { SignedIn } from './auth.service';

/** The client's address (Express's req.ip: X-Forwarded-For only when DUBAN_TRUST_PROXY says so) and user agent. */
export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientContext => {
  const request = context.switchToHttp().getRequest<Request>();
  const agent = request.headers['user-agent'];
  return { address: request.ip ?? request.socket.remoteAddress ?? 'unknown', userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null };
});

/** The session the request's token belongs to. */
export const CurrentSignIn = createParamDecorator((_: unknown, context: ExecutionContext): SignedIn => {
  const request = context.switchToHttp().getRequest<{ signedIn?: SignedIn }>();
  if (!request.signedIn) throw new Error('CurrentSignIn used on a route without authentication');
  return request.signedIn;
});
