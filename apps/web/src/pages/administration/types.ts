// Shapes of the administration answers (users, units, the audit log), as contracts.md agrees them.
import type { Role } from '../../api/types';

export type UnitKind = 'department' | 'district' | 'inspection_team';
export const UNIT_KIND_LIST: UnitKind[] = ['department', 'district', 'inspection_team'];

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
  mustChangePassword: boolean;
  hasLocalPassword: boolean;
  externalSubject: string | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
}

export interface CreatedUser {
  user: UserAdminView;
  /** delivery one_time_password (the default): shown this once. */
  oneTimePassword?: string;
  /** delivery email_link: where the one-time link went, and until when it works. */
  emailedTo?: string;
  expiresAt?: string;
}

export type PasswordDelivery = 'one_time_password' | 'email_link';
export type PasswordResetAnswer = { oneTimePassword: string } | { emailedTo: string; expiresAt: string };

export interface UserImportRow {
  row: number;
  username: string;
  status: 'created' | 'existing' | 'refused';
  userId?: string;
  oneTimePassword?: string;
  emailedTo?: string;
  errors?: Record<string, string[]>;
}

export interface UserImportAnswer {
  dryRun?: boolean;
  created: number;
  existing: number;
  refused: number;
  rows: UserImportRow[];
}

export interface DepartmentImportRow {
  row: number;
  code: string;
  status: 'created' | 'updated' | 'unchanged' | 'refused';
  departmentId?: string;
  errors?: Record<string, string[]>;
}

export interface DepartmentImportAnswer {
  dryRun?: boolean;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: DepartmentImportRow[];
}

export interface AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  from: unknown;
  to: unknown;
  reason: string | null;
  clientAddress: string | null;
}

/** What the audit log's action filter offers: the families of actions (GET /audit-log?actionPrefix=). */
export const AUDIT_ACTION_PREFIXES = ['sign_in.', 'account.', 'sign_out', 'password.', 'user.', 'users.', 'department.', 'departments.', 'administrator.'] as const;
