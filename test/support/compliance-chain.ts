import { randomUUID } from 'node:crypto';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, pinCampaignRoutes, registerDistricts, seededDepartments, type Unit } from './campaign-fixtures';
import type { TestStack } from './test-stack';
import { waitFor } from './wait-for';

type Login = Awaited<ReturnType<TestStack['userWithToken']>>;

/**
 * The compliance chain through the real services, for tests that walk cases from the comparison
 * to escalation (the stack should run with DUBAN_WORKING_DAY_SECONDS=1): a running campaign
 * whose matrix names the seeded departments, a district of its own, and helpers that talk to the
 * API as compliance-cases.test.ts does.
 */
export class ComplianceChain {
  private constructor(
    readonly stack: TestStack,
    readonly office: Login,
    readonly units: Map<string, Unit>,
    readonly district: Unit,
    readonly campaignId: string,
  ) {}

  static async start(stack: TestStack, office: Login, districtName = '雁峰区'): Promise<ComplianceChain> {
    const units = await seededDepartments(stack, office.token);
    const [district] = await registerDistricts(stack, office.token, [districtName]);
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `扩面专项${randomUUID().slice(0, 6)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [district.id] },
        period: { start: '2026-01-01', end: '2027-12-31' },
        legalBasis: { title: '全民参保专项行动实施方案', number: `衡政办发〔2026〕${Math.floor(Math.random() * 100_000)}号` },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
        phases: [
          {
            kind: 'mobilisation',
            name: '动员部署',
            window: { start: '2026-01-01', end: '2027-12-31' },
            templates: [{ title: '制定方案', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 200 } }],
          },
        ],
      },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    const campaignId = created.body.id as string;
    await pinCampaignRoutes(stack, office.token, campaignId, [
      ['sector', 'restaurants', units.get('HEALTH')!],
      ['function', 'registration', units.get('SIA')!],
      ['function', 'arrears_clearance', units.get('TAX')!],
      ['function', 'exposure', units.get('MEDIA')!],
      ['function', 'bidding_ban', units.get('CONS')!],
    ]);
    const launched = await stack.http('POST', `/campaigns/${campaignId}/phases/${created.body.phases[0].id}/launch`, { token: office.token, body: {} });
    if (launched.status !== 200) throw new Error(JSON.stringify(launched.body));
    return new ComplianceChain(stack, office, units, district, campaignId);
  }

  unit(code: string): Unit {
    return this.units.get(code)!;
  }

  /** A unit on the market-regulation register only: the comparison finds it not registered. */
  async unregisteredUnit(creditCode: string, facts: { name: string; contactEmail?: string; sectorKey?: string; districtId?: string }): Promise<void> {
    const result = await this.stack.http('POST', '/units', {
      token: this.office.token,
      body: {
        creditCode,
        employees: 6,
        registeredWith: ['market_regulation'],
        ...facts,
        source: { departmentId: this.unit('SAMR').id, file: 'SAMR-2026-10.xlsx', date: '2026-10-31' },
      },
    });
    if (result.status !== 201 && result.status !== 200) throw new Error(JSON.stringify(result.body));
  }

  /** Runs the comparison and waits for it and for each named unit's case workflow; the cases' ids by credit code. */
  async compare(creditCodes: string[]): Promise<Map<string, string>> {
    const started = await this.stack.http('POST', '/compliance-runs', { token: this.office.token, body: { campaignId: this.campaignId } });
    if (started.status !== 202) throw new Error(JSON.stringify(started.body));
    await waitFor('the comparison', async () => (await this.stack.http('GET', `/compliance-runs/${started.body.id}`, { token: this.office.token })).body.status === 'completed');
    const cases = new Map<string, string>();
    for (const creditCode of creditCodes) {
      const listed = await this.stack.http('GET', `/compliance-cases?creditCode=${creditCode}`, { token: this.office.token });
      const id = listed.body.items[0].id as string;
      await waitFor('the case workflow', async () => (await this.detail(id)).workflow?.state === 'identified');
      cases.set(creditCode, id);
    }
    return cases;
  }

  async detail(caseId: string) {
    return (await this.stack.http('GET', `/compliance-cases/${caseId}`, { token: this.office.token })).body;
  }

  act(token: string, caseId: string, body: Record<string, unknown>) {
    return this.stack.http('POST', `/compliance-cases/${caseId}/actions`, { token, body });
  }

  /** Issues the rectification order with a deadline `seconds` from now. */
  async notify(caseId: string, seconds: number) {
    const answer = await this.act(this.office.token, caseId, { action: 'issue_notice', deadline: new Date(Date.now() + seconds * 1000).toISOString() });
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
    return answer.body as { noticeNumber: string };
  }

  async evidence(token: string, caseId: string, text: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([`%PDF-1.4\n${text}\n%%EOF\n`], { type: 'application/pdf' }), '参保登记回执.pdf');
    const response = await fetch(`${this.stack.baseUrl}/compliance-cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (response.status !== 201) throw new Error(`evidence: ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  }

  /** Records the unit's registration (with a receipt of the case) as the office. */
  async rectify(caseId: string, reason: string) {
    const receipt = await this.evidence(this.office.token, caseId, reason);
    return this.act(this.office.token, caseId, { action: 'record_rectification', reason, rectification: { kind: 'registration', evidenceIds: [receipt] } });
  }
}
