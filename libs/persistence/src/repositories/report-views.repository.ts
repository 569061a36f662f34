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
}
