import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ComplianceFixture, registerInspectionTeam } from '../support/compliance-fixtures';
import { registerDistricts, seededDepartments } from '../support/campaign-fixtures';
import { consoleInChromium, logIn, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { TEST_PASSWORD } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The console in a real browser against the real API, worker, Temporal, PostgreSQL and SMTP,
 * by clicks: the office launches a campaign's mobilisation, a department works its duty and the
 * office returns and accepts it, an inspector logs an enforcement action.
 */
// A browser on a busy 2-core machine: each click waits for a workflow and a re-render.
jest.setTimeout(300_000);

describe('console: the whole journey, in Chromium', () => {
  const ui = consoleInChromium();
  const newPage = () => ui.newPage();

  it('the office creates a campaign and launches mobilisation; the officer follows the e-mail link, acknowledges and submits with a file; the office returns it, the officer resubmits, the office accepts; the duty board shows it', async () => {
    const office = await ui.stack.userWithToken('office');
    // The seeded member departments and the matrix of docs/domain.md, which route the mobilisation duty.
    await seededDepartments(ui.stack, office.token);

    // The office creates a campaign with the form's defaults (a mobilisation phase with one duty
    // template, the default ladder) and the six things only a person can say.
    const officePage = await newPage();
    await officePage.goto(`${ui.stack.baseUrl}/console/`);
    await logIn(officePage, office.user.username, TEST_PASSWORD);
    await officePage.getByRole('navigation').getByRole('menuitem', { name: '攻坚行动' }).click();
    await officePage.getByTestId('campaign-new').click();
    const campaignName = `扩面攻坚行动${Date.now().toString(36)}`;
    await officePage.locator('#campaign_name').fill(campaignName);
    await officePage.locator('#campaign_jurisdiction_name').fill('衡阳市');
    await officePage.locator('#campaign_legalBasis_title').fill('衡阳市全民参保扩面攻坚行动实施方案');
    await officePage.locator('#campaign_legalBasis_number').fill(`衡政办发〔2026〕${Date.now() % 100000}号`);
    await officePage.locator('#campaign_leadingGroup_chair_name').fill('王某');
    await officePage.locator('#campaign_leadingGroup_chair_title').fill('副市长');
    await screenshot(officePage, 'campaign-form');
    await officePage.getByTestId('campaign-submit').click();
    await officePage.waitForURL(/\/console\/campaigns\/[0-9a-f-]{36}$/);
    const campaignId = officePage.url().split('/').at(-1)!;
    await expect(officePage.getByTestId('campaign-name').textContent()).resolves.toContain(campaignName);

    // Launching shows what will be created first.
    await officePage.getByTestId('launch-phase-mobilisation').click();
    await officePage.getByTestId('launch-preview').waitFor();
    await screenshot(officePage, 'campaign-launch-preview');
    expect(await seriousAccessibilityViolations(officePage)).toEqual([]);
    await officePage.getByTestId('launch-confirm').click();
    await officePage.getByTestId('launch-result').waitFor();
    const campaign = await ui.stack.http('GET', `/campaigns/${campaignId}`, { token: office.token });
    const mobilisation = campaign.body.phases[0];
    expect(mobilisation).toMatchObject({ kind: 'mobilisation', launchedBy: office.user.id, launchForced: false });
    const duty = await waitFor('the mobilisation duty', async () => {
      const board = await ui.stack.http('GET', `/overview/duties?campaignId=${campaignId}&phaseId=${mobilisation.id}`, { token: office.token });
      return board.body.items?.[0] as { id: string; title: string; departmentId: string } | undefined;
    });
    const dutyId = duty.id;
    await screenshot(officePage, 'campaign-page');

    // The link in the liaison's e-mail opens the duty in the console, after the log-in page.
    const department = (await ui.stack.http('GET', `/departments/${duty.departmentId}`, { token: office.token })).body;
    const officer = await ui.stack.userWithToken('department_officer', duty.departmentId);
    const link = await waitFor('the assignment e-mail', () =>
      ui.stack.smtp
        .to(department.liaisonEmail)
        .map((email) => /(http:\/\/\S+\/duties\/[0-9a-f-]+)/.exec(email.text)?.[1])
        .find((found) => found?.endsWith(dutyId)),
    );
    expect(link).toBe(`${ui.stack.baseUrl}/duties/${dutyId}`);

    const officerPage = await newPage();
    await officerPage.goto(link);
    await officerPage.waitForURL(/\/console\/login\?next=/);
    expect(await seriousAccessibilityViolations(officerPage)).toEqual([]);
    await screenshot(officerPage, 'login');
    await logIn(officerPage, officer.user.username, TEST_PASSWORD);
    await officerPage.waitForURL(`**/console/duties/${dutyId}`);
    await expect(officerPage.getByTestId('duty-title').textContent()).resolves.toBe(duty.title);
    await expect(officerPage.getByTestId('who-am-i').textContent()).resolves.toBe(officer.user.displayName);
    await expect(officerPage.getByText(department.name).first().isVisible()).resolves.toBe(true);

    await dutyAction(officerPage, '签收');
    await waitForState(officerPage, '已签收');
    await dutyAction(officerPage, '开始办理');
    await waitForState(officerPage, '办理中');

    // A file, through the upload area, with its progress; then the submission naming it.
    await officerPage.getByRole('tab', { name: /佐证材料/ }).click();
    const evidencePath = path.join(tmpdir(), `名单-${dutyId}.csv`);
    await writeFile(evidencePath, '统一社会信用代码,单位名称\n91430400MA4L000001,衡阳某建筑劳务有限公司\n');
    await officerPage.locator('input[type=file]').setInputFiles(evidencePath);
    await officerPage.getByTestId('duty-evidence').getByText(path.basename(evidencePath)).waitFor();

    // A submission without a result is refused next to the field, and nothing is sent.
    await officerPage.getByTestId('duty-actions').getByRole('button', { name: '报结' }).click();
    const dialog = officerPage.getByRole('dialog');
    await dialog.getByRole('button', { name: '报结' }).click();
    await dialog.getByText('请填写办理结果').waitFor();
    await dialog.getByLabel('办理结果').fill('已召开动员部署会，名单见附件。');
    await expect(dialog.getByText(path.basename(evidencePath)).isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: '报结' }).click();
    await waitForState(officerPage, '已报结');
    await screenshot(officerPage, 'duty-page-officer');
    expect(await seriousAccessibilityViolations(officerPage)).toEqual([]);
    const submitted = await ui.stack.http('GET', `/duties/${dutyId}`, { token: office.token });
    expect(submitted.body.history.at(-1)).toMatchObject({ action: 'submit', to: 'submitted', evidenceIds: [expect.any(String)] });

    // The office returns it with a reason.
    await officePage.goto(`${ui.stack.baseUrl}/console/duties/${dutyId}`);
    await dutyAction(officePage, '退回', async (d) => d.getByLabel('理由').fill('会议纪要缺少参会单位，请补充后重新报结。'));
    await waitForState(officePage, '已退回');

    // The officer sees it returned in the inbox, with the count, and resubmits.
    await officerPage.goto(`${ui.stack.baseUrl}/console/inbox`);
    await officerPage.getByTestId('count-returned').filter({ hasText: /1$/ }).waitFor();
    await screenshot(officerPage, 'inbox');
    expect(await seriousAccessibilityViolations(officerPage)).toEqual([]);
    await officerPage.getByRole('link', { name: duty.title }).click();
    await officerPage.getByText('会议纪要缺少参会单位，请补充后重新报结。').first().waitFor();
    await dutyAction(officerPage, '报结', async (d) => d.getByLabel('办理结果').fill('已补充参会单位，重新报送。'));
    await waitForState(officerPage, '已报结');

    // The office accepts; the timeline tells the whole story.
    await officePage.reload();
    await dutyAction(officePage, '验收通过');
    await waitForState(officePage, '已办结');
    const timeline = officePage.getByTestId('duty-timeline');
    for (const step of ['交办', '签收', '开始办理', '报结', '退回', '验收通过']) {
      await expect(timeline.getByText(step, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await screenshot(officePage, 'duty-page-office');
    const accepted = await ui.stack.http('GET', `/duties/${dutyId}`, { token: office.token });
    expect(accepted.body).toMatchObject({ state: 'accepted', returnCount: 1 });

    // The duty board for the campaign counts it accepted; the progress dashboard opens on it.
    await officePage.goto(`${ui.stack.baseUrl}/console/duty-board?campaignId=${campaignId}&phaseId=${mobilisation.id}`);
    await officePage.getByTestId('count-accepted').filter({ hasText: /1$/ }).waitFor();
    await officePage.getByTestId('count-submitted').filter({ hasText: /0$/ }).waitFor();
    await screenshot(officePage, 'duty-board');
    await officePage.goto(`${ui.stack.baseUrl}/console/progress?campaignId=${campaignId}`);
    await officePage.getByTestId('progress-dashboard').waitFor();
    await officePage.waitForLoadState('networkidle');
    await screenshot(officePage, 'progress-dashboard');
    expect(await seriousAccessibilityViolations(officePage)).toEqual([]);
  });

  it('an inspector opens a case of the team, logs an enforcement action with evidence, and finds it in the history of the unit', async () => {
    const office = await ui.stack.userWithToken('office');
    // A case the compliance chain escalated to inspection, written as its workflows leave it
    // (compliance-cases.test.ts runs that chain; this test is about the console).
    const fx = await ComplianceFixture.create(ui.stack, office);
    const [district] = await registerDistricts(ui.stack, office.token, ['珠晖区']);
    const team = await registerInspectionTeam(ui.stack, office.token, '珠晖区劳动保障监察大队', [district.id]);
    const creditCode = await fx.unit({ name: '珠晖区某建筑劳务有限公司', sectorKey: 'construction', districtId: district.id });
    await fx.case({
      creditCode,
      departmentId: fx.department('SIA').id,
      finding: 'not_registered',
      state: 'escalated',
      sectorKey: 'construction',
      districtId: district.id,
      daysAgo: 20,
      inspection: { teamId: team.id },
      steps: [{ step: 'inspection' }],
    });
    const inspector = await ui.stack.userWithToken('inspector', team.id);

    const page = await newPage();
    await page.goto(`${ui.stack.baseUrl}/console/`);
    await logIn(page, inspector.user.username, TEST_PASSWORD);
    await page.getByTestId('inspection-cases-table').waitFor();
    await page.getByTestId('inspection-cases-table').getByRole('link', { name: '珠晖区某建筑劳务有限公司' }).click();
    await page.getByTestId('inspection-case-title').waitFor();
    await screenshot(page, 'inspection-case');

    await page.getByTestId('log-action').click();
    const dialog = page.getByRole('dialog');
    // Nothing filled in: the messages stand next to the fields.
    await dialog.getByTestId('action-submit').click();
    await dialog.getByText('请选择措施类别').waitFor();
    await dialog.getByText('请填写检查情况').waitFor();
    await dialog.getByLabel('措施类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '现场检查' }).click();
    await dialog.getByLabel('实施日期').fill(beijingToday());
    await dialog.getByLabel('实施日期').press('Enter');
    await dialog.getByLabel('检查情况').fill('现场检查：在岗职工 52 人，参保 30 人，22 人未参保。');
    await dialog.getByLabel('处理结果').fill('当场送达责令改正通知书。');
    const evidencePath = path.join(tmpdir(), `现场检查笔录-${creditCode}.txt`);
    await writeFile(evidencePath, '现场检查笔录\n检查时间：今日\n在岗职工 52 人，参保 30 人。\n');
    await dialog.locator('input[type=file]').setInputFiles(evidencePath);
    await dialog.getByText(path.basename(evidencePath)).first().waitFor();
    await screenshot(page, 'enforcement-action-dialog');
    await dialog.getByTestId('action-submit').click();
    // Behind the dialog are the API and the worker: on a loaded machine the answer can take a while.
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByTestId('enforcement-actions').getByText('现场检查：在岗职工 52 人，参保 30 人，22 人未参保。').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const history = await ui.stack.http('GET', `/units/${creditCode}/enforcement-history`, { token: office.token });
    expect(JSON.stringify(history.body)).toContain('现场检查：在岗职工 52 人');

    // The unit's page tells its story, the action included.
    await page.goto(`${ui.stack.baseUrl}/console/units/${creditCode}`);
    await page.getByText('现场检查：在岗职工 52 人，参保 30 人，22 人未参保。').first().waitFor();
    await screenshot(page, 'unit-history');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('answers a browser that asks for an unknown console page with the console, in Chinese or English, and an API client with JSON', async () => {
    const page = await newPage();
    const office = await ui.stack.userWithToken('office');
    await page.goto(`${ui.stack.baseUrl}/console/no-such-page`);
    await logIn(page, office.user.username, TEST_PASSWORD);
    await page.getByText('页面不存在').waitFor();

    // English from the header's switch, kept for the next visit; Chinese again from the same switch.
    await page.getByText('English', { exact: true }).click();
    await page.getByText('No such page').waitFor();
    await page.getByRole('navigation').getByRole('menuitem', { name: 'Duty board' }).waitFor();
    await page.reload();
    await page.getByTestId('logout').waitFor();
    await expect(page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).resolves.toBe('en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByText('页面不存在').waitFor();

    const api = await ui.stack.http('GET', '/duties/00000000-0000-4000-8000-000000000000', { token: office.token });
    expect(api.status).toBe(404);
    const missingAsset = await fetch(`${ui.stack.baseUrl}/console/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
  });
});

async function dutyAction(page: Page, name: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByTestId('duty-actions').getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name, exact: true }).click();
  // Behind the dialog are the API and the worker: on a loaded machine the answer can take a while.
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
}

function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function waitForState(page: Page, state: string): Promise<void> {
  await page.locator('[data-state]').filter({ hasText: state }).first().waitFor();
}
