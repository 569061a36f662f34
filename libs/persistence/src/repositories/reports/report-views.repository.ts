import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportFigures, ReportingUnitKind, UnitReportedFigures } from '@duban/domain';

/** A unit's latest counted report, with where it came from. */
export interface CountedReport extends UnitReportedFigures {
  reportId: string;
  roundKey: string;
  periodEnd: string;
  version: number;
  filedAt: Date;
}

/**
 * What progress and assessment read from the reports. A report counts with its latest filing
 * while its duty is submitted or accepted (a returned report is in dispute and falls back to
 * the unit's report before it); of a unit's counted reports, the one covering the latest period
 * is the unit's figure. Figures are cumulative, so the latest is the whole so far.
 */
@Injectable()
export class ReportViewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Each unit's latest counted report among filings made by `asOf` (an instant). The duty's
   * state is today's: a report returned later no longer counts for earlier days either.
   */
  async latestCountedReports(campaignId: string, asOf: Date): Promise<CountedReport[]> {
    const rows: Array<{
      unitId: string;
      unitKind: ReportingUnitKind;
      figures: ReportFigures;
      reportId: string;
      roundKey: string;
      periodEnd: string;
      version: number;
      filedAt: Date;
    }> = await this.dataSource.query(
      `SELECT DISTINCT ON (r.unit_id)
              r.unit_id AS "unitId", r.unit_kind AS "unitKind", f.figures, r.id AS "reportId",
              rr.round_key AS "roundKey", to_char(rr.period_end, 'YYYY-MM-DD') AS "periodEnd",
              f.version, f.filed_at AS "filedAt"
         FROM reports r
         JOIN report_rounds rr ON rr.id = r.round_id
         JOIN duties d ON d.id = r.duty_id
         JOIN LATERAL (SELECT figures, version, filed_at FROM report_filings
                        WHERE report_id = r.id AND filed_at <= $2
                        ORDER BY version DESC LIMIT 1) f ON true
        WHERE r.campaign_id = $1 AND d.state IN ('submitted', 'accepted')
        ORDER BY r.unit_id, rr.period_end DESC, f.filed_at DESC`,
      [campaignId, asOf],
    );
    return rows;
  }

  /**
   * `latestCountedReports` at several instants in one query (a lateral join over the
   * instants), the same rule in the same SQL: for each instant's index in `instants`, each
   * unit's latest counted report among the filings made by then. Cost: per instant, one pass over
   * the campaign's reports, each with an index probe for its latest filing — about points × reports,
   * e.g. 36 ten-day points × 30 units × 36 rounds ≈ 39,000 probes for a year; it grows with the
   * square of the rounds, so a history over many years should be asked for by month.
   */
  async latestCountedReportsAt(campaignId: string, instants: readonly Date[]): Promise<Array<CountedReport & { point: number }>> {
    if (instants.length === 0) return [];
    const rows: Array<CountedReport & { point: string | number }> = await this.dataSource.query(
      `SELECT p.n AS point, x.*
         FROM unnest($2::timestamptz[]) WITH ORDINALITY AS p(at, n)
         CROSS JOIN LATERAL (
           SELECT DISTINCT ON (r.unit_id)
                  r.unit_id AS "unitId", r.unit_kind AS "unitKind", f.figures, r.id AS "reportId",
                  rr.round_key AS "roundKey", to_char(rr.period_end, 'YYYY-MM-DD') AS "periodEnd",
                  f.version, f.filed_at AS "filedAt"
             FROM reports r
             JOIN report_rounds rr ON rr.id = r.round_id
             JOIN duties d ON d.id = r.duty_id
             JOIN LATERAL (SELECT figures, version, filed_at FROM report_filings
                            WHERE report_id = r.id AND filed_at <= p.at
                            ORDER BY version DESC LIMIT 1) f ON true
            WHERE r.campaign_id = $1 AND d.state IN ('submitted', 'accepted')
            ORDER BY r.unit_id, rr.period_end DESC, f.filed_at DESC) x
        ORDER BY p.n, x."unitId"`,
      [campaignId, instants],
    );
    // WITH ORDINALITY counts from 1 (a bigint, which the driver gives as text).
    return rows.map((r) => ({ ...r, point: Number(r.point) - 1 }));
  }

  /** Units that filed any report of the campaign by `asOf`, counted or not (a returned one too). */
  async unitsThatFiled(campaignId: string, asOf: Date): Promise<Set<string>> {
    const rows: Array<{ unitId: string }> = await this.dataSource.query(
      `SELECT DISTINCT r.unit_id AS "unitId" FROM reports r
        WHERE r.campaign_id = $1 AND EXISTS (SELECT 1 FROM report_filings f WHERE f.report_id = r.id AND f.filed_at <= $2)`,
      [campaignId, asOf],
    );
    return new Set(rows.map((r) => r.unitId));
  }

  /** The campaign's report rounds due within [from, to] (local dates), by due date. */
  roundsDue(campaignId: string, from: string, to: string): Promise<Array<{ roundKey: string; kind: string; dueDate: string }>> {
    return this.dataSource.query(
      `SELECT round_key AS "roundKey", kind, to_char(due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM report_rounds WHERE campaign_id = $1 AND due_date BETWEEN $2::date AND $3::date
        ORDER BY due_date, round_key`,
      [campaignId, from, to],
    );
  }

  /** Code, name and kind of the given units (districts and departments), for the views. */
  units(ids: readonly string[]): Promise<Array<{ id: string; code: string; name: string; kind: string }>> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(`SELECT id, code, name, kind FROM departments WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
