import { consoleInChromium, logIn, seriousAccessibilityViolations } from '../support/browser';
import { TEST_PASSWORD } from '../support/test-stack';

jest.setTimeout(300_000);

/** What the office sees of the shipped national calendar in Chromium, and of a year that has none. */
describe('console: the national calendar, in Chromium', () => {
  const ui = consoleInChromium();

  it('shows the State Council notice of a shipped year and warns of a year without one', async () => {
    const office = await ui.stack.userWithToken('office');
    const page = await ui.newPage();
    await page.goto(`${ui.stack.baseUrl}/console/calendar?year=2026`);
    await logIn(page, office.user.username, TEST_PASSWORD);
    await expect(page.getByTestId('calendar-shipped').textContent()).resolves.toContain('国务院办公厅关于2026年部分节假日安排的通知');
    // Spring Festival 2026 is among the holidays, and the Saturday before it a make-up working day.
    const holidays = await page.getByTestId('calendar-holidays').textContent();
    expect(holidays).toContain('2026-02-16');
    expect(await page.getByTestId('calendar-makeup').textContent()).toContain('2026-02-14');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`${ui.stack.baseUrl}/console/calendar?year=2099`);
    await expect(page.getByTestId('calendar-not-shipped').textContent()).resolves.toContain('2099');
    expect(await page.getByTestId('calendar-shipped').count()).toBe(0);
  });
});
