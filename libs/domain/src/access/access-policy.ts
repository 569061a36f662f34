import { DomainError, DomainErrorCode } from '../errors';
import { ROLES, type Actor, type Role } from '../roles';

/**
 * Whose rows a permitted role reaches. `all`: every row. `own-department`: a department
 * officer's department (a duty routed there, its unit's line). `own-team`: an inspector's
 * inspection team. `own`: what the caller made (a saved filter). Everything but `all` is
 * decided on the row, in the service that holds it: may, assertMay and refusalFor given the row
 * (its department, team or owner), or scopeOf for a list's filter.
 */
export type AccessScope = 'all' | 'own-department' | 'own-team' | 'own';

export interface AccessRule {
  /** The roles that may, each with the rows it reaches. A role not named is refused. */
  readonly roles: Readonly<Partial<Record<Role, AccessScope>>>;
  /** What a refused caller hears (ACTION_NOT_PERMITTED, 403), in today's words. */
  readonly refusal: string | ((role: Role) => string);
  /** What a permitted caller hears about a row beyond their scope (another department's duty). */
  readonly outside?: string;
}

/** The row an action is asked about: whose department, team or owner it is. */
export interface AccessRow {
  readonly departmentId?: string | null;
  readonly teamId?: string | null;
  readonly ownerUserId?: string | null;
}

const OFFICE = { office: 'all' } as const;
const OFFICE_AND_VIEWERS = { office: 'all', viewer: 'all' } as const;
/** The office and viewers everything; a department officer their own department's. */
const DEPARTMENT_READERS = { office: 'all', viewer: 'all', department_officer: 'own-department' } as const;
const ADMIN = { admin: 'all' } as const;
const EVERYONE = { admin: 'all', office: 'all', department_officer: 'all', inspector: 'all', viewer: 'all' } as const;

const mayNot = (what: string) => (role: Role) => `A user with role ${role} may not ${what}`;
const dutyReadRefusal = mayNot('see duties');
const ANOTHER_DEPARTMENTS_DUTY = 'This duty belongs to another department';
const officeDutyAction = (action: string): AccessRule => ({ roles: OFFICE, refusal: `Only the office may ${action} a duty` });
const departmentDutyAction = (action: string): AccessRule => ({
  roles: { department_officer: 'own-department' },
  refusal: `Only an officer of the responsible department may ${action} a duty`,
  outside: ANOTHER_DEPARTMENTS_DUTY,
});

/**
 * Who may do what (docs/domain.md "Who uses it"): every action a route or a service checks,
 * in the domain's words. The API's guard refuses a role the table does not name before the
 * request is read; the services decide the rows of a scope other than `all`.
 */
