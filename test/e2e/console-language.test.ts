import type { Locator, Page } from 'playwright-core';
import { SYSTEM_REASONS } from '@duban/domain';
import { ComplianceFixture, registerInspectionTeam } from '../support/compliance-fixtures';
import { registerDistricts } from '../support/campaign-fixtures';
import { consoleInChromium, logIn } from '../support/browser';
import { TEST_PASSWORD } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

// A browser on a busy 2-core machine, five roles, every page of each.
jest.setTimeout(600_000);

/** What must not reach a zh-CN page: the API's words instead of the console's. */
const RAW_TEXT: Array<{ what: string; pattern: RegExp }> = [
  { what: 'a snake_case key', pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { what: 'an upper-case code', pattern: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g },
  { what: 'an i18n key path', pattern: /\b[a-z][a-zA-Z]+(?:\.[a-zA-Z_]+)+\b/g },
  { what: 'English words', pattern: /\b[A-Za-z]+(?:[ ,;:]+[A-Za-z]+){2,}\b/g },
];

/**
 * What the text of a page may hold that is not the console's words: people's and units' names
 * and addresses as they were registered, and the language switch, which names English in English.
 */
function rawTextIn(text: string, names: string[]): string[] {
  let rest = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\bEnglish\b/g, ' ');
  for (const name of names) rest = rest.split(name).join(' ');
  return RAW_TEXT.flatMap(({ what, pattern }) => [...rest.matchAll(pattern)].map((m) => `${what}: "${m[0]}"`));
}

/** Waits until a page has its title and nothing is loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden' });
}

/** The text of the page as shown, and of each of its tabs in turn. */
async function shownText(page: Page): Promise<string> {
  const texts = [await page.locator('body').innerText()];
  const tabs = page.locator('#main [role=tab]');
  for (let i = 0; i < (await tabs.count()); i += 1) {
    await tabs.nth(i).click();
    await page.waitForLoadState('networkidle');
    texts.push(await page.locator('#main').innerText());
  }
  return texts.join('\n');
}

/**
 * The console in Chinese shows no key, code or English sentence of the API: a duty that climbed
 * the whole ladder (reminder, three escalations, their e-mails, the system as actor), a campaign
 * the system completed, compliance cases the system escalated and closed, the administration
 * pages, and the refusals of the API said in the console's words.
 */
