import type { WorkingCalendarDays } from '../calendar/working-calendar';
import type { DutyRoute } from '../campaigns/duty-matrix';
import { INSURANCE_TYPES, type InsuranceType } from '../campaigns/campaign-targets';
import type { ClockOffset } from '../duties/duty-clock';
import type { Actor } from '../roles';
import { may, refusalOf, scopeOf } from '../access';
import type { Registry } from '../units/unit-facts';

/**
 * What the resource library finds when it compares departments' data (docs/domain.md, "The
 * compliance chain"): a unit on the market-regulation or tax register but not insured at all;
 * a unit insuring fewer staff than it employs; a unit in arrears.
 */
export const FINDINGS = ['not_registered', 'under_insured', 'in_arrears'] as const;
export type Finding = (typeof FINDINGS)[number];

export const FINDING_LABELS: Record<Finding, string> = {
  not_registered: '应参保未参保',
  under_insured: '未足额参保',
  in_arrears: '欠缴社会保险费',
};

/** What the comparison reads of a unit. */
export interface ComparedUnit {
  registrations: Partial<Record<Registry, boolean>>;
  employees: number | null;
  insured: Partial<Record<InsuranceType, number>>;
  /** Yuan, as the record keeps it (numeric text) or a number. */
  arrears: string | number | null;
}

export interface FindingOfUnit {
  finding: Finding;
  /** What the comparison saw, kept on the case. */
  evidence: Record<string, unknown>;
}

/**
 * The findings about one unit. A unit not on the social-insurance register is `not_registered`
 * (its head count gap is part of that, not a second finding); a registered unit whose insured
 * head count for a recorded insurance type is below its employees is `under_insured`; any
 * arrears above zero is `in_arrears`.
 */
export function findingsOfUnit(unit: ComparedUnit): FindingOfUnit[] {
  const findings: FindingOfUnit[] = [];
  const registries = (Object.keys(unit.registrations) as Registry[]).filter((r) => unit.registrations[r]).sort();
  const registered = unit.registrations.social_insurance === true || Object.keys(unit.insured).length > 0;
  if (!registered && (unit.registrations.market_regulation || unit.registrations.tax)) {
    findings.push({ finding: 'not_registered', evidence: { registeredWith: registries, employees: unit.employees } });
  }
  if (registered && unit.employees !== null) {
    const shortfall: Partial<Record<InsuranceType, number>> = {};
    for (const type of INSURANCE_TYPES) {
      const insured = unit.insured[type];
      if (insured !== undefined && insured < unit.employees) shortfall[type] = unit.employees - insured;
    }
    if (Object.keys(shortfall).length > 0) {
      findings.push({ finding: 'under_insured', evidence: { employees: unit.employees, insured: unit.insured, shortfall } });
    }
  }
  const arrears = unit.arrears === null ? 0 : Number(unit.arrears);
  if (arrears > 0) findings.push({ finding: 'in_arrears', evidence: { arrearsYuan: Math.round(arrears * 100) / 100 } });
  return findings;
}

/** The matrix function that answers for a finding when the unit's sector names no department. */
export const FINDING_FALLBACK_FUNCTION: Record<Finding, string> = {
  not_registered: 'registration',
  under_insured: 'registration',
  in_arrears: 'arrears_clearance',
};

/**
 * Who follows a finding up: the department the campaign's duty matrix names for the unit's
 * sector, else the one it names for the finding's function (registration; arrears clearance).
 * Null when the matrix has neither.
 */
export function findingRoute<R extends Pick<DutyRoute, 'kind' | 'key'>>(routes: readonly R[], sectorKey: string | null, finding: Finding): R | null {
  const bySector = sectorKey ? routes.find((r) => r.kind === 'sector' && r.key === sectorKey) : undefined;
  return bySector ?? routes.find((r) => r.kind === 'function' && r.key === FINDING_FALLBACK_FUNCTION[finding]) ?? null;
}

// ---------------------------------------------------------------------------------------------
// The case's life

export const COMPLIANCE_CASE_STATES = ['identified', 'notified', 'escalated', 'closed'] as const;
export type ComplianceCaseState = (typeof COMPLIANCE_CASE_STATES)[number];
export type ComplianceCaseOutcome = 'rectified' | 'dismissed';

export const COMPLIANCE_CASE_ACTIONS = ['issue_notice', 'escalate', 'record_rectification', 'dismiss'] as const;
export type ComplianceCaseAction = (typeof COMPLIANCE_CASE_ACTIONS)[number];

