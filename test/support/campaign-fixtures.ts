import { seedDevelopmentData } from '@duban/persistence';
import type { TestStack } from './test-stack';

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'district';
  liaisonEmail: string;
  headEmail: string;
}

/** The seeded member departments (the matrix of docs/domain.md) by code, after making sure they exist. */
export async function seededDepartments(stack: TestStack, officeToken: string): Promise<Map<string, Unit>> {
  await seedDevelopmentData(stack.dataSource, 'seed-password');
  const listed = await stack.http('GET', '/departments', { token: officeToken });
  return new Map((listed.body as Unit[]).map((d) => [d.code, d]));
}

/** Registers districts with codes unique to this test. */
export async function registerDistricts(stack: TestStack, officeToken: string, names: string[]): Promise<Unit[]> {
  const districts: Unit[] = [];
  for (const name of names) {
    const code = `X${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const created = await stack.http('POST', '/departments', {
      token: officeToken,
      body: { code, name, kind: 'district', liaisonEmail: `${code.toLowerCase()}-liaison@duban.test`, headEmail: `${code.toLowerCase()}-head@duban.test` },
    });
    if (created.status !== 201) throw new Error(`district failed: ${JSON.stringify(created.body)}`);
    districts.push(created.body);
  }
  return districts;
}

/**
 * Another test file edits the shared matrix; a campaign works on its own copy, which this
 * sets to the seeded departments for the keys a test relies on (a no-op when already so).
 */
export async function pinCampaignRoutes(
  stack: TestStack,
  officeToken: string,
  campaignId: string,
  routes: Array<[kind: 'sector' | 'function', key: string, department: { id: string }]>,
): Promise<void> {
  for (const [kind, key, department] of routes) {
    const set = await stack.http('PUT', `/campaigns/${campaignId}/duty-matrix/${kind}/${key}`, {
      token: officeToken,
      body: { departmentId: department.id, reason: 'as in the Hengyang programme' },
    });
    if (set.status !== 200) throw new Error(`route failed: ${JSON.stringify(set.body)}`);
  }
}

/**
 * A report plan that asks for nothing. The default plan opens the current rounds at once, with a
 * report duty for every district and member department; tests about other things use this so
 * inboxes and mailboxes hold only what the test made.
 */
export const NO_REPORT_PLAN = { kinds: [], dueOnDayOff: 'keep' } as const;

export const LEADING_GROUP_CHAIR = { name: '王某', title: '副市长' };
