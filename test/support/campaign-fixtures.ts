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

/**
 * A campaign of one mobilisation phase, open 2026–2030, with no reports and no targets: the
 * shape the fan-out tests and the benchmarks launch. `legal` is the legal basis's title; its
 * number must be unique among campaigns.
 */
export function singlePhaseCampaign(options: { name: string; place: string; legal: string; legalNumber: string; districtIds: string[]; templates: unknown[] }) {
  return {
    name: options.name,
    reportPlan: { kinds: [], dueOnDayOff: 'keep' },
    jurisdiction: { name: options.place, level: 'city', districtIds: options.districtIds },
    period: { start: '2026-01-01', end: '2030-12-31' },
    legalBasis: { title: options.legal, number: options.legalNumber },
    targets: [],
    leadingGroup: { chair: { name: '某', title: '副市长' }, viceChairs: [], members: [] },
    phases: [{ kind: 'mobilisation', name: '动员部署', window: { start: '2026-01-01', end: '2030-12-31' }, templates: options.templates }],
  };
}

/** `count` templates routed to every district, one duty each, titled `${title}${i + 1}`. */
export function perDistrictTemplates(count: number, title: string, due: unknown = { workingDaysAfterLaunch: 30 }) {
  return Array.from({ length: count }, (_, i) => ({ title: `${title}${i + 1}`, description: '', route: { kind: 'district' }, scope: 'per_district', due }));
}
