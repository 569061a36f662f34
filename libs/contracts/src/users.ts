// User administration: the users as the system administrator sees them, what creating,
// importing, resetting and unlocking answer, and the bodies the console sends (apps/api/src/users).
import type { Role } from '@duban/domain';
import type { IsoInstant } from './common';

/** A user as the administrator sees them. */
export interface UserAdminView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  department: { id: string; code: string; name: string; kind: string } | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  /** Signed in with a one-time password that is still to be changed (or never signed in since). */
  mustChangePassword: boolean;
  /** False: signs in through single sign-on only. */
  hasLocalPassword: boolean;
  externalSubject: string | null;
  /** Locked after repeated failed sign-ins (POST /users/:id/unlock lifts it). */
  locked: boolean;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  deactivatedAt: IsoInstant | null;
}

export interface UserList {
  items: UserAdminView[];
  total: number;
  limit: number;
  offset: number;
}

export interface CreatedUser {
  user: UserAdminView;
  /** delivery one_time_password (the default): shown this once; the user signs in with it and must then choose a password. */
  oneTimePassword?: string;
  /** delivery email_link: where the one-time link to set a password went, and until when it works. */
  emailedTo?: string;
  expiresAt?: IsoInstant;
}

export type PasswordResetAnswer = { oneTimePassword: string } | { emailedTo: string; expiresAt: IsoInstant };

export interface UserImportRowResult {
  /** The row's number in the file (the header is row 1). */
  row: number;
  username: string;
  /** created; existing: the username is taken (a replay of the same file changes nothing); refused: see errors. */
  status: 'created' | 'existing' | 'refused';
  userId?: string;
  /** created with delivery one_time_password: shown this once. */
  oneTimePassword?: string;
  /** created with delivery email_link: where the link went. */
  emailedTo?: string;
  errors?: Record<string, string[]>;
}

export interface UserImportAnswer {
  dryRun: boolean;
  created: number;
  existing: number;
  refused: number;
  rows: UserImportRowResult[];
}

/** POST /users/:id/unlock. */
export interface UserUnlockAnswer {
  id: string;
  username: string;
  /** The failed sign-ins that were counted against the user and are now forgotten. */
  failuresForgotten: number;
}

/** How a new or reset password reaches the user: shown once in the answer, or a one-time link mailed. */
export type PasswordDelivery = 'one_time_password' | 'email_link';

/** POST /users. */
export interface CreateUserBody {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  email?: string | null;
  phone?: string | null;
  delivery?: PasswordDelivery;
  reason?: string;
}

/** PATCH /users/:id: the fields to change, and why. */
export interface UpdateUserBody {
  displayName?: string;
  role?: Role;
  departmentId?: string | null;
  email?: string | null;
  phone?: string | null;
  reason: string;
}

/** POST /users/:id/password-reset. */
export interface PasswordResetBody {
  delivery: PasswordDelivery;
  reason: string;
}
