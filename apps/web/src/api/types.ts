// Shapes of the API's answers that the console reads. Enumerations come from the domain, so a
// state the API adds is a compile error here rather than a blank cell.
import type { DutyAction, DutyState, Role } from '@duban/domain';

export type { DutyAction, DutyState, Role };

export interface Me {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  departmentId: string | null;
  department: { id: string; code: string; name: string; kind: string } | null;
  /** Signed in with a one-time password: the console shows only the change of password until it is done. */
  mustChangePassword?: boolean;
}

/** POST /auth/login, POST /auth/password, POST /auth/password-reset. */
export interface SignInAnswer {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  mustChangePassword: boolean;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  kind: string;
  liaisonEmail: string;
  headEmail: string;
  /** Administration fields (GET /departments since go-live; absent on older answers). */
  active?: boolean;
  liaisonName?: string | null;
  liaisonPhone?: string | null;
  headName?: string | null;
  headPhone?: string | null;
  districtIds?: string[];
  updatedAt?: string | null;
  deactivatedAt?: string | null;
}
