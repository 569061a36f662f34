// The audit log: sign-ins, locks, sign-outs and every administrative change (apps/api/src/audit-log).
import type { IsoInstant } from './common';

export interface AuditRecord {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  actorUsername: string | null;
  /** sign_in.succeeded, user.created, department.deactivated … (AUDIT_ACTIONS of the domain). */
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  from: unknown;
  to: unknown;
  reason: string | null;
  clientAddress: string | null;
}

/** GET /audit-log, newest first. */
export interface AuditLogPage {
  items: AuditRecord[];
  total: number;
  limit: number;
  offset: number;
}
