import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO = { endpoint: 'https://demo.lagoon.test', username: 'oscar', password: 'lagoon-demo' };

/** Logs in as the demo cluster's `oscar` admin and waits for the services list (or `next`). */
export async function login(page: Page, next = '/services'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const endpoint = page.getByLabel(/cluster endpoint/i);
  if (await endpoint.isVisible().catch(() => false)) await endpoint.fill(DEMO.endpoint);
  await page.getByLabel(/username/i).fill(DEMO.username);
  await page.getByLabel(/^password/i).fill(DEMO.password);
  await page.getByRole('button', { name: /^log in$/i }).click();
  // Wait for the app to leave the login page, however long the demo cluster takes to start in this
  // tab (seconds on a loaded machine), not for expect's 10 s: the test's own timeout is the limit.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Runs axe on the page and fails on serious or critical violations, listing them. */
export async function checkA11y(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(report, `axe violations ${label}`).toEqual([]);
}

/** Sets the theme before the app loads (the app reads it from localStorage). */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('lagoon.theme', t), theme);
}

/** Logs in from the login screen's demo box as one of the demo's seeded OIDC users (a Bearer session). */
export async function loginAsDemoUser(
  page: Page,
  who: 'Ana García' | 'Marco Rossi',
  next = '/services',
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: `Continue as ${who}, a demo user` }).click();
  // As login(): the demo cluster can take longer than expect's 10 s to start on a loaded machine.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Runs `check` in light, then in dark, on the page as it is: with no theme chosen the app follows the
 * system's colour scheme (src/app/theme.ts), so emulating it re-themes without a reload and one
 * journey covers both themes. Each switch waits for the `dark` class and for the colour transitions
 * it starts to finish, so axe reads settled colours. Ends in light.
 */
export async function eachTheme(
  page: Page,
  check: (theme: 'light' | 'dark') => Promise<void>,
): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await colorScheme(page, theme);
    await check(theme);
  }
  await colorScheme(page, 'light');
}

async function colorScheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction(
    (dark) => document.documentElement.classList.contains('dark') === dark,
    theme === 'dark',
  );
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Reloads the page and waits for the demo cluster to be up in the tab again: it starts anew on every
 * load, which can outlast expect's 10 s on a loaded machine, so the checks that follow get their whole
 * time for what they check. The test's own timeout is the limit.
 */
export async function reloadDemo(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => Boolean((window as { __lagoonDemo?: { cluster?: unknown } }).__lagoonDemo?.cluster));
}