export const ACCESS_POLICY = {
  // Signed in: one's own account and session.
  'own-account.read': { roles: EVERYONE, refusal: mayNot('read their account') },
  'own-account.change-password': { roles: EVERYONE, refusal: mayNot('change their password') },
  'own-session.end': { roles: EVERYONE, refusal: mayNot('sign out') },
  /** With sign-in by password switched off (single sign-on only), administrators keep theirs, to mend the configuration. */
  'own-account.keep-password-sign-in': {
    roles: ADMIN,
    refusal: 'Sign-in with a password is switched off; sign in through the unified identity platform',
  },

  // The system administrator's work.
  'user.read': { roles: ADMIN, refusal: 'Only a system administrator manages users and reads the audit log' },
  'user.manage': { roles: ADMIN, refusal: 'Only a system administrator manages users and reads the audit log' },
  'audit-log.read': { roles: ADMIN, refusal: 'Only a system administrator reads the audit log' },

  // Departments, districts and inspection teams: reference data everybody reads.
  'department.read': { roles: EVERYONE, refusal: mayNot('read departments') },
  'department.register': { roles: { office: 'all', admin: 'all' }, refusal: 'Only the office or a system administrator may manage departments' },
  'department.administer': { roles: ADMIN, refusal: 'Only a system administrator edits, deactivates, reactivates or imports departments' },
  'inspection-team.read': { roles: EVERYONE, refusal: mayNot('read inspection teams') },

  // Reference data the office keeps.
  'calendar.read': { roles: EVERYONE, refusal: mayNot('read the calendar') },
  'calendar.edit': { roles: OFFICE, refusal: 'Only the office keeps the working-day calendar' },
  'duty-matrix.read': { roles: EVERYONE, refusal: mayNot('read the duty matrix') },
  'duty-matrix.edit': { roles: OFFICE, refusal: 'Only the office edits the duty matrix' },

  // Duties.
  'duty.assign': { roles: OFFICE, refusal: 'Only the office may assign duties' },
  'duty.read': { roles: DEPARTMENT_READERS, refusal: dutyReadRefusal, outside: ANOTHER_DEPARTMENTS_DUTY },
  'duty.list': { roles: DEPARTMENT_READERS, refusal: dutyReadRefusal },
  'duty.acknowledge': departmentDutyAction('acknowledge'),
  'duty.start': departmentDutyAction('start'),
  'duty.submit': departmentDutyAction('submit'),
  'duty.report-progress': departmentDutyAction('record_progress'),
  'duty.add-evidence': {
    roles: { department_officer: 'own-department' },
    refusal: 'Only an officer of the responsible department may add evidence',
    outside: ANOTHER_DEPARTMENTS_DUTY,
  },
  'duty.comment': {
    roles: { office: 'all', department_officer: 'own-department' },
    refusal: (role) => (role === 'viewer' ? 'Viewers read the comments on a duty; they do not write them' : dutyReadRefusal(role)),
    outside: ANOTHER_DEPARTMENTS_DUTY,
  },
  'duty.accept': officeDutyAction('accept'),
  'duty.return': officeDutyAction('return'),
  'duty.cancel': officeDutyAction('cancel'),
  'duty.reassign': officeDutyAction('reassign'),
  'duty.extend': officeDutyAction('extend'),
  'duty.remind': officeDutyAction('remind'),
  'duty.bulk-act': { roles: OFFICE, refusal: 'Only the office may take bulk actions on duties' },
  /** Per-department statistics: an officer sees their own department's line. */
  'duty-statistics.read': { roles: DEPARTMENT_READERS, refusal: dutyReadRefusal },

  // Campaigns.
  'campaign.read': { roles: OFFICE_AND_VIEWERS, refusal: mayNot('read campaigns') },
  'campaign.manage': { roles: OFFICE, refusal: 'Only the office may manage campaigns and launch phases' },
  'campaign.launch': { roles: OFFICE, refusal: 'Only the office may manage campaigns and launch phases' },
  /** The campaign's totals for every department officer, and their own unit's lines. */
  'campaign-progress.read': { roles: DEPARTMENT_READERS, refusal: mayNot('read campaign progress') },

  // Reports.
  'report-plan.read': { roles: OFFICE_AND_VIEWERS, refusal: mayNot('read campaigns') },
  'report-plan.set': { roles: OFFICE, refusal: 'Only the office sets the report plan' },
  'report-round.read': { roles: OFFICE_AND_VIEWERS, refusal: mayNot('read campaigns') },
  'report.read': { roles: DEPARTMENT_READERS, refusal: mayNot('read reports') },
  'report.file': { roles: { department_officer: 'own-department' }, refusal: 'Only the liaison of the unit files this report' },

  // Assessments and circulars.
  'assessment-rules.read': { roles: OFFICE_AND_VIEWERS, refusal: "The assessment rules are the office's and the viewers'" },
  'assessment-rules.set': { roles: OFFICE, refusal: 'Only the office sets the assessment rules' },
  'assessment.run': { roles: OFFICE, refusal: 'Only the office runs the assessment' },
  'assessment.read': { roles: DEPARTMENT_READERS, refusal: mayNot('read assessments') },
  'assessment.review': { roles: OFFICE, refusal: 'Only the office reviews assessment outcomes' },
  'assessment.finalise': { roles: OFFICE, refusal: 'Only the office finalises the assessment' },
  /** The office reads drafts too; viewers and officers the published ones (their own unit's lines). */
  'circular.read': { roles: DEPARTMENT_READERS, refusal: 'Circulars are the leading group’s, its members’ and the assessors’' },
  /** A circular not yet published: in a list or opened. */
  'circular-draft.read': { roles: OFFICE, refusal: 'This circular has not been published; drafts are the office’s' },
  'circular.draft': { roles: OFFICE, refusal: 'Only the office drafts circulars' },
  'circular.revise': { roles: OFFICE, refusal: 'Only the office revises circulars' },
  'circular.publish': { roles: OFFICE, refusal: 'Only the office publishes circulars' },

  // Units and the data departments supply about them.
  'unit.read': { roles: EVERYONE, refusal: mayNot('read units') },
  /** The office names the supplying department; an officer supplies their own department's. */
  'unit-facts.record': { roles: { office: 'all', department_officer: 'own-department' }, refusal: mayNot('record facts about units') },
  'unit-import.upload': { roles: { office: 'all', department_officer: 'own-department' }, refusal: mayNot('import unit data') },
  'unit-import.read': { roles: DEPARTMENT_READERS, refusal: (role) => `A user with role ${role} does not read unit imports` },

  // Compliance.
  'compliance-run.start': { roles: OFFICE, refusal: 'Only the office runs the data comparison' },
  'compliance-run.read': { roles: OFFICE_AND_VIEWERS, refusal: 'Comparison runs are the office’s' },
  /** Lists and counts of cases: an inspector's team's, an officer's department's. */
  'compliance-case.list': {
    roles: { admin: 'all', office: 'all', viewer: 'all', department_officer: 'own-department', inspector: 'own-team' },
    refusal: mayNot('read compliance cases'),
  },
  'compliance-case.read': {
    roles: { office: 'all', viewer: 'all', department_officer: 'own-department', inspector: 'own-team' },
    refusal: mayNot('read compliance cases'),
  },
  /** An officer acts on their department's case; an inspector records a rectification on their team's. */
  'compliance-case.record-action': {
    roles: { office: 'all', department_officer: 'own-department', inspector: 'own-team' },
    refusal: mayNot('act on a compliance case'),
  },
  'compliance-case.add-evidence': {
    roles: { office: 'all', department_officer: 'own-department', inspector: 'own-team' },
    refusal: mayNot('add evidence to a compliance case'),
  },
  'exposure.read': { roles: OFFICE_AND_VIEWERS, refusal: "The exposure list is the office's and the viewers'" },
  'exposure-proposal.read': { roles: OFFICE_AND_VIEWERS, refusal: "The list of exposure proposals is the office's and the viewers'" },
  'exposure.decide': { roles: OFFICE, refusal: 'Only the office approves or rejects an exposure' },

  // Inspections.
  'inspection-case.read': {
    roles: { office: 'all', viewer: 'all', inspector: 'own-team' },
    refusal: 'Inspection cases are the inspectors’ and the office’s',
  },
  'inspection-case.log-action': { roles: { office: 'all', inspector: 'own-team' }, refusal: mayNot('log enforcement actions') },

  // Saved filters: one's own, and those shared with one's role (the office also deletes shared ones).
  'saved-filter.use': { roles: { admin: 'own', office: 'own', department_officer: 'own', inspector: 'own', viewer: 'own' }, refusal: mayNot('save filters') },
  'saved-filter.delete-shared': { roles: OFFICE, refusal: 'Only its owner or the office may delete a shared saved filter' },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_POLICY;
export const ACCESS_ACTIONS = Object.keys(ACCESS_POLICY) as AccessAction[];

export function isAccessAction(name: string): name is AccessAction {
  return Object.prototype.hasOwnProperty.call(ACCESS_POLICY, name);
}

/** The rows the actor's role reaches for the action, or null when the role may not do it at all. */
export function scopeOf(actor: Pick<Actor, 'role'>, action: AccessAction): AccessScope | null {
  const roles: Partial<Record<Role, AccessScope>> = ACCESS_POLICY[action].roles;
  return roles[actor.role] ?? null;
}

/** Whether a scope the policy gave the actor reaches the row: their department's, their team's, their own. */
export function reaches(actor: Partial<Pick<Actor, 'userId' | 'departmentId'>>, scope: AccessScope | null, row: AccessRow): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'own-department':
      return actor.departmentId != null && actor.departmentId === row.departmentId;
    case 'own-team':
      return actor.departmentId != null && actor.departmentId === row.teamId;
    case 'own':
      return actor.userId !== undefined && actor.userId === row.ownerUserId;
    default:
      return false;
  }
}

