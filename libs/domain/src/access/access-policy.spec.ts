import { DomainError, DomainErrorCode } from '../errors';
import { ROLES, SYSTEM_ACTOR, type Actor, type Role } from '../roles';
import { dutyActionRefusal } from '../duties/duty-permissions';
import { ACCESS_ACTIONS, ACCESS_POLICY, assertMay, isAccessAction, may, refusalOf, rolesAllowed, scopeOf } from './access-policy';

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
});
