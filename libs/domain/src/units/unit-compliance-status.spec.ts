import { UNIT_COMPLIANCE_STATUSES, unitComplianceStatus } from './unit-compliance-status';

const open = (state: 'identified' | 'notified' | 'escalated') => ({ state, outcome: null });
const closed = (outcome: 'rectified' | 'dismissed') => ({ state: 'closed' as const, outcome });

describe('a unit’s compliance status from its cases', () => {
  it('is no_findings without a case', () => {
    expect(unitComplianceStatus([])).toBe('no_findings');
  });

  it('is the most advanced open stage while any case is open, whatever the closed ones say', () => {
    expect(unitComplianceStatus([open('identified')])).toBe('identified');
    expect(unitComplianceStatus([open('identified'), open('notified')])).toBe('notified');
    expect(unitComplianceStatus([open('notified'), open('escalated'), open('identified')])).toBe('escalated');
    expect(unitComplianceStatus([closed('rectified'), open('identified')])).toBe('identified');
    expect(unitComplianceStatus([closed('dismissed'), open('notified')])).toBe('notified');
  });

  it('is rectified once every case is closed and any was rectified, dismissed when all were dismissed', () => {
    expect(unitComplianceStatus([closed('rectified')])).toBe('rectified');
    expect(unitComplianceStatus([closed('dismissed'), closed('rectified')])).toBe('rectified');
    expect(unitComplianceStatus([closed('dismissed'), closed('dismissed')])).toBe('dismissed');
  });

  it('answers one of the listed statuses in every combination of up to two cases', () => {
    const kinds = [open('identified'), open('notified'), open('escalated'), closed('rectified'), closed('dismissed')];
    for (const a of kinds) for (const b of kinds) expect(UNIT_COMPLIANCE_STATUSES).toContain(unitComplianceStatus([a, b]));
  });
});
