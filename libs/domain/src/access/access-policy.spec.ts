import { DomainError, DomainErrorCode } from '../errors';
import { ROLES, SYSTEM_ACTOR, type Actor, type Role } from '../roles';
import { dutyActionRefusal } from '../duties/duty-permissions';
import { ACCESS_ACTIONS, ACCESS_POLICY, assertMay, isAccessAction, listDepartmentOf, may, reaches, refusalFor, refusalOf, rolesAllowed, scopeOf } from './access-policy';

const actor = (role: Role, departmentId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, departmentId });

function thrown(fn: () => unknown): DomainError | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('access policy', () => {
  it('names actions in the domain’s words, as feature.capability', () => {
    for (const action of ACCESS_ACTIONS) expect(action).toMatch(/^[a-z-]+\.[a-z-]+$/);
    expect(isAccessAction('campaign.launch')).toBe(true);
    expect(isAccessAction('campaign.delete')).toBe(false);
    expect(isAccessAction('toString')).toBe(false);
  });

  it('names only real roles and real scopes', () => {
    for (const action of ACCESS_ACTIONS) {
      const roles = Object.keys(ACCESS_POLICY[action].roles);
      expect(roles.filter((role) => !(ROLES as readonly string[]).includes(role))).toEqual([]);
      expect(roles.length).toBeGreaterThan(0);
      for (const scope of Object.values(ACCESS_POLICY[action].roles)) expect(['all', 'own-department', 'own-team', 'own']).toContain(scope);
    }
  });

  it('lets only the office launch a phase, and says so to anyone else', () => {
    expect(may(actor('office'), 'campaign.launch')).toBe(true);
    expect(assertMay(actor('office'), 'campaign.launch')).toBe('all');
    for (const role of ['admin', 'viewer', 'inspector', 'department_officer'] as const) {
      expect(may(actor(role), 'campaign.launch')).toBe(false);
      const error = thrown(() => assertMay(actor(role), 'campaign.launch'));
      expect(error?.code).toBe(DomainErrorCode.ActionNotPermitted);
      expect(error?.message).toBe('Only the office may manage campaigns and launch phases');
    }
  });

  it('keeps the campaigns’ and the duty matrix’s words, which their services now take from the table', () => {
    expect(rolesAllowed('campaign.manage')).toEqual(['office']);
    expect(rolesAllowed('campaign.read')).toEqual(['office', 'viewer']);
    expect(rolesAllowed('duty-matrix.edit')).toEqual(['office']);
    expect(thrown(() => assertMay(actor('viewer'), 'campaign.manage'))?.message).toBe('Only the office may manage campaigns and launch phases');
    expect(thrown(() => assertMay(actor('department_officer', 'd1'), 'campaign.read'))?.message).toBe('A user with role department_officer may not read campaigns');
    for (const role of ['admin', 'viewer', 'inspector', 'department_officer'] as const) {
      const error = thrown(() => assertMay(actor(role), 'duty-matrix.edit'));
      expect(error?.code).toBe(DomainErrorCode.ActionNotPermitted);
      expect(error?.message).toBe('Only the office edits the duty matrix');
    }
  });

  it('words a refusal for the refused role where today’s message names it', () => {
    expect(thrown(() => assertMay(actor('inspector'), 'duty.read'))?.message).toBe('A user with role inspector may not see duties');
    expect(refusalOf('viewer', 'duty.comment')).toBe('Viewers read the comments on a duty; they do not write them');
    expect(thrown(() => assertMay(actor('viewer'), 'duty.assign', 'Only the office may do this'))?.message).toBe('Only the office may do this');
  });

  it('gives the scope of a list or read: all, own department, own team', () => {
    expect(scopeOf(actor('office'), 'duty.read')).toBe('all');
    expect(scopeOf(actor('viewer'), 'duty.read')).toBe('all');
    expect(scopeOf(actor('department_officer', 'd1'), 'duty.read')).toBe('own-department');
    expect(scopeOf(actor('inspector', 't1'), 'duty.read')).toBeNull();
    expect(scopeOf(actor('inspector', 't1'), 'compliance-case.list')).toBe('own-team');
    expect(scopeOf(actor('inspector', 't1'), 'inspection-case.read')).toBe('own-team');
    expect(scopeOf(actor('admin'), 'saved-filter.use')).toBe('own');
  });

  it('keeps the system administrator to people, departments and the audit log', () => {
    const adminMay = ACCESS_ACTIONS.filter((action) => may(actor('admin'), action));
    expect(
      adminMay.filter(
        (action) => !/^(own-|user\.|audit-log\.|department\.|inspection-team\.|calendar\.read|duty-matrix\.read|unit\.read|compliance-case\.list|saved-filter\.)/.test(action),
      ),
    ).toEqual([]);
    expect(rolesAllowed('user.manage')).toEqual(['admin']);
    expect(rolesAllowed('department.register')).toEqual(['admin', 'office']);
  });

  it('lets the system actor (background steps, recorded as the office) do the office’s work', () => {
    expect(may(SYSTEM_ACTOR, 'duty.remind')).toBe(true);
    expect(may(SYSTEM_ACTOR, 'duty.acknowledge')).toBe(false);
  });

  it('decides duty transitions through the table, the department checked on the row', () => {
    expect(dutyActionRefusal(actor('office'), 'd1', 'accept')).toBeNull();
    expect(dutyActionRefusal(actor('viewer'), 'd1', 'accept')).toBe('Only the office may accept a duty');
    expect(dutyActionRefusal(actor('department_officer', 'd1'), 'd1', 'acknowledge')).toBeNull();
    expect(dutyActionRefusal(actor('department_officer', 'd2'), 'd1', 'acknowledge')).toBe('This duty belongs to another department');
    expect(dutyActionRefusal(actor('office'), 'd1', 'record_progress')).toBe('Only an officer of the responsible department may record_progress a duty');
  });

  it('decides a row by the scope: all, the own department, the own team, one’s own', () => {
    expect(reaches(actor('office'), 'all', {})).toBe(true);
    expect(reaches(actor('department_officer', 'd1'), 'own-department', { departmentId: 'd1' })).toBe(true);
    expect(reaches(actor('department_officer', 'd1'), 'own-department', { departmentId: 'd2' })).toBe(false);
    expect(reaches(actor('department_officer'), 'own-department', { departmentId: null })).toBe(false);
    expect(reaches(actor('inspector', 't1'), 'own-team', { teamId: 't1' })).toBe(true);
    expect(reaches(actor('inspector', 't1'), 'own-team', { departmentId: 't1', teamId: 't2' })).toBe(false);
    expect(reaches(actor('inspector'), 'own-team', { teamId: null })).toBe(false);
    expect(reaches(actor('viewer'), 'own', { ownerUserId: 'u' })).toBe(true);
    expect(reaches(actor('viewer'), 'own', { ownerUserId: 'someone-else' })).toBe(false);
    expect(reaches(actor('viewer'), null, {})).toBe(false);
  });

  it('asks about a row with may, refusalFor and assertMay: the role first, then the row', () => {
    expect(may(actor('department_officer', 'd1'), 'duty.read', { departmentId: 'd1' })).toBe(true);
    expect(may(actor('department_officer', 'd1'), 'duty.read', { departmentId: 'd2' })).toBe(false);
    expect(may(actor('department_officer', 'd1'), 'duty.read')).toBe(true);
    expect(may(actor('inspector', 'd1'), 'duty.read', { departmentId: 'd1' })).toBe(false);
    expect(refusalFor(actor('department_officer', 'd1'), 'duty.read', { departmentId: 'd1' })).toBeNull();
    expect(refusalFor(actor('department_officer', 'd1'), 'duty.read', { departmentId: 'd2' })).toBe('This duty belongs to another department');
    expect(refusalFor(actor('inspector', 'd1'), 'duty.read', { departmentId: 'd1' })).toBe('A user with role inspector may not see duties');
    expect(refusalFor(actor('viewer'), 'duty.comment', { departmentId: 'd1' })).toBe('Viewers read the comments on a duty; they do not write them');
    expect(refusalFor(actor('department_officer', 'd1'), 'duty.add-evidence', { departmentId: 'd2' })).toBe('This duty belongs to another department');
    expect(refusalFor(actor('office'), 'duty.add-evidence', { departmentId: 'd1' })).toBe('Only an officer of the responsible department may add evidence');
    expect(assertMay(actor('department_officer', 'd1'), 'duty.acknowledge', { departmentId: 'd1' })).toBe('own-department');
    const outside = thrown(() => assertMay(actor('department_officer', 'd2'), 'duty.acknowledge', { departmentId: 'd1' }));
    expect([outside?.code, outside?.message]).toEqual([DomainErrorCode.ActionNotPermitted, 'This duty belongs to another department']);
    expect(thrown(() => assertMay(actor('office'), 'duty.acknowledge', { departmentId: 'd1' }))?.message).toBe(
      'Only an officer of the responsible department may acknowledge a duty',
    );
    expect(thrown(() => assertMay(actor('viewer'), 'report.file', { departmentId: 'd1' }))?.message).toBe('Only the liaison of the unit files this report');
  });

  it('narrows a list to the caller’s department where the scope is their department’s', () => {
    expect(listDepartmentOf(actor('office'), 'duty.list', undefined, 'other')).toBeUndefined();
    expect(listDepartmentOf(actor('viewer'), 'duty.list', 'd2', 'other')).toBe('d2');
    expect(listDepartmentOf(actor('department_officer', 'd1'), 'duty.list', undefined, 'other')).toBe('d1');
    expect(listDepartmentOf(actor('department_officer', 'd1'), 'duty.list', 'd1', 'other')).toBe('d1');
    expect(thrown(() => listDepartmentOf(actor('department_officer', 'd1'), 'duty.list', 'd2', 'Not yours'))?.message).toBe('Not yours');
    expect(thrown(() => listDepartmentOf(actor('inspector', 't1'), 'duty.list', undefined, 'other'))?.message).toBe('A user with role inspector may not see duties');
    expect(thrown(() => listDepartmentOf(actor('inspector', 't1'), 'compliance-case.list', undefined, 'other'))?.code).toBe(DomainErrorCode.ActionNotPermitted);
  });

  it('keeps circular drafts, shared filters’ deletion and the password sign-in under single sign-on to their roles', () => {
    expect(rolesAllowed('circular-draft.read')).toEqual(['office']);
    expect(refusalOf('viewer', 'circular-draft.read')).toBe('This circular has not been published; drafts are the office’s');
    expect(rolesAllowed('saved-filter.delete-shared')).toEqual(['office']);
    expect(refusalOf('viewer', 'saved-filter.delete-shared')).toBe('Only its owner or the office may delete a shared saved filter');
    expect(scopeOf(actor('viewer'), 'saved-filter.use')).toBe('own');
    expect(may(actor('viewer'), 'saved-filter.use', { ownerUserId: 'u' })).toBe(true);
    expect(may(actor('office'), 'saved-filter.use', { ownerUserId: 'another' })).toBe(false);
    expect(rolesAllowed('own-account.keep-password-sign-in')).toEqual(['admin']);
    expect(refusalOf('office', 'own-account.keep-password-sign-in')).toBe('Sign-in with a password is switched off; sign in through the unified identity platform');
  });

  it('names, for a rule that reaches only some rows, what a caller beyond them hears, where a service asks about a row', () => {
    for (const action of ['duty.read', 'duty.comment', 'duty.add-evidence', 'duty.acknowledge', 'duty.start', 'duty.submit', 'duty.report-progress'] as const) {
      expect([action, (ACCESS_POLICY[action] as { outside?: string }).outside]).toEqual([action, 'This duty belongs to another department']);
    }
  });
});
