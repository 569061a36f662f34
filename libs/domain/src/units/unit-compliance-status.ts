import type { ComplianceCaseOutcome, ComplianceCaseState } from '../compliance/compliance-case';

/**
 * Where a unit stands with the campaign, read from its compliance cases: no case found
 * (`no_findings`); while a case is open, the most advanced open stage of any of its cases;
 * once all are closed, `rectified` if it put any finding right, else `dismissed` (every case
 * was a false finding or the unit is gone).
 */
export const UNIT_COMPLIANCE_STATUSES = ['no_findings', 'identified', 'notified', 'escalated', 'rectified', 'dismissed'] as const;
export type UnitComplianceStatus = (typeof UNIT_COMPLIANCE_STATUSES)[number];

/** Open stages, the most advanced first: one escalated case outweighs any number of notified ones. */
export const OPEN_STAGES_MOST_ADVANCED_FIRST = ['escalated', 'notified', 'identified'] as const satisfies readonly ComplianceCaseState[];

export const UNIT_COMPLIANCE_STATUS_LABELS: Record<UnitComplianceStatus, string> = {
  no_findings: '未发现问题',
  identified: '已发现',
  notified: '已下达限期改正',
  escalated: '逾期升级',
  rectified: '已整改',
  dismissed: '已撤销',
};

export function unitComplianceStatus(cases: ReadonlyArray<{ state: ComplianceCaseState; outcome: ComplianceCaseOutcome | null }>): UnitComplianceStatus {
  if (cases.length === 0) return 'no_findings';
  for (const stage of OPEN_STAGES_MOST_ADVANCED_FIRST) {
    if (cases.some((c) => c.state === stage)) return stage;
  }
  return cases.some((c) => c.outcome === 'rectified') ? 'rectified' : 'dismissed';
}
