import type { DataSource, EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import {
  circularSerialNumber,
  circularSerialPrefix,
  DomainError,
  DomainErrorCode,
  DUBAN_TIME_ZONE,
  type Actor,
  type CircularData,
  type CircularKind,
  type CircularStatus,
} from '@duban/domain';
import { CampaignRepository } from '../campaigns/campaign.repository';

export interface CircularRow {
  id: string;
  campaignId: string;
  kind: CircularKind;
  periodKey: string;
  serialNumber: string | null;
  title: string;
  body: string;
  data: CircularData;
  status: CircularStatus;
  draftedBy: string;
  draftedByUsername: string | null;
  draftedAt: Date;
  revisedBy: string | null;
  revisedByUsername: string | null;
  revisedAt: Date | null;
  revisionReason: string | null;
  publishedBy: string | null;
  publishedByUsername: string | null;
  publishedAt: Date | null;
}

const CIRCULAR_COLUMNS = `
  c.id, c.campaign_id AS "campaignId", c.kind, c.period_key AS "periodKey", c.serial_number AS "serialNumber", c.title, c.body, c.data,
  c.status, c.drafted_by AS "draftedBy", du.username AS "draftedByUsername", c.drafted_at AS "draftedAt", c.revised_by AS "revisedBy",
  ru.username AS "revisedByUsername", c.revised_at AS "revisedAt", c.revision_reason AS "revisionReason", c.published_by AS "publishedBy",
  pu.username AS "publishedByUsername", c.published_at AS "publishedAt"`;
const CIRCULAR_FROM = `circulars c LEFT JOIN users du ON du.id = c.drafted_by LEFT JOIN users ru ON ru.id = c.revised_by LEFT JOIN users pu ON pu.id = c.published_by`;

const published = () => new DomainError(DomainErrorCode.CircularPublished, 'The circular has been published; it can no longer be changed');

/**
 * Circulars (通报): drafted from the data (again while a draft: the same period's draft is
 * replaced), revised by the office, published once with a serial number. Every change is in
 * the campaign's log.
 */
export class CircularRepository {
  private readonly campaigns: CampaignRepository;

  constructor(private readonly dataSource: DataSource) {
    this.campaigns = new CampaignRepository(dataSource);
  }

  /** Stores the draft of a period, replacing an earlier draft of the same period; a published one → 409. */
  async draft(input: {
    id: string;
    campaignId: string;
    kind: CircularKind;
    periodKey: string;
    title: string;
    body: string;
    data: CircularData;
    actor: Actor;
    at: Date;
  }): Promise<CircularRow> {
    const id = await this.dataSource.transaction(async (tx) => {
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO circulars (id, campaign_id, kind, period_key, title, body, data, status, drafted_by, drafted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9)
         ON CONFLICT (campaign_id, period_key) DO UPDATE SET
           title = EXCLUDED.title, body = EXCLUDED.body, data = EXCLUDED.data, drafted_by = EXCLUDED.drafted_by,
           drafted_at = EXCLUDED.drafted_at, revised_by = NULL, revised_at = NULL, revision_reason = NULL
         WHERE circulars.status = 'draft'
         RETURNING id`,
        [input.id, input.campaignId, input.kind, input.periodKey, input.title, input.body, JSON.stringify(input.data), input.actor.userId, input.at],
      );
      if (rows.length === 0) throw published();
      await this.campaigns.recordEvent(tx, {
        key: `circular:${rows[0].id}:drafted:${input.at.getTime()}:${input.actor.userId}`,
        campaignId: input.campaignId,
        action: 'circular_drafted',
        actor: input.actor,
        occurredAt: input.at,
        details: { circularId: rows[0].id, kind: input.kind, periodKey: input.periodKey },
      });
      return rows[0].id;
    });
    return (await this.find(id))!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CircularRow | null> {
    const rows: CircularRow[] = await manager.query(`SELECT ${CIRCULAR_COLUMNS} FROM ${CIRCULAR_FROM} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ?? null;
  }

  list(campaignId: string, publishedOnly: boolean): Promise<CircularRow[]> {
    return this.dataSource.query(
      `SELECT ${CIRCULAR_COLUMNS} FROM ${CIRCULAR_FROM} WHERE c.campaign_id = $1 ${publishedOnly ? `AND c.status = 'published'` : ''}
        ORDER BY c.published_at NULLS LAST, c.drafted_at, c.id`,
      [campaignId],
    );
  }

  /** The office's revision of a draft's title and body, logged with the text before. */
  async revise(input: { id: string; title: string; body: string; actor: Actor; reason: string; at: Date }): Promise<CircularRow> {
    await this.dataSource.transaction(async (tx) => {
      const circular = await this.find(input.id, tx, true);
      if (!circular) throw new DomainError(DomainErrorCode.CircularNotFound, `No circular with id ${input.id}`);
      if (circular.status === 'published') throw published();
      await tx.query(`UPDATE circulars SET title = $2, body = $3, revised_by = $4, revised_at = $5, revision_reason = $6 WHERE id = $1`, [
        input.id,
        input.title,
        input.body,
        input.actor.userId,
        input.at,
        input.reason,
      ]);
      await this.campaigns.recordEvent(tx, {
        key: `circular:${input.id}:revised:${input.at.getTime()}:${input.actor.userId}`,
        campaignId: circular.campaignId,
        action: 'circular_revised',
        actor: input.actor,
        reason: input.reason,
        occurredAt: input.at,
        details: { circularId: input.id, before: { title: circular.title, body: circular.body } },
      });
    });
    return (await this.find(input.id))!;
  }

  /**
   * Publishes the circular with the next serial number of the issuer's year (衡扩面办通〔2026〕3号),
   * allocated under a lock so two publications never share one. Once: a second call returns the
   * circular as published the first time.
   */
  async publish(input: { id: string; actor: Actor; at: Date }): Promise<CircularRow> {
    await this.dataSource.transaction(async (tx) => {
      const circular = await this.find(input.id, tx, true);
      if (!circular) throw new DomainError(DomainErrorCode.CircularNotFound, `No circular with id ${input.id}`);
      if (circular.status === 'published') return;
      const [campaign]: Array<{ jurisdictionName: string }> = await tx.query(`SELECT jurisdiction_name AS "jurisdictionName" FROM campaigns WHERE id = $1`, [circular.campaignId]);
      const year = DateTime.fromJSDate(input.at).setZone(DUBAN_TIME_ZONE).year;
      const prefix = circularSerialPrefix(campaign.jurisdictionName, year);
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`circular-serial:${prefix}`]);
      const [{ n }]: Array<{ n: number }> = await tx.query(
        `SELECT COALESCE(max(substring(serial_number FROM char_length($1) + 1 FOR char_length(serial_number) - char_length($1) - 1)::int), 0) + 1 AS n
           FROM circulars WHERE starts_with(serial_number, $1)`,
        [prefix],
      );
      const serialNumber = circularSerialNumber(campaign.jurisdictionName, year, n);
      await tx.query(`UPDATE circulars SET status = 'published', serial_number = $2, published_by = $3, published_at = $4 WHERE id = $1`, [
        input.id,
        serialNumber,
        input.actor.userId,
        input.at,
      ]);
      await this.campaigns.recordEvent(tx, {
        key: `circular:${input.id}:published`,
        campaignId: circular.campaignId,
        action: 'circular_published',
        actor: input.actor,
        occurredAt: input.at,
        details: { circularId: input.id, serialNumber },
      });
    });
    return (await this.find(input.id))!;
  }

  /**
   * Per unit, its reports of rounds due in [from, to] (and due by `now`) that were filed after
   * the due time or not at all; units with none are left out. Most late first.
   */
  async lateReports(campaignId: string, from: Date, to: Date, now: Date): Promise<Array<{ unitId: string; late: number }>> {
    const rows: Array<{ unitId: string; late: string }> = await this.dataSource.query(
      `SELECT r.unit_id AS "unitId", count(*) AS late
         FROM reports r JOIN report_rounds rr ON rr.id = r.round_id JOIN duties d ON d.id = r.duty_id
        WHERE r.campaign_id = $1 AND rr.due_at >= $2 AND rr.due_at <= $3 AND rr.due_at <= $4 AND d.state <> 'cancelled'
          AND (r.first_filed_at IS NULL OR r.first_filed_at > rr.due_at)
        GROUP BY r.unit_id
        ORDER BY count(*) DESC, r.unit_id`,
      [campaignId, from, to, now],
    );
    return rows.map((r) => ({ unitId: r.unitId, late: Number(r.late) }));
  }
}
