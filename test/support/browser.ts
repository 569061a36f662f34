import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../scripts/lib/processes';
import { TestStack } from './test-stack';

const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * Debian's Chromium (installed by .ci/run when missing), headless, with nothing that reaches for
 * the internet: this machine's closed network refuses those connections, many at a time.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install Debian's "chromium" package (.ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--lang=zh-CN',
    ],
  });
}

let built: Promise<string> | undefined;

/**
 * The console built from the sources as they are now, once per test process, into a directory
 * of its own (a stale dist/web must not pass for the current code). DUBAN_WEB_DIR skips the build.
 */
export function buildConsole(): Promise<string> {
  if (process.env.DUBAN_WEB_DIR) return Promise.resolve(process.env.DUBAN_WEB_DIR);
  built ??= (async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'duban-web-'));
    const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
    await promisify(execFile)(process.execPath, [vite, 'build', '--config', 'apps/web/vite.config.ts', '--outDir', outDir, '--logLevel', 'error'], {
      cwd: REPO_ROOT,
      // The production build, as users get it (the test run itself has NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return outDir;
  })();
  return built;
}

/** What a page should never do: throw, or fail to render (test files expect the list to stay empty). */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  // React reports a page that failed to render on the console, and then shows nothing.
  page.on('console', (message) => {
    // React 19 reports an uncaught render error as a warning, after the error itself.
    if (message.type() !== 'error' && !(message.type() === 'warning' && message.text().includes('An error occurred in'))) return;
    // The browser's own line for an HTTP error answer: the page handles those itself.
    if (message.text().startsWith('Failed to load resource')) return;
    errors.push(`${page.url()}: console: ${message.text().slice(0, 2000)}`);
  });
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/**
 * axe-core's serious and critical violations on the page once its transitions have settled: a
 * field message caught half faded in has the contrast of its opacity, which is not what a user
 * reads (CI under load caught one mid-fade).
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(async () => {
    const doc = (globalThis as unknown as { document: { getAnimations(): Array<{ finished: Promise<unknown> }> } }).document;
    // An animation cancelled while awaited rejects: it is over all the same.
    await Promise.all(doc.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    // Runs in the page: its globals, not Node's (the test's tsconfig has no DOM types).
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshots for docs/console.md "Screens": written only when SCREENSHOT_DIR is set (SCREENSHOT_DIR=docs/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  // Let dialogs and messages finish fading in.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Signs in through the console's log-in page. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The console of a real stack in Chromium, as a describe block sees it. */
export interface ConsoleInChromium {
  /** The stack serving the console (started in beforeAll). */
  readonly stack: TestStack;
  /** A fresh browser context in zh-CN and Shanghai time; an error its pages throw fails the test. */
  newPage(): Promise<Page>;
}

/**
 * Registers, in the calling describe block, the hooks that build the console, start a stack
 * that serves it and Chromium, stop both after the block, and fail any test whose page threw.
 * `overrides` set the stack's environment (DUBAN_WORKING_DAY_SECONDS for a ladder in seconds).
 */
export function consoleInChromium(overrides: Record<string, string> = {}): ConsoleInChromium {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webDir = await buildConsole();
    stack = await TestStack.start({ ...overrides, DUBAN_WEB_DIR: webDir }, { port: await freePort() });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  return {
    get stack(): TestStack {
      if (!stack) throw new Error('The stack is started in beforeAll; use it inside a test');
      return stack;
    },
    async newPage(): Promise<Page> {
      if (!browser) throw new Error('Chromium is started in beforeAll; open pages inside a test');
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      pageErrors.push(...watchForPageErrors(page));
      return page;
    },
  };
}
