import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, DomainErrorCode, assertMay, type AccessAction, type Actor } from '@duban/domain';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC } from '../common/actor.decorator';
import { ACCESS_ACTION } from '../common/allow.decorator';
import { AuthService, type SignedIn } from './auth.service';

/**
 * Global: every route needs a valid bearer token of a live session unless marked @Public().
 * A user signed in with a one-time password reaches only the routes marked
 * @AllowedBeforePasswordChange() (who am I, change password, sign out) until they change it.
 * Then the route's @Allow(action) is asked of the access policy: a role it does not name hears
 * 403 before the body is read. A route that names no action is refused (fails closed).
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
    const action = this.reflector.getAllAndOverride<AccessAction | undefined>(ACCESS_ACTION, targets);
    try {
      if (!action) throw new DomainError(DomainErrorCode.ActionNotPermitted, 'This route names no access-policy action');
      assertMay(signedIn.actor, action);
    } catch (error) {
      // Refused before reading: discard an upload's body so the client gets the answer, not a reset.
      request.resume();
      throw error;
    }
    return true;
  }
}
