import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError, DomainErrorCode, type Actor } from '@duban/domain';

/**
 * Bulk actions are the office's. Checked as a guard (after authentication, before the body is
 * validated), so anyone else hears 403 whatever they sent.
 */
@Injectable()
export class OfficeOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
    if (actor?.role !== 'office') {
      throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Only the office may take bulk actions on duties');
    }
    return true;
  }
}