/** Whether the actor's role may do it at all; given a row, whether its scope also reaches that row. */
export function may(actor: Pick<Actor, 'role'>, action: AccessAction): boolean;
export function may(actor: Pick<Actor, 'role' | 'userId' | 'departmentId'>, action: AccessAction, row: AccessRow): boolean;
export function may(actor: Pick<Actor, 'role'> & Partial<Pick<Actor, 'userId' | 'departmentId'>>, action: AccessAction, row?: AccessRow): boolean {
  const scope = scopeOf(actor, action);
  if (row === undefined) return scope !== null;
  return reaches(actor, scope, row);
}

/** What a refused caller hears. */
export function refusalOf(role: Role, action: AccessAction): string {
  const refusal: AccessRule['refusal'] = ACCESS_POLICY[action].refusal;
  return typeof refusal === 'string' ? refusal : refusal(role);
}

/**
 * Why the actor may not do it to the row, or null when they may: the action's refusal for a
 * role it does not name, its `outside` words for a row beyond the role's scope.
 */
export function refusalFor(actor: Pick<Actor, 'role' | 'userId' | 'departmentId'>, action: AccessAction, row: AccessRow): string | null {
  const scope = scopeOf(actor, action);
  if (scope === null) return refusalOf(actor.role, action);
  if (!reaches(actor, scope, row)) return outsideOf(action);
  return null;
}

