import { DomainError, DomainErrorCode } from '../errors';
import { SYSTEM_ACTOR, type Actor, type Role } from '../roles';
import { assertMay } from './access-policy';

const assertMayManageCampaigns = (actor: Actor) => assertMay(actor, 'campaign.manage');
const assertMayReadCampaigns = (actor: Actor) => assertMay(actor, 'campaign.read');

const actor = (role: Role, departmentId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, departmentId });

function refusal(fn: () => void): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe("campaign access (the policy's campaign.manage and campaign.read)", () => {
  it('lets the office manage and read campaigns', () => {
    expect(refusal(() => assertMayManageCampaigns(actor('office')))).toBeNull();
    expect(refusal(() => assertMayReadCampaigns(actor('office')))).toBeNull();
  });

  it('lets a viewer read campaigns but not manage them', () => {
    expect(refusal(() => assertMayReadCampaigns(actor('viewer')))).toBeNull();
    expect(refusal(() => assertMayManageCampaigns(actor('viewer')))).toBe(DomainErrorCode.ActionNotPermitted);
  });

  it('lets a department officer and an inspector do neither', () => {
    for (const other of [actor('department_officer', 'dept-tax'), actor('inspector')]) {
      expect(refusal(() => assertMayManageCampaigns(other))).toBe(DomainErrorCode.ActionNotPermitted);
      expect(refusal(() => assertMayReadCampaigns(other))).toBe(DomainErrorCode.ActionNotPermitted);
    }
  });

  it('says which role was refused reading', () => {
    expect(() => assertMayReadCampaigns(actor('inspector'))).toThrow('A user with role inspector may not read campaigns');
  });

  it('treats the system, which acts as the office, as the office', () => {
    expect(refusal(() => assertMayManageCampaigns(SYSTEM_ACTOR))).toBeNull();
  });
});
