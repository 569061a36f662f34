import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '@duban/domain';

/**
 * What the audit log records: sign-ins and their failures, locks, sign-outs, and every
 * administrative change (users, departments, inspection teams). Who, when, what, from, to,
 * why, and from which client address.
 */
export interface AuditEntry {
  actorId: string | null;
  /** As typed at a failed sign-in (the account may not exist); else the actor's username. */
  actorUsername: string | null;
  action: AuditAction;
  targetType?: 'user' | 'department' | 'session' | 'account' | null;
  targetId?: string | null;
  /** A name a reader recognises (username, department code and name). */
  targetLabel?: string | null;
  from?: unknown;
  to?: unknown;
  reason?: string | null;
  clientAddress?: string | null;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  from: unknown;
  to: unknown;
  reason: string | null;
  clientAddress: string | null;
}

export interface AuditLogFilter {
  action?: string;
  /** Actions starting with this, e.g. 'sign_in.' or 'user.'. */
  actionPrefix?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** Free text over the actor's username, the target's label and the reason. */
  q?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes one entry, inside the caller's transaction when given one (so a refused change leaves none). */
  async record(entry: AuditEntry, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO audit_log (actor_id, actor_username, action, target_type, target_id, target_label, from_value, to_value, reason, client_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
      [
        entry.actorId,
        entry.actorUsername?.slice(0, 200) ?? null,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.targetLabel?.slice(0, 200) ?? null,
        entry.from === undefined ? null : JSON.stringify(entry.from),
        entry.to === undefined ? null : JSON.stringify(entry.to),
        entry.reason ?? null,
        entry.clientAddress?.slice(0, 64) ?? null,
      ],
    );
  }

  async list(filter: AuditLogFilter): Promise<{ total: number; items: AuditRecord[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.action) add('action = ?', filter.action);
    if (filter.actionPrefix)
      add(
        `action LIKE ? || '%'`,
        filter.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`),
      );
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.targetType) add('target_type = ?', filter.targetType);
    if (filter.targetId) add('target_id = ?', filter.targetId);
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      where.push(`(actor_username ILIKE ${p} OR target_label ILIKE ${p} OR reason ILIKE ${p})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log ${clause}`, params);
    const items = await this.dataSource.query(
      `SELECT id::text, at, actor_id AS "actorId", actor_username AS "actorUsername", action, target_type AS "targetType",
              target_id AS "targetId", target_label AS "targetLabel", from_value AS "from", to_value AS "to", reason,
              client_address AS "clientAddress"
       FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT ${Number(filter.limit)} OFFSET ${Number(filter.offset)}`,
      params,
    );
    return { total, items };
  }
}
