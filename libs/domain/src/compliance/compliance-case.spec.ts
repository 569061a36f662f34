import type { Actor } from '../roles';
import {
  complianceCaseActionRefusal,
  complianceCaseTarget,
  canReadComplianceCase,
  canReadInspectionCase,
  DEFAULT_COMPLIANCE_POLICY,
  enforcementActionRefusal,
  escalationStepsFor,
  exposureDecisionRefusal,
  findingRoute,
  findingsOfUnit,
  outcomeOf,
  type ComparedUnit,
} from './compliance-case';

const unit = (over: Partial<ComparedUnit>): ComparedUnit => ({ registrations: {}, employees: null, insured: {}, arrears: null, ...over });
const actor = (role: Actor['role'], departmentId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, departmentId });

describe('findingsOfUnit', () => {
  it('finds a unit on the market-regulation or tax register but not insured', () => {
    expect(findingsOfUnit(unit({ registrations: { market_regulation: true }, employees: 12 }))).toEqual([
      { finding: 'not_registered', evidence: { registeredWith: ['market_regulation'], employees: 12 } },
    ]);
    expect(findingsOfUnit(unit({ registrations: { tax: true } })).map((f) => f.finding)).toEqual(['not_registered']);
  });

  it('finds nothing in a unit only social insurance knows, or nobody knows', () => {
    expect(findingsOfUnit(unit({ registrations: { social_insurance: true }, employees: 5 }))).toEqual([]);
    expect(findingsOfUnit(unit({}))).toEqual([]);
  });

  it('counts a unit with insured head counts as registered even without the registration file', () => {
    expect(findingsOfUnit(unit({ registrations: { tax: true }, employees: 10, insured: { pension: 10 } }))).toEqual([]);
  });

  it('finds under-insurance per recorded insurance type, with the shortfall', () => {
    const [finding] = findingsOfUnit(unit({ registrations: { social_insurance: true }, employees: 40, insured: { pension: 25, medical: 40 } }));
    expect(finding).toEqual({ finding: 'under_insured', evidence: { employees: 40, insured: { pension: 25, medical: 40 }, shortfall: { pension: 15 } } });
  });

  it('does not call under-insured what it cannot compare (employees unknown)', () => {
    expect(findingsOfUnit(unit({ registrations: { social_insurance: true }, insured: { pension: 3 } }))).toEqual([]);
  });

  it('finds arrears above zero, from the record text or a number, and not a zero', () => {
    expect(findingsOfUnit(unit({ registrations: { social_insurance: true }, arrears: '1234.50' }))).toEqual([{ finding: 'in_arrears', evidence: { arrearsYuan: 1234.5 } }]);
    expect(findingsOfUnit(unit({ arrears: 0.01 })).map((f) => f.finding)).toEqual(['in_arrears']);
    expect(findingsOfUnit(unit({ arrears: '0.00' }))).toEqual([]);
  });

  it('reports several findings of one unit', () => {
    const findings = findingsOfUnit(unit({ registrations: { tax: true }, employees: 9, arrears: 800 }));
    expect(findings.map((f) => f.finding)).toEqual(['not_registered', 'in_arrears']);
  });
});

describe('findingRoute', () => {
  const routes = [
    { kind: 'sector' as const, key: 'construction', departmentId: 'cons' },
    { kind: 'function' as const, key: 'registration', departmentId: 'sia' },
    { kind: 'function' as const, key: 'arrears_clearance', departmentId: 'tax' },
  ];
  it('routes by the unit sector first', () => {
    expect(findingRoute(routes, 'construction', 'in_arrears')?.departmentId).toBe('cons');
  });
  it('falls back to the function of the finding', () => {
    expect(findingRoute(routes, null, 'not_registered')?.departmentId).toBe('sia');
    expect(findingRoute(routes, 'bathhouses', 'in_arrears')?.departmentId).toBe('tax');
  });
  it('is null when the matrix names nobody', () => {
    expect(findingRoute([], 'construction', 'under_insured')).toBeNull();
  });
});

describe('compliance case transitions', () => {
  it('walks identified → notified → escalated → closed', () => {
    expect(complianceCaseTarget('identified', 'issue_notice')).toBe('notified');
    expect(complianceCaseTarget('notified', 'escalate')).toBe('escalated');
    expect(complianceCaseTarget('escalated', 'record_rectification')).toBe('closed');
    expect(outcomeOf('record_rectification')).toBe('rectified');
    expect(outcomeOf('dismiss')).toBe('dismissed');
    expect(outcomeOf('issue_notice')).toBeNull();
  });
  it('refuses what the state does not allow', () => {
    expect(complianceCaseTarget('notified', 'issue_notice')).toBeNull();
    expect(complianceCaseTarget('identified', 'escalate')).toBeNull();
    expect(complianceCaseTarget('closed', 'record_rectification')).toBeNull();
    expect(complianceCaseTarget('closed', 'dismiss')).toBeNull();
  });
});

