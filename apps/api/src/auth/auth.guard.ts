import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor } from '@duban/domain';
import { IS_PUBLIC } from '../common/actor.decorator';
import { AuthService } from './auth.service';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'A bearer token is required' });
    const actor = await this.auth.actorFromToken(match[1]);
    if (!actor) {
      throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'The token is invalid or has expired' });
    }
    request.actor = actor;
    return true;
  }
}
