// Time to render the services list with 5,000 services, and how smoothly it scrolls, in Chromium on the
// production build with the demo cluster. Prints figures; never fails the run.
import { ms, openDemo, printScroll, scrollThrough } from './support.mjs';

const TOTAL = 5000;
const STEPS = 120;
let demo;
try {
  // Land away from the list, so its first request sees all the services.
  demo = await openDemo({ viewport: { width: 1440, height: 900 }, next: '/info' });
  const { page } = demo;
  await page.waitForFunction(() => window.__lagoonDemo);
  const existing = await page.evaluate(() => window.__lagoonDemo.cluster.services.size);
  // Too many to survive a reload (the demo's snapshot), so the list is opened from the menu.
  await page.evaluate((n) => window.__lagoonDemo.cluster.addGeneratedServices(n), TOTAL - existing);

  const t0 = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
  await page.getByRole('table').locator('tbody tr td').first().waitFor();
  const rendered = Date.now() - t0;
  const rows = await page.getByRole('table').getAttribute('aria-rowcount');

  // Scroll the table's scroll box from top to bottom in steps, recording frame gaps and long tasks.
  const scroll = await scrollThrough(page, { selector: 'table', steps: STEPS });
  console.log(`services: ${rows ? Number(rows) - 1 : '?'} rows in the table`);
  console.log(`first render of the list (navigation → first row): ${ms(rendered)}`);
  if (scroll) printScroll(scroll, STEPS);
} catch (e) {
  console.log(`services-render could not run: ${e.message}`);
} finally {
  await demo?.close();
}
