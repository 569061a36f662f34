import type { Browser } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes';
import { registerInspectionTeam } from '../support/compliance-fixtures';
import { buildConsole, launchChromium, logIn, seriousAccessibilityViolations, watchForPageErrors } from '../support/browser';
import { TEST_PASSWORD, TestStack } from '../support/test-stack';

jest.setTimeout(600_000);

/**
 * Every page each role's menu offers opens without an error, shows its title, and has no serious
 * accessibility violation (axe) — on a laptop for the office and the inspector, on a tablet for
 * the department officer, the viewer and the system administrator (whose menu is then a drawer).
 */
describe('console: every page of every role', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    const webDir = await buildConsole();
    stack = await TestStack.start({ DUBAN_WEB_DIR: webDir }, { port: await freePort() });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const LAPTOP = { width: 1366, height: 768 };
  const TABLET = { width: 768, height: 1024 };

  async function visitEveryMenuPage(username: string, viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = watchForPageErrors(page);
    await page.goto(`${stack.baseUrl}/console/`);
    await logIn(page, username, TEST_PASSWORD);
    await page.getByTestId('who-am-i').waitFor();

    const narrow = viewport.width < 992;
    const openMenu = async () => {
      if (narrow) await page.getByRole('button', { name: 'menu' }).click();
      return page.getByRole('navigation').getByRole('menuitem');
    };
    const menu = await openMenu();
    const labels = await menu.allInnerTexts();
    const paths = await menu.locator('[data-path]').evaluateAll((spans) => spans.map((span) => span.getAttribute('data-path') ?? ''));
    if (narrow) await page.keyboard.press('Escape');
    expect(labels.length).toBeGreaterThan(1);
    expect(paths.length).toBe(labels.length);

    const report: Array<{ page: string; violations: unknown[] }> = [];
    for (const [i, label] of labels.entries()) {
      const items = await openMenu();
      await items.filter({ hasText: label }).first().click();
      try {
        // This entry's page, loaded: its address, its title, nothing still spinning.
        await page.waitForURL(`**/console${paths[i]}**`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden' });
      } catch {
        // A page without its title failed to show: say which, with what the page said.
        report.push({
          page: `${label} (${page.url()})`,
          violations: [`no title; errors: ${errors.join(' | ')}; text: ${(await page.locator('#main').innerText()).slice(0, 300)}`],
        });
        continue;
      }
      const violations = await seriousAccessibilityViolations(page);
      if (violations.length > 0) report.push({ page: `${label} (${page.url()})`, violations });
    }
    await context.close();
    return { labels, report, errors };
  }

  it.each([
    ['office', LAPTOP],
    ['department_officer', TABLET],
    ['inspector', LAPTOP],
    ['viewer', TABLET],
    ['admin', TABLET],
  ] as const)('%s', async (role, viewport) => {
    const office = await stack.userWithToken('office');
    let departmentId: string | null = null;
    if (role === 'department_officer') departmentId = (await stack.department(office.token)).id;
    if (role === 'inspector') departmentId = (await registerInspectionTeam(stack, office.token, `监察大队${Date.now()}`, [])).id;
    const user = role === 'office' ? office : await stack.userWithToken(role, departmentId);
    const { labels, report, errors } = await visitEveryMenuPage(user.user.username, viewport);
    expect({ role, labels, report, errors }).toEqual({ role, labels, report: [], errors: [] });
  });
});
