// Signing in and out, one's own account and password, single sign-on's settings (apps/api/src/auth).
import type { Role } from '@duban/domain';

/** The user a sign-in answers with. */
export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  departmentId: string | null;
}

/** POST /auth/login, POST /auth/password, POST /auth/password-reset. */
export interface SignInAnswer {
  accessToken: string;
  tokenType: string;
  /** Seconds the token works. */
  expiresIn: number;
  /** True: every route but /auth/me, /auth/password and sign-out answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed. */
  mustChangePassword: boolean;
  user: SignedInUser;
}

/** GET /auth/me: who is signed in, with the unit they act for (the console shows it in its header). */
export interface Me extends SignedInUser {
  department: { id: string; code: string; name: string; kind: string } | null;
  /** Signed in with a one-time password: the console asks for a new password before anything else. */
  mustChangePassword: boolean;
}

/** POST /auth/logout-everywhere. */
export interface SignOutEverywhereAnswer {
  sessionsEnded: number;
}

/** GET /auth/oidc: whether single sign-on is offered, and the button's words. */
export interface OidcSettings {
  enabled: boolean;
  /** Where the console's button leads (with ?returnTo=/console/...). */
  loginUrl?: string;
  /** The button's text. */
  label?: string;
}

/** POST /auth/login. */
export interface LoginBody {
  username: string;
  password: string;
}

/** POST /auth/password. */
export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

/** POST /auth/password-reset: the token of the mailed one-time link. */
export interface SetPasswordWithLinkBody {
  token: string;
  newPassword: string;
}