/** How a unit put things right: it registered (its staff) or it paid. */
export const RECTIFICATION_KINDS = ['registration', 'payment'] as const;
export type RectificationKind = (typeof RECTIFICATION_KINDS)[number];

const TRANSITIONS: Record<ComplianceCaseAction, { from: readonly ComplianceCaseState[]; to: ComplianceCaseState }> = {
  issue_notice: { from: ['identified'], to: 'notified' },
  escalate: { from: ['notified'], to: 'escalated' },
  record_rectification: { from: ['identified', 'notified', 'escalated'], to: 'closed' },
  dismiss: { from: ['identified', 'notified', 'escalated'], to: 'closed' },
};

export function complianceCaseTarget(state: ComplianceCaseState, action: ComplianceCaseAction): ComplianceCaseState | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(state) ? transition.to : null;
}

export function outcomeOf(action: ComplianceCaseAction): ComplianceCaseOutcome | null {
  if (action === 'record_rectification') return 'rectified';
  if (action === 'dismiss') return 'dismissed';
  return null;
}

/**
 * Who may move a case: the office, and officers of the department the matrix routed it to,
 * issue notices and record rectification; only the office dismisses a case (a false finding,
 * a unit deregistered); escalation is the system's, at the deadline.
 */
export function complianceCaseActionRefusal(
  actor: Actor,
  action: ComplianceCaseAction,
  kase: { departmentId: string; inspectionTeamId: string | null },
  isSystem: boolean,
): string | null {
  if (action === 'escalate') return isSystem ? null : 'A case escalates by itself when its deadline passes';
  const scope = scopeOf(actor, 'compliance-case.record-action');
  if (scope === 'all') return null;
  if (action === 'dismiss') return 'Only the office dismisses a compliance case';
  if (scope === 'own-department') {
    return actor.departmentId === kase.departmentId ? null : 'This case is routed to another department';
  }
  if (scope === 'own-team' && action === 'record_rectification') {
    return kase.inspectionTeamId !== null && actor.departmentId === kase.inspectionTeamId ? null : 'This case is not with your inspection team';
  }
  return `A user with role ${actor.role} may not ${action.replace(/_/g, ' ')} on a compliance case`;
}

/** Who may read a case: the office and viewers all; officers their department's; inspectors their team's. */
export function canReadComplianceCase(actor: Actor, kase: { departmentId: string; inspectionTeamId: string | null }): boolean {
  const scope = scopeOf(actor, 'compliance-case.read');
  if (scope === 'all') return true;
  if (scope === 'own-department') return actor.departmentId === kase.departmentId;
  return scope === 'own-team' && actor.departmentId !== null && actor.departmentId === kase.inspectionTeamId;
}

// ---------------------------------------------------------------------------------------------
// Escalation past the deadline

export const COMPLIANCE_ESCALATION_STEPS = ['inspection', 'exposure', 'bidding_ban', 'court_referral'] as const;
export type ComplianceEscalationStep = (typeof COMPLIANCE_ESCALATION_STEPS)[number];

export interface ComplianceEscalationRule {
  step: ComplianceEscalationStep;
  /** How long after the notice's deadline the step is taken. */
  after: ClockOffset;
  /** Only units of these sectors (the bidding ban concerns builders); every unit when absent. */
  sectors?: readonly string[];
}

/** The policy a case runs on: how long a notice gives and what follows its deadline, when. */
export interface CompliancePolicy {
  noticePeriod: ClockOffset;
  escalation: readonly ComplianceEscalationRule[];
  calendar: WorkingCalendarDays;
  /** As in duties: compresses a working day for tests and demonstrations. */
  workingDayMs?: number;
}

/** Sectors whose units bid on government construction projects. */
export const CONSTRUCTION_SECTORS = ['construction', 'property_development'] as const;

/**
 * Fifteen working days to rectify; at the deadline the labour inspectors get the case; ten
 * working days later an exposure is proposed to the office and builders are barred from
 * bidding; thirty working days after the deadline the case goes to court for enforcement.
 */
export const DEFAULT_COMPLIANCE_POLICY: Omit<CompliancePolicy, 'calendar'> = {
  noticePeriod: { workingDays: 15 },
  escalation: [
    { step: 'inspection', after: { workingDays: 0 } },
    { step: 'exposure', after: { workingDays: 10 } },
    { step: 'bidding_ban', after: { workingDays: 10 }, sectors: CONSTRUCTION_SECTORS },
    { step: 'court_referral', after: { workingDays: 30 } },
  ],
};

