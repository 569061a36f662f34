/**
 * The kinds of user (docs/sign-in.md, "Accounts"). 'admin' (系统管理员) manages the people,
 * departments and inspection teams and reads the audit log; it runs no campaign.
 */
export const ROLES = ['admin', 'office', 'department_officer', 'inspector', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting. Carried into workflows and onto every recorded transition. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** A department officer's department, an inspector's inspection team; null for the office and viewers. */
  departmentId: string | null;
}

/** Background steps (reminders, escalations) are recorded as done by the system. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  role: 'office',
  departmentId: null,
};
