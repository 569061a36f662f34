import type { SignedInUser } from '@duban/contracts';
import type { UserEntity } from '@duban/persistence';

/** A user's record mapped to the user a sign-in answers with (libs/contracts/src/auth.ts). */
export function toUserView(user: UserEntity): SignedInUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    departmentId: user.departmentId,
  };
}
