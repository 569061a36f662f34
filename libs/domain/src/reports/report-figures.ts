import type { InsuranceType } from '../campaigns/campaign-targets';

/** Who owes reports: a member department (through its liaison) or a district/county. */
export type ReportingUnitKind = 'department' | 'district';

/** The rhythm of docs/domain.md ("Reports"): 旬报, 月报, 季报, 年终总结. */
export const REPORT_KINDS = ['ten_day', 'monthly', 'quarterly', 'year_end'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Census progress (资源普查), cumulative since the campaign began. */
export interface CensusFigures {
  unitsSurveyed: number;
  uninsuredUnitsFound: number;
  uninsuredPersonsFound: number;
  /** Units that registered for insurance in the campaign. */
  unitsNewlyInsured: number;
}

/** One insurance type's figures; each optional (a unit reports what it has). */
export interface InsuranceFigures {
  /** Persons newly insured since the campaign began (cumulative). */
  newlyInsured?: number;
  /** Persons insured now (a stock: may fall without a correction). */
  totalInsured?: number;
  /** Contribution (payment) rate now, percent 0–100. */
  contributionRate?: number;
  /** Funds collected since the campaign began, yuan (cumulative). */
  fundsCollectedYuan?: number;
}

/** What a report carries (docs/domain.md, "Reports"): census, persons insured, rate, funds; the texts are stored beside. */
export interface ReportFigures {
  census: CensusFigures;
  insurance: Partial<Record<InsuranceType, InsuranceFigures>>;
}

/** What one unit's latest counted report says, for progress and assessment. */
export interface UnitReportedFigures {
  unitId: string;
  unitKind: ReportingUnitKind;
  figures: ReportFigures;
}
