import { SetMetadata } from '@nestjs/common';
import type { AccessAction } from '@duban/domain';

export const ACCESS_ACTION = 'duban:accessAction';

/**
 * The access-policy action a route performs (@duban/domain ACCESS_POLICY). The auth guard
 * refuses a role the policy does not name with 403 before the request is read; rows of a
 * narrower scope (own department, own team) are decided by the service.
 */
export const Allow = (action: AccessAction) => SetMetadata(ACCESS_ACTION, action);