describe('console: nothing raw on a zh-CN page', () => {
  // One working day of the ladder lasts two seconds.
  const ui = consoleInChromium({ DUBAN_WORKING_DAY_SECONDS: '2' });

  it('walks every page of every role, and the records behind them, in Chinese', async () => {
    const stack = ui.stack;
    const office = await stack.userWithToken('office');
    const fx = await ComplianceFixture.create(stack, office);

    // A campaign whose only phase has no duties: launched by the office, it closes at once and
    // the system completes the campaign ("every phase closed").
    const campaign = (await stack.http('GET', `/campaigns/${fx.campaignId}`, { token: office.token })).body;
    const launched = await stack.http('POST', `/campaigns/${fx.campaignId}/phases/${campaign.phases[0].id}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBeLessThan(300);
    await waitFor(
      'the campaign to complete',
      async () => {
        const events = (await stack.http('GET', `/campaigns/${fx.campaignId}/events`, { token: office.token })).body as Array<{ action: string }>;
        return events.some((e) => e.action === 'campaign_completed');
      },
      { timeoutMs: 60_000 },
    );

    // A duty left alone: reminded, overdue, chased to the head and reported to the leading group, each e-mailed.
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const assign = async (title: string, dueInMs: number) => {
      const created = await stack.http('POST', '/duties', {
        token: office.token,
        body: { departmentId: department.id, title, description: '核查辖区内企业参保情况', dueAt: new Date(Date.now() + dueInMs).toISOString() },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const laddered = await assign('摸底登记未参保单位', 3_000);
    await waitFor(
      'the whole ladder and its e-mails',
      async () => {
        const { entries } = (await stack.http('GET', `/duties/${laddered}/timeline`, { token: office.token })).body as { entries: Array<{ kind: string; what: string }> };
        return entries.filter((e) => e.kind === 'escalation').length === 3 && entries.filter((e) => e.what === 'email_sent').length >= 4;
      },
      { timeoutMs: 60_000 },
    );
    expect((await stack.http('POST', `/duties/${laddered}/acknowledge`, { token: officer.token, body: { note: '已安排专人核查' } })).status).toBe(200);
    expect((await stack.http('POST', `/duties/${laddered}/comments`, { token: officer.token, body: { text: '本周内报送核查结果' } })).status).toBe(201);

    // Compliance cases as the workflows leave them, the system's reasons in the stored English of
    // old rows: escalated when the notice's deadline passed; closed because the unit rectified.
    const [district] = await registerDistricts(stack, office.token, ['珠晖区']);
    const team = await registerInspectionTeam(stack, office.token, '珠晖区劳动保障监察大队', [district.id]);
    const inspector = await stack.userWithToken('inspector', team.id);
    const escalatedUnit = await fx.unit({ name: '珠晖区某建筑劳务有限公司', sectorKey: 'construction', districtId: district.id });
    const escalated = await fx.case({
      creditCode: escalatedUnit,
      departmentId: fx.department('SIA').id,
      finding: 'not_registered',
      state: 'escalated',
      sectorKey: 'construction',
      districtId: district.id,
      daysAgo: 20,
      inspection: { teamId: team.id },
      steps: [{ step: 'inspection' }],
    });
    const closedUnit = await fx.unit({ name: '珠晖区某餐饮管理有限公司', districtId: district.id });
    const closed = await fx.case({
      creditCode: closedUnit,
      departmentId: fx.department('SIA').id,
      finding: 'in_arrears',
      state: 'closed',
      outcome: 'rectified',
      districtId: district.id,
      daysAgo: 30,
      deadlineInDays: -10,
      inspection: { teamId: team.id, status: 'closed', closeReason: SYSTEM_REASONS.unit_rectified },
      steps: [{ step: 'inspection' }, { step: 'exposure', status: 'cancelled' }],
    });
    await stack.dataSource.query(`UPDATE compliance_case_transitions SET reason = $2 WHERE case_id = ANY($1) AND action = 'escalate'`, [
      [escalated.caseId, closed.caseId],
      SYSTEM_REASONS.rectification_deadline_passed,
    ]);
    await stack.dataSource.query(`UPDATE compliance_case_steps SET details = $2 WHERE case_id = $1 AND status = 'cancelled'`, [
      closed.caseId,
      JSON.stringify({ reason: SYSTEM_REASONS.unit_rectified }),
    ]);

    const viewer = await stack.userWithToken('viewer');
    const admin = await stack.userWithToken('admin');
    const people = [office, officer, inspector, viewer, admin].flatMap((p) => [p.user.username, p.user.displayName]);
    const units = [department.name, department.code];

    const found: string[] = [];
    const visit = async (page: Page, path: string) => {
      await page.goto(`${stack.baseUrl}/console${path}`);
      try {
        await settled(page);
      } catch {
        found.push(`${path}: did not load: ${(await page.locator('body').innerText()).slice(0, 300)}`);
        return '';
      }
      const text = await shownText(page);
      found.push(...rawTextIn(text, [...people, ...units]).map((raw) => `${path}: ${raw}`));
      return text;
    };
    /** The page says these words (each missing one is reported with the raw text found). */
    const says = (path: string, text: string, words: string[]) => found.push(...words.filter((w) => !text.includes(w)).map((w) => `${path}: does not say "${w}"`));
    const signIn = async (username: string) => {
      const page = await ui.newPage();
      await page.goto(`${stack.baseUrl}/console/`);
      await logIn(page, username, TEST_PASSWORD);
      await page.getByTestId('who-am-i').waitFor();
      return page;
    };
    const menuPaths = (page: Page) =>
      page
        .getByRole('navigation')
        .locator('[data-path]')
        .evaluateAll((spans) => spans.map((s) => s.getAttribute('data-path') ?? ''));

    // The office: every menu page, the duty, the campaign, both cases, the units.
    const officePage = await signIn(office.user.username);
    for (const path of await menuPaths(officePage)) await visit(officePage, path);
    says('the duty', await visit(officePage, `/duties/${laddered}`), [
      '到期提醒',
      '办理时限临近',
      '逾期通知',
      '报部门负责人',
      '报领导小组',
      '已超过办理时限',
      '已发送邮件',
      '系统',
    ]);
    says('the campaign', await visit(officePage, `/campaigns/${fx.campaignId}`), ['启动阶段', '阶段结束', '事项全部办结', '攻坚行动完成', '各阶段均已结束']);
    says('the escalated case', await visit(officePage, `/compliance-cases/${escalated.caseId}`), ['限期改正期限已过']);
    await visit(officePage, `/compliance-cases/${closed.caseId}`);
    await visit(officePage, `/units/${escalatedUnit}`);
    // The unit's history says why the exposure step was cancelled.
    says('the rectified unit', await visit(officePage, `/units/${closedUnit}`), ['单位已整改']);

    // The department's officer: the menu, the duty; then a refusal of the API, said in Chinese.
    const officerPage = await signIn(officer.user.username);
    for (const path of await menuPaths(officerPage)) await visit(officerPage, path);
    await visit(officerPage, `/duties/${laddered}`);
    const refused = await assign('报送参保扩面工作方案', 600_000);
    await visit(officerPage, `/duties/${refused}`);
    await officerPage.getByTestId('duty-actions').getByRole('button', { name: '签收' }).click();
    const dialog = officerPage.getByRole('dialog');
    const shows = async (what: string, words: Locator) => {
      try {
        await words.waitFor();
      } catch {
        found.push(`${what}: not said; the dialog says: ${(await dialog.innerText()).replace(/核{20,}/, '…')}`);
      }
    };
    // Too long a note: class-validator's English comes back as the console's words beside the field.
    await dialog.getByLabel('说明（选填）').fill('核'.repeat(2001));
    await dialog.getByRole('button', { name: '签收' }).click();
    await shows('the too-long note', dialog.locator('.ant-form-item-explain-error').getByText('不能超过 2000 个字符'));
    // Acknowledged meanwhile elsewhere: the API's 409 is worded by its code.
    expect((await stack.http('POST', `/duties/${refused}/acknowledge`, { token: officer.token, body: {} })).status).toBe(200);
    await dialog.getByLabel('说明（选填）').fill('');
    await dialog.getByRole('button', { name: '签收' }).click();
    await shows('the refused acknowledgement', dialog.getByRole('alert').getByText('督办事项当前状态不允许此操作，请刷新后查看最新状态'));
    found.push(...rawTextIn(await dialog.innerText(), people).map((raw) => `the refused acknowledgement: ${raw}`));

    // The inspector, the viewer and the administrator: every page of their menus and the records they open.
    const inspectorPage = await signIn(inspector.user.username);
    for (const path of await menuPaths(inspectorPage)) await visit(inspectorPage, path);
    await visit(inspectorPage, `/inspection-cases/${escalated.inspectionCaseId}`);
    says('the closed inspection case', await visit(inspectorPage, `/inspection-cases/${closed.inspectionCaseId}`), ['单位已整改']);
    const viewerPage = await signIn(viewer.user.username);
    for (const path of await menuPaths(viewerPage)) await visit(viewerPage, path);
    await visit(viewerPage, `/campaigns/${fx.campaignId}`);
    const adminPage = await signIn(admin.user.username);
    for (const path of await menuPaths(adminPage)) await visit(adminPage, path);

    // Each leak once, however many entries or tabs showed it.
    expect([...new Set(found)]).toEqual([]);
  });
});
