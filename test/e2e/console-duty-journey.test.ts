import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes';
import { buildConsole, launchChromium, logIn, screenshot, seriousAccessibilityViolations, watchForPageErrors } from '../support/browser';
import { TEST_PASSWORD, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The console in a real browser against the real API, worker, Temporal, PostgreSQL and SMTP:
 * a duty goes from the office to a department and back, by clicks.
 */
// A browser on a busy 2-core machine: each click waits for a workflow and a re-render.
jest.setTimeout(300_000);

describe('console: a duty from e-mail link to acceptance, in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webDir = await buildConsole();
    stack = await TestStack.start({ DUBAN_WEB_DIR: webDir }, { port: await freePort() });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors.push(...watchForPageErrors(page));
    return page;
  }

  it('the officer follows the e-mail link, logs in, acknowledges and submits with a file; the office returns it, the officer resubmits, the office accepts', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const assigned = await stack.http('POST', '/duties', {
      token: office.token,
      body: {
        departmentId: department.id,
        title: '报送新登记市场主体名单',
        description: '每月报送新登记市场主体名单，供扩面比对。',
        dueAt: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString(),
      },
    });
    expect(assigned.status).toBe(201);
    const dutyId: string = assigned.body.id;

    // The link in the liaison's e-mail opens the duty in the console, after the log-in page.
    const email = await waitFor('the assignment e-mail', () => stack.smtp.to(department.liaisonEmail)[0]);
    const link = /(http:\/\/\S+\/duties\/[0-9a-f-]+)/.exec(email.text)?.[1];
    expect(link).toBe(`${stack.baseUrl}/duties/${dutyId}`);

    const officerPage = await newPage();
    await officerPage.goto(link!);
    await officerPage.waitForURL(/\/console\/login\?next=/);
    expect(await seriousAccessibilityViolations(officerPage)).toEqual([]);
    await screenshot(officerPage, 'login');
    await logIn(officerPage, officer.user.username, TEST_PASSWORD);
    await officerPage.waitForURL(`**/console/duties/${dutyId}`);
    await expect(officerPage.getByTestId('duty-title').textContent()).resolves.toBe('报送新登记市场主体名单');
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
    await dialog.getByLabel('办理结果').fill('已报送 1 家新登记市场主体，名单见附件。');
    await expect(dialog.getByText(path.basename(evidencePath)).isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: '报结' }).click();
    await waitForState(officerPage, '已报结');
    await screenshot(officerPage, 'duty-page-officer');
    expect(await seriousAccessibilityViolations(officerPage)).toEqual([]);
    const submitted = await stack.http('GET', `/duties/${dutyId}`, { token: office.token });
    expect(submitted.body.history.at(-1)).toMatchObject({ action: 'submit', to: 'submitted', evidenceIds: [expect.any(String)] });

    // The office returns it with a reason.
    const officePage = await newPage();
    await officePage.goto(`${stack.baseUrl}/console/duties/${dutyId}`);
    await logIn(officePage, office.user.username, TEST_PASSWORD);
    await officePage.waitForURL(`**/console/duties/${dutyId}`);
    await dutyAction(officePage, '退回', async (d) => d.getByLabel('理由').fill('名单缺少法定代表人，请补充后重新报结。'));
    await waitForState(officePage, '已退回');

    // The officer sees it returned in the inbox, with the count, and resubmits.
    await officerPage.goto(`${stack.baseUrl}/console/inbox`);
    await officerPage.getByTestId('count-returned').filter({ hasText: /1$/ }).waitFor();
    await screenshot(officerPage, 'inbox');
    expect(await seriousAccessibilityViolations(officerPage)).toEqual([]);
    await officerPage.getByRole('link', { name: '报送新登记市场主体名单' }).click();
    await officerPage.getByText('名单缺少法定代表人，请补充后重新报结。').first().waitFor();
    await dutyAction(officerPage, '报结', async (d) => d.getByLabel('办理结果').fill('已补充法定代表人，重新报送。'));
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
    const accepted = await stack.http('GET', `/duties/${dutyId}`, { token: office.token });
    expect(accepted.body).toMatchObject({ state: 'accepted', returnCount: 1 });
  });

  it('answers a browser that asks for an unknown console page with the console, and an API client with JSON', async () => {
    const page = await newPage();
    const office = await stack.userWithToken('office');
    await page.goto(`${stack.baseUrl}/console/no-such-page`);
    await logIn(page, office.user.username, TEST_PASSWORD);
    await page.getByText('页面不存在').waitFor();
    const api = await stack.http('GET', '/duties/00000000-0000-4000-8000-000000000000', { token: office.token });
    expect(api.status).toBe(404);
    const missingAsset = await fetch(`${stack.baseUrl}/console/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
  });
});

async function dutyAction(page: Page, name: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByTestId('duty-actions').getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function waitForState(page: Page, state: string): Promise<void> {
  await page.locator('[data-state]').filter({ hasText: state }).first().waitFor();
}
