import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC } from '../common/actor.decorator';
import { AuthService, type SignedIn } from './auth.service';

/**
 * Global: every route needs a valid bearer token of a live session unless marked @Public().
 * A user signed in with a one-time password reaches only the routes marked
 * @AllowedBeforePasswordChange() (who am I, change password, sign out) until they change it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor; signedIn?: SignedIn }>();
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'A bearer token is required' });
    const signedIn = await this.auth.signedInFromToken(match[1]);
    if (!signedIn) {
      throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'The token is invalid, has expired or was revoked; sign in again' });
    }
    if (signedIn.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new DomainError(DomainErrorCode.PasswordChangeRequired, 'Change the one-time password first (POST /auth/password)');
    }
    request.actor = signedIn.actor;
    request.signedIn = signedIn;
    return true;
  }
}
