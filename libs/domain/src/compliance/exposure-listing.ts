import type { ComplianceCaseOutcome, ComplianceCaseState, ExposureProposalStatus } from './compliance-case';

/**
 * Where an exposure the office approved stands on the exposure list (曝光名单):
 * - `listed`: published as a unit that stayed out of compliance after its deadline;
 * - `rectified`: the unit rectified (its case closed rectified), so it is off the public list;
 * - `withdrawn`: the exposure was withdrawn otherwise (the office dismissed the case).
 * Publishing a compliant unit as non-compliant is the worst mistake the list can make, so only
 * `listed` is ever printed or exported as the public list.
 */
export const EXPOSURE_LISTINGS = ['listed', 'rectified', 'withdrawn'] as const;
export type ExposureListing = (typeof EXPOSURE_LISTINGS)[number];

export interface ExposureOnRecord {
  /** The proposal's status as recorded. */
  status: ExposureProposalStatus;
  /** When the office approved it; null when it never did. */
  approvedAt: Date | string | null;
  /** The state of the case the exposure belongs to. */
  caseState: ComplianceCaseState;
  caseOutcome: ComplianceCaseOutcome | null;
}

/**
 * The exposure's place on the list; null when the office never approved it (never on any list).
 * The case is read as well as the proposal: a rectification closes the case first and withdraws
 * the proposal a moment later (the case workflow's next activity), and in that moment the unit
 * must already be off the public list.
 */
export function exposureListing(exposure: ExposureOnRecord): ExposureListing | null {
  if (exposure.approvedAt === null) return null;
  if (exposure.caseState === 'closed') return exposure.caseOutcome === 'rectified' ? 'rectified' : 'withdrawn';
  return exposure.status === 'approved' ? 'listed' : 'withdrawn';
}

/** On the public list: approved, not withdrawn, and its case still open. */
export function isPubliclyExposed(exposure: ExposureOnRecord): boolean {
  return exposureListing(exposure) === 'listed';
}

export const EXPOSURE_LISTING_LABELS: Record<ExposureListing, string> = {
  listed: '曝光中',
  rectified: '已整改，撤出名单',
  withdrawn: '已撤回',
};