/** The steps that apply to a unit of this sector, in the order they are taken. */
export function escalationStepsFor(policy: Pick<CompliancePolicy, 'escalation'>, sectorKey: string | null): ComplianceEscalationRule[] {
  return policy.escalation.filter((rule) => !rule.sectors || (sectorKey !== null && rule.sectors.includes(sectorKey)));
}

export const ESCALATION_STEP_LABELS: Record<ComplianceEscalationStep, string> = {
  inspection: '移交劳动保障监察',
  exposure: '媒体曝光',
  bidding_ban: '限制参加政府投资项目投标',
  court_referral: '申请人民法院强制执行',
};

// ---------------------------------------------------------------------------------------------
// Exposure and enforcement

/** A proposal to expose a unit: waiting for the office, decided, or withdrawn when the unit rectified. */
export const EXPOSURE_PROPOSAL_STATUSES = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type ExposureProposalStatus = (typeof EXPOSURE_PROPOSAL_STATUSES)[number];

export const EXPOSURE_DECISIONS = ['approve', 'reject'] as const;
export type ExposureDecision = (typeof EXPOSURE_DECISIONS)[number];

/** Nothing is published without the office's approval. */
export function exposureDecisionRefusal(actor: Actor): string | null {
  return may(actor, 'exposure.decide') ? null : refusalOf(actor.role, 'exposure.decide');
}

export const ENFORCEMENT_ACTION_TYPES = ['on_site_inspection', 'rectification_order', 'penalty', 'exposure', 'court_referral', 'credit_record'] as const;
export type EnforcementActionType = (typeof ENFORCEMENT_ACTION_TYPES)[number];

export const ENFORCEMENT_ACTION_LABELS: Record<EnforcementActionType, string> = {
  on_site_inspection: '现场检查',
  rectification_order: '责令限期改正',
  penalty: '行政处罚',
  exposure: '媒体曝光',
  court_referral: '申请法院强制执行',
  credit_record: '纳入失信记录',
};

/** Inspectors log actions on their team's open inspection cases; the office on any. */
export function enforcementActionRefusal(actor: Actor, inspectionCase: { teamId: string; status: 'open' | 'closed' }): string | null {
  const scope = scopeOf(actor, 'inspection-case.log-action');
  if (scope === null) return refusalOf(actor.role, 'inspection-case.log-action');
  if (scope === 'own-team' && actor.departmentId !== inspectionCase.teamId) return 'This inspection case is assigned to another team';
  return null;
}

export function canReadInspectionCase(actor: Actor, inspectionCase: { teamId: string }): boolean {
  const scope = scopeOf(actor, 'inspection-case.read');
  return scope === 'all' || (scope === 'own-team' && actor.departmentId === inspectionCase.teamId);
}

// ---------------------------------------------------------------------------------------------
// What each action needs

export interface ComplianceActionInput {
  reason?: string;
  deadline?: number;
  rectification?: { kind: string; evidenceIds: readonly string[] };
}

/**
 * Field problems of an action's input: a dismissal says why; a rectification says how and
 * names its evidence; a notice's own deadline lies in the future. Empty when none.
 */
export function complianceActionInputProblems(action: ComplianceCaseAction, input: ComplianceActionInput, now: number): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (field: string, message: string) => (fields[field] ??= []).push(message);
  if (action === 'dismiss' && !input.reason?.trim()) add('reason', 'a dismissal says why');
  if (action === 'record_rectification') {
    if (!input.rectification) add('rectification', 'say how the unit rectified (registration or payment) and name the evidence');
    else {
      if (!(RECTIFICATION_KINDS as readonly string[]).includes(input.rectification.kind)) add('rectification.kind', `one of ${RECTIFICATION_KINDS.join(', ')}`);
      if (input.rectification.evidenceIds.length === 0) add('rectification.evidenceIds', 'at least one evidence file of the case');
    }
  }
  if (action === 'issue_notice' && input.deadline !== undefined && !(input.deadline > now)) add('deadline', 'the deadline must lie in the future');
  return fields;
}

/** Problems of an exposure decision: a rejection says why. */
export function exposureDecisionProblems(decision: ExposureDecision, reason: string | undefined): Record<string, string[]> {
  return decision === 'reject' && !reason?.trim() ? { reason: ['a rejection says why'] } : {};
}

/** Who adds evidence to a case: those who may record its rectification (the office, the routed department, the case's inspection team). */
export function complianceEvidenceRefusal(actor: Actor, kase: { departmentId: string; inspectionTeamId: string | null }): string | null {
  return complianceCaseActionRefusal(actor, 'record_rectification', kase, false);
}
