import { Injectable, mixin, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { DomainError, DomainErrorCode, type Actor } from '@duban/domain';

/**
 * A guard for the office's own actions. Checked after authentication and before the body is
 * validated, so anyone else hears 403 whatever they sent. `refusal` says what only the office may do.
 */
export function OfficeOnly(refusal: string): Type<CanActivate> {
  @Injectable()
  class OfficeOnlyGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean {
      const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
      if (actor?.role !== 'office') throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
      return true;
    }
  }
  return mixin(OfficeOnlyGuard);
}
