import { COMPLIANCE_CASE_STATES, EXPOSURE_PROPOSAL_STATUSES, type ComplianceCaseOutcome, type ComplianceCaseState, type ExposureProposalStatus } from './compliance-case';
import { exposureListing, isPubliclyExposed } from './exposure-listing';

const APPROVED_AT = new Date('2026-11-20T02:00:00Z');
const on = (status: ExposureProposalStatus, caseState: ComplianceCaseState, caseOutcome: ComplianceCaseOutcome | null = null, approvedAt: Date | null = APPROVED_AT) => ({
  status,
  approvedAt,
  caseState,
  caseOutcome,
});

describe('the exposure list: who is published', () => {
  it('lists an approved exposure while its case is open', () => {
    expect(exposureListing(on('approved', 'escalated'))).toBe('listed');
    expect(isPubliclyExposed(on('approved', 'escalated'))).toBe(true);
  });

  it('takes a unit off the public list the moment its case closes rectified, before the proposal is withdrawn', () => {
    expect(exposureListing(on('approved', 'closed', 'rectified'))).toBe('rectified');
    expect(isPubliclyExposed(on('approved', 'closed', 'rectified'))).toBe(false);
    expect(exposureListing(on('withdrawn', 'closed', 'rectified'))).toBe('rectified');
  });

  it('calls a dismissed case’s exposure, or one withdrawn while the case is open, withdrawn', () => {
    expect(exposureListing(on('approved', 'closed', 'dismissed'))).toBe('withdrawn');
    expect(exposureListing(on('withdrawn', 'closed', 'dismissed'))).toBe('withdrawn');
    expect(exposureListing(on('withdrawn', 'escalated'))).toBe('withdrawn');
  });

  it('never lists what the office did not approve, whatever the case', () => {
    for (const status of EXPOSURE_PROPOSAL_STATUSES) {
      for (const state of COMPLIANCE_CASE_STATES) {
        const outcome = state === 'closed' ? 'rectified' : null;
        expect(exposureListing(on(status, state, outcome, null))).toBeNull();
      }
    }
  });

  it('publishes nothing but an approved exposure of an open case, in every combination', () => {
    for (const status of EXPOSURE_PROPOSAL_STATUSES) {
      for (const state of COMPLIANCE_CASE_STATES) {
        for (const outcome of state === 'closed' ? (['rectified', 'dismissed'] as const) : [null]) {
          expect(isPubliclyExposed(on(status, state, outcome))).toBe(status === 'approved' && state !== 'closed');
        }
      }
    }
  });
});
