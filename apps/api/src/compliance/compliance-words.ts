import type { ComplianceCaseOutcome, ComplianceCaseState } from '@duban/domain';

/** A case's stage as the views count it: its state, a closed case by its outcome. */
export const STAGE_WORDS: Record<string, string> = {
  identified: '已发现',
  notified: '已下达限期改正',
  escalated: '逾期升级',
  /** A closed case whose outcome the row does not say. */
  closed: '已结案',
  closed_rectified: '已整改结案',
  closed_dismissed: '撤销结案',
};

export const STEP_STATUS_WORDS: Record<string, string> = { taken: '已采取', cancelled: '已取消' };

/** The stage word of one case. */
export function stageWord(state: ComplianceCaseState, outcome: ComplianceCaseOutcome | null): string {
  const stage = state === 'closed' && outcome ? `closed_${outcome}` : state;
  return STAGE_WORDS[stage] ?? stage;
}
