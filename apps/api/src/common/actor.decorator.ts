import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@duban/domain';

export const IS_PUBLIC = 'duban:isPublic';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'duban:allowedBeforePasswordChange';

/** Marks a route that needs no token (health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** A route a user signed in with a one-time password may call before changing it. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/** The authenticated user, as the auth guard put it on the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
