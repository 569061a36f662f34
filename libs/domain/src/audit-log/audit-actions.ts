/**
 * What the audit log records, by action: sign-ins and their failures, locks, sign-outs, password
 * changes, and every administrative change (users, departments, the first administrator). The API
 * accepts these as the audit log's filter; the console words each one (auditAction.<action>).
 */
export const AUDIT_ACTIONS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.throttled',
  'sign_in.refused_locked',
  'account.locked',
  'account.unlocked',
  'sign_out',
  'sign_out.everywhere',
  'password.changed',
  'password.reset',
  'password.reset_link_sent',
  'password.reset_link_used',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.provisioned',
  'user.sso_linked',
  'users.imported',
  'department.created',
  'department.updated',
  'department.deactivated',
  'department.reactivated',
  'departments.imported',
  'administrator.created',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