function outsideOf(action: AccessAction): string {
  const rule: AccessRule = ACCESS_POLICY[action];
  return rule.outside ?? 'This lies beyond what your role reaches';
}

/**
 * Throws ACTION_NOT_PERMITTED (403) unless the actor's role may; returns the rows it reaches.
 * Given a row, also unless the scope reaches it (refusalFor says what the caller hears).
 */
export function assertMay(actor: Pick<Actor, 'role'>, action: AccessAction, refusal?: string): AccessScope;
export function assertMay(actor: Pick<Actor, 'role' | 'userId' | 'departmentId'>, action: AccessAction, row: AccessRow): AccessScope;
export function assertMay(actor: Pick<Actor, 'role'> & Partial<Pick<Actor, 'userId' | 'departmentId'>>, action: AccessAction, refusalOrRow?: string | AccessRow): AccessScope {
  const scope = scopeOf(actor, action);
  if (scope === null) {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, typeof refusalOrRow === 'string' ? refusalOrRow : refusalOf(actor.role, action));
  }
  if (typeof refusalOrRow === 'object' && !reaches(actor, scope, refusalOrRow)) {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, outsideOf(action));
  }
  return scope;
}

/**
 * The department a list is narrowed to: for a scope of `all` the one the caller names (none:
 * every department); for `own-department` the caller's own, naming another refused with
 * `otherDepartment`. A role the action does not name is refused with the action's refusal.
 */
export function listDepartmentOf(actor: Actor, action: AccessAction, requested: string | undefined, otherDepartment: string): string | undefined {
  const scope = assertMay(actor, action);
  if (scope === 'all') return requested;
  if (scope !== 'own-department') throw new DomainError(DomainErrorCode.ActionNotPermitted, refusalOf(actor.role, action));
  if (requested !== undefined && requested !== actor.departmentId) throw new DomainError(DomainErrorCode.ActionNotPermitted, otherDepartment);
  // Every officer belongs to a department (userUnitProblems); an officer without one reads as before.
  return actor.departmentId!;
}

/** The roles that may: for the generated access test and the API's documentation. */
export function rolesAllowed(action: AccessAction): Role[] {
  return ROLES.filter((role) => scopeOf({ role }, action) !== null);
}