describe('who may act on a case', () => {
  const kase = { departmentId: 'cons', inspectionTeamId: 'team-a' };
  it('lets the office do everything but escalate by hand', () => {
    expect(complianceCaseActionRefusal(actor('office'), 'dismiss', kase, false)).toBeNull();
    expect(complianceCaseActionRefusal(actor('office'), 'escalate', kase, false)).toMatch(/by itself/);
    expect(complianceCaseActionRefusal(actor('office'), 'escalate', kase, true)).toBeNull();
  });
  it('lets the routed department issue notices and record rectification, not dismiss', () => {
    expect(complianceCaseActionRefusal(actor('department_officer', 'cons'), 'issue_notice', kase, false)).toBeNull();
    expect(complianceCaseActionRefusal(actor('department_officer', 'cons'), 'record_rectification', kase, false)).toBeNull();
    expect(complianceCaseActionRefusal(actor('department_officer', 'cons'), 'dismiss', kase, false)).toMatch(/Only the office/);
    expect(complianceCaseActionRefusal(actor('department_officer', 'tax'), 'issue_notice', kase, false)).toMatch(/another department/);
  });
  it('lets the assigned inspection team record a rectification, nothing else', () => {
    expect(complianceCaseActionRefusal(actor('inspector', 'team-a'), 'record_rectification', kase, false)).toBeNull();
    expect(complianceCaseActionRefusal(actor('inspector', 'team-b'), 'record_rectification', kase, false)).toMatch(/not with your/);
    expect(complianceCaseActionRefusal(actor('inspector', 'team-a'), 'issue_notice', kase, false)).toMatch(/role inspector/);
    expect(complianceCaseActionRefusal(actor('viewer'), 'record_rectification', kase, false)).toMatch(/role viewer/);
  });
  it('scopes reading', () => {
    expect(canReadComplianceCase(actor('viewer'), kase)).toBe(true);
    expect(canReadComplianceCase(actor('department_officer', 'cons'), kase)).toBe(true);
    expect(canReadComplianceCase(actor('department_officer', 'tax'), kase)).toBe(false);
    expect(canReadComplianceCase(actor('inspector', 'team-a'), kase)).toBe(true);
    expect(canReadComplianceCase(actor('inspector', 'team-b'), kase)).toBe(false);
    expect(canReadComplianceCase(actor('inspector', null), { departmentId: 'cons', inspectionTeamId: null })).toBe(false);
  });
});

describe('escalation policy', () => {
  it('bars only construction-sector units from bidding', () => {
    expect(escalationStepsFor(DEFAULT_COMPLIANCE_POLICY, 'construction').map((r) => r.step)).toEqual(['inspection', 'exposure', 'bidding_ban', 'court_referral']);
    expect(escalationStepsFor(DEFAULT_COMPLIANCE_POLICY, 'restaurants').map((r) => r.step)).toEqual(['inspection', 'exposure', 'court_referral']);
    expect(escalationStepsFor(DEFAULT_COMPLIANCE_POLICY, null).map((r) => r.step)).toEqual(['inspection', 'exposure', 'court_referral']);
  });
});

describe('exposure and enforcement permissions', () => {
  it('lets only the office decide an exposure', () => {
    expect(exposureDecisionRefusal(actor('office'))).toBeNull();
    for (const role of ['department_officer', 'inspector', 'viewer'] as const) expect(exposureDecisionRefusal(actor(role, 'x'))).toMatch(/Only the office/);
  });
  it('lets inspectors log on their team cases only', () => {
    const open = { teamId: 'team-a', status: 'open' as const };
    expect(enforcementActionRefusal(actor('inspector', 'team-a'), open)).toBeNull();
    expect(enforcementActionRefusal(actor('inspector', 'team-b'), open)).toMatch(/another team/);
    expect(enforcementActionRefusal(actor('office'), open)).toBeNull();
    expect(enforcementActionRefusal(actor('department_officer', 'team-a'), open)).toMatch(/role department_officer/);
    expect(canReadInspectionCase(actor('inspector', 'team-b'), open)).toBe(false);
    expect(canReadInspectionCase(actor('viewer'), open)).toBe(true);
  });
});
