import type { AuditRecord as AuditRecordView } from '@duban/contracts';
import type { AuditRecord } from '@duban/persistence';
import { isoDate } from '../common/instants';

/** A record of the audit log mapped to the answer of libs/contracts/src/audit-log.ts. */
export function auditRecordView(r: AuditRecord): AuditRecordView {
  return {
    id: r.id,
    at: isoDate(r.at),
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    from: r.from,
    to: r.to,
    reason: r.reason,
    clientAddress: r.clientAddress,
  };
}
