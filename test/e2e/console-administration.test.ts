import type { Page } from 'playwright-core';
import { consoleInChromium, logIn, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { TEST_PASSWORD } from '../support/test-stack';

/**
 * The system administrator's console in Chromium against the real stack: a department's liaison
 * is created in the Users page, signs in with the one-time password, must choose a password of
 * their own, and then sees their department's duties; the audit log shows each step; other
 * roles neither see the administration menu nor get its pages.
 */
jest.setTimeout(300_000);

describe('console: administration, in Chromium', () => {
  const ui = consoleInChromium();
  const newPage = () => ui.newPage();

  /** Picks an option of an antd Select (the list opens in a popup outside the dialog). */
  async function choose(page: Page, select: ReturnType<Page['getByTestId']>, option: string) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  const menuLabels = async (page: Page) => page.getByRole('navigation').getByRole('menuitem').allInnerTexts();

  it('the administrator creates a liaison; the liaison signs in with the one-time password, must change it, then sees the department’s duties; the audit log shows it all', async () => {
    const office = await ui.stack.userWithToken('office');
    const department = await ui.stack.department(office.token);
    const dutyTitle = `核对本部门参保名单${Date.now().toString(36)}`;
    const dueAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const duty = await ui.stack.http('POST', '/duties', { token: office.token, body: { departmentId: department.id, title: dutyTitle, description: '按名单逐户核对。', dueAt } });
    expect(duty.status).toBe(201);
    const admin = await ui.stack.userWithToken('admin');

    // The administrator starts on the Users page, with the administration menu.
    const adminPage = await newPage();
    await adminPage.goto(`${ui.stack.baseUrl}/console/`);
    await logIn(adminPage, admin.user.username, TEST_PASSWORD);
    await adminPage.waitForURL('**/console/users');
    await adminPage.getByTestId('users-table').waitFor();
    expect(await menuLabels(adminPage)).toEqual(['用户管理', '单位管理', '审计日志']);
    expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);

    // A new department officer; a taken username is refused next to the field, nothing created.
    const username = `liaison-${Date.now().toString(36)}`;
    await adminPage.getByTestId('user-create').click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(admin.user.username);
    await dialog.getByLabel('姓名').fill('王芳');
    await choose(adminPage, dialog.getByTestId('user-role'), '部门联络员');
    await choose(adminPage, dialog.getByTestId('user-unit'), department.name);
    await dialog.getByLabel('邮箱', { exact: true }).fill(`${username}@duban.test`);
    await dialog.getByLabel('电话', { exact: true }).fill('0734-8123456');
    await dialog.getByTestId('user-create-confirm').click();
    const usernameField = dialog.locator('.ant-form-item').filter({ has: adminPage.getByLabel('用户名') });
    await usernameField.locator('.ant-form-item-explain-error').waitFor();
    expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);
    await dialog.getByLabel('用户名').fill(username);
    // Typing again clears the API's message (as every form does).
    await usernameField.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    expect((await ui.stack.http('GET', `/users?q=${encodeURIComponent('王芳')}`, { token: admin.token })).body.total).toBe(0);
    await dialog.getByTestId('user-create-confirm').click();
    const oneTimePassword = (await dialog.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await screenshot(adminPage, 'user-created');
    await dialog.getByTestId('user-created-close').click();
    await adminPage.getByTestId('users-search').locator('input').fill(username);
    await adminPage.getByTestId('users-search').locator('input').press('Enter');
    await adminPage.getByTestId('users-table').getByRole('cell', { name: username, exact: true }).waitFor();
    await expect(adminPage.getByTestId('users-table').getByText('待修改一次性密码').isVisible()).resolves.toBe(true);
    const listed = await ui.stack.http('GET', `/users?q=${username}`, { token: admin.token });
    expect(listed.body).toMatchObject({ total: 1, items: [{ username, role: 'department_officer', departmentId: department.id, mustChangePassword: true, active: true }] });

    // The liaison signs in with it: only the change of password is offered until it is done.
    const liaisonPage = await newPage();
    await liaisonPage.goto(`${ui.stack.baseUrl}/console/`);
    await logIn(liaisonPage, username, oneTimePassword);
    const forced = liaisonPage.getByTestId('forced-password-change');
    await forced.waitFor();
    await expect(liaisonPage.getByRole('navigation').count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(liaisonPage)).toEqual([]);
    await screenshot(liaisonPage, 'forced-password-change');
    // Another page asked for shows the same.
    await liaisonPage.goto(`${ui.stack.baseUrl}/console/inbox`);
    await forced.waitFor();
    // A password the policy refuses: its reason stands under the field, in the console's words.
    await forced.getByLabel('一次性密码').fill(oneTimePassword);
    await forced.getByLabel('新密码', { exact: true }).fill('abcabcabcabc');
    await forced.getByLabel('再次输入新密码').fill('abcabcabcabc');
    await forced.getByTestId('password-submit').click();
    const newPasswordField = forced.locator('.ant-form-item').filter({ has: liaisonPage.getByLabel('新密码', { exact: true }) });
    await newPasswordField.getByText('密码过于常见，请换一个').waitFor();
    const ownPassword = '衡阳扩面-联络员2026!';
    await forced.getByLabel('新密码', { exact: true }).fill(ownPassword);
    await forced.getByLabel('再次输入新密码').fill(ownPassword);
    await forced.getByTestId('password-submit').click();

    // Then the inbox: the department's duty.
    await liaisonPage.getByRole('link', { name: dutyTitle }).waitFor();
    await expect(liaisonPage.getByTestId('my-unit').textContent()).resolves.toBe(department.name);
    await screenshot(liaisonPage, 'liaison-inbox');
    const signIn = await ui.stack.http('POST', '/auth/login', { body: { username, password: ownPassword } });
    expect(signIn.body).toMatchObject({ mustChangePassword: false, user: { username } });
    const withOneTime = await ui.stack.http('POST', '/auth/login', { body: { username, password: oneTimePassword } });
    expect(withOneTime.status).toBe(401);

    // No administration for the liaison: not in the menu, refused on its pages and by the API.
    const labels = await menuLabels(liaisonPage);
    expect(labels).toContain('我的督办');
    for (const hidden of ['用户管理', '单位管理', '审计日志']) expect(labels).not.toContain(hidden);
    for (const path of ['/users', '/departments', '/audit-log']) {
      await liaisonPage.goto(`${ui.stack.baseUrl}/console${path}`);
      await liaisonPage.getByText('您无权进行此操作').waitFor();
      await expect(liaisonPage.locator('table').count()).resolves.toBe(0);
    }
    const liaisonToken = signIn.body.accessToken as string;
    for (const path of ['/users', '/audit-log']) expect((await ui.stack.http('GET', path, { token: liaisonToken })).status).toBe(403);

    // The audit log shows the steps: created by the administrator, signed in, the password changed.
    await adminPage.goto(`${ui.stack.baseUrl}/console/audit-log?q=${username}`);
    const log = adminPage.getByTestId('audit-log-table');
    for (const action of ['user.created', 'sign_in.succeeded', 'password.changed']) await log.locator(`[data-action="${action}"]`).first().waitFor();
    const createdRow = log.locator('tr').filter({ has: adminPage.locator('[data-action="user.created"]') });
    await expect(createdRow.innerText()).resolves.toContain(admin.user.username);
    await expect(log.locator('[data-action="user.created"]').first().innerText()).resolves.toBe('新建用户');
    expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);
    await screenshot(adminPage, 'audit-log');
    const audit = await ui.stack.http('GET', `/audit-log?q=${username}`, { token: admin.token });
    expect(audit.body.items.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['user.created', 'sign_in.succeeded', 'password.changed']));
  });

  it('an office user sees no administration menu and is refused on its pages', async () => {
    const office = await ui.stack.userWithToken('office');
    const page = await newPage();
    await page.goto(`${ui.stack.baseUrl}/console/`);
    await logIn(page, office.user.username, TEST_PASSWORD);
    await page.getByTestId('who-am-i').waitFor();
    const labels = await menuLabels(page);
    expect(labels.length).toBeGreaterThan(1);
    for (const hidden of ['用户管理', '单位管理', '审计日志']) expect(labels).not.toContain(hidden);
    for (const path of ['/users', '/departments', '/audit-log']) {
      await page.goto(`${ui.stack.baseUrl}/console${path}`);
      await page.getByText('您无权进行此操作').waitFor();
    }
  });

  it('anyone changes their own password from the header (the stored token is replaced), and signs out everywhere', async () => {
    const viewer = await ui.stack.userWithToken('viewer');
    const page = await newPage();
    await page.goto(`${ui.stack.baseUrl}/console/`);
    await logIn(page, viewer.user.username, TEST_PASSWORD);
    await page.getByTestId('who-am-i').waitFor();
    const before = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('duban.token'));

    await page.getByTestId('change-password').click();
    await page.waitForURL('**/console/password');
    await page.getByLabel('当前密码').fill('not the password at all');
    await page.getByLabel('新密码', { exact: true }).fill('一个足够长的新密码-2026');
    await page.getByLabel('再次输入新密码').fill('一个足够长的新密码-2026');
    await page.getByTestId('password-submit').click();
    await page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('当前密码') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await page.getByLabel('当前密码').fill(TEST_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.waitForURL('**/console/progress');
    const after = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('duban.token'));
    expect(after).not.toBe(before);
    // The old token ended with the change (and the other session, of userWithToken, too); the new one works.
    expect((await ui.stack.http('GET', '/auth/me', { token: viewer.token })).status).toBe(401);
    expect((await ui.stack.http('GET', '/auth/me', { token: after! })).status).toBe(200);
    await page.reload();
    await page.getByTestId('who-am-i').waitFor();

    // Sign out everywhere: this page goes to the log-in page, and the token is dead.
    await page.getByTestId('logout-everywhere').click();
    // The confirmation's own button: under load the pop-up may not be open yet, and a name match
    // would find the header button again and close it.
    await page.getByTestId('logout-everywhere-confirm').click();
    await page.waitForURL('**/console/login');
    expect((await ui.stack.http('GET', '/auth/me', { token: after! })).status).toBe(401);
  });

  it('the log-in page says why single sign-on refused someone, in both languages', async () => {
    const page = await newPage();
    await page.goto(`${ui.stack.baseUrl}/console/login?ssoError=unknown_user`);
    await page.getByTestId('sso-error').getByText('您在本系统中还没有账号').waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('sso-error').getByText('you have no account here yet').waitFor();
  });
});
