// The Hub against the demo cluster and the demo's GitHub (mocks/handlers/catalog-hub.ts): browse, read a
// crate, deploy it through the editor's review and try it; then the failures, each said where it happens;
// then another source with a KServe crate, deployed with the model server's own resources and opened
// through the readiness dialog; then axe over the catalogue, a crate and the deploy dialog in light and dark.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { checkA11y, DEMO, eachTheme, login } from './support/app';

interface GitHubDemo {
  exhaust(resetInSeconds?: number): void;
  reset(): void;
  putFile(path: string, text: string | null): void;
  putRepository(spec: string, files: Record<string, string>): void;
}
/** The demo's GitHub controls in the page (mocks/browser.ts). */
type HubWindow = Window & { __lagoonDemo: { github: GitHubDemo } };

const crates = (page: Page) => page.getByRole('list', { name: 'Crates' });

/** A repository's files by path (`crates/x/fdl.yml`), from a folder under e2e/fixtures. */
function fixtureRepository(name: string): Record<string, string> {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  );
}

test('browse the catalogue, read cowsay, deploy it under another name through the review, and try it', async ({ page }) => {
  await login(page, '/hub');
  await expect(page.getByRole('heading', { name: 'Hub', level: 1 })).toBeVisible();
  await expect(crates(page).getByRole('link', { name: 'OSCAR Cowsay Service' })).toBeVisible();
  await expect(crates(page).getByRole('article')).toHaveCount(11);

  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page).toHaveURL(/[?&]view=table/);
  const table = page.getByRole('table', { name: 'Crates' });
  await expect(table.getByRole('row')).toHaveCount(12);
  await page.getByRole('searchbox', { name: 'Search crates' }).fill('yolo');
  await expect(page).toHaveURL(/[?&]q=yolo/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search crates' }).fill('');
  await page.getByRole('checkbox', { name: 'Synchronous', exact: true }).click();
  await expect(page).toHaveURL(/[?&]type=synchronous/);
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('link', { name: 'YOLOv8 Service (by AI4EOSC)' })).toHaveCount(0);

  await table.getByRole('link', { name: 'OSCAR Cowsay Service' }).click();
  await expect(page).toHaveURL(/\/hub\/cowsay$/);
  await expect(page.getByRole('heading', { name: 'OSCAR Cowsay Service', level: 1 })).toBeVisible();
  const about = page.getByRole('region', { name: 'About' });
  await expect(about.getByRole('heading', { name: 'Invoking the service' })).toBeVisible();
  await expect(about.getByRole('link', { name: 'OSCAR-CLI' }).first()).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByRole('region', { name: 'Resources' })).toContainText('512 MiB');
  await expect(page.getByRole('region', { name: 'Input' })).toContainText('Mootastic');

  await page.getByRole('button', { name: 'Deploy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy OSCAR Cowsay Service' });
  await dialog.getByLabel('Service name').fill('my-cowsay');
  await dialog.getByRole('button', { name: 'Review in the editor' }).click();
  await expect(page).toHaveURL(/\/services\/new$/);
  await expect(page.getByRole('heading', { name: 'Review the new service my-cowsay' })).toBeVisible();
  await page.getByRole('button', { name: 'Create service' }).click();

  await expect(page).toHaveURL(/\/hub\/cowsay\?deployed=my-cowsay$/);
  await expect(page.getByRole('heading', { name: 'my-cowsay was created from this crate' })).toBeVisible();
  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(page).toHaveURL(/\/services\/my-cowsay\/invoke$/);
  await expect(page.getByLabel('JSON to send')).toHaveValue(/^\{"message": "Hello there\. Mootastic!"\}\s*$/);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Answer', exact: true })).toContainText('< Hello there. Mootastic! >');
});

test('failures said where they happen: the rate limit with its reset, a broken crate, an unknown source, a name taken', async ({ page }) => {
  await login(page, '/services');
  await page.evaluate(() => (window as unknown as HubWindow).__lagoonDemo.github.exhaust(1800));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hub' }).click();
  const limit = page.getByRole('alert').filter({ hasText: "grycap/oscar-hub@main: GitHub's hourly limit is spent" });
  await expect(limit).toContainText(/60 requests an hour .* The limit resets at .+ \(in 30 minutes\)/);

  await page.evaluate(() => {
    const gh = (window as unknown as HubWindow).__lagoonDemo.github;
    gh.reset();
    gh.putFile('crates/broken-crate/ro-crate-metadata.json', '{"@graph": [ oops');
    gh.putFile('crates/broken-crate/fdl.yml', 'functions: {}');
  });
  await limit.getByRole('button', { name: 'Try again' }).click();
  await expect(limit).toHaveCount(0);
  const broken = crates(page).getByRole('article', { name: 'broken-crate' });
  await expect(broken).toContainText(/Cannot be deployed.*not valid JSON/);
  await expect(crates(page).getByRole('article')).toHaveCount(12);

  await page.getByRole('button', { name: 'Sources (1)' }).click();
  const sources = page.getByRole('dialog', { name: 'Catalogue sources' });
  await sources.getByLabel('Add a repository').fill('https://github.com/x');
  await sources.getByRole('button', { name: 'Add' }).click();
  await expect(sources).toContainText('Write a GitHub repository as owner/repository');
  await sources.getByLabel('Add a repository').fill('someone/crates@devel');
  await sources.getByRole('button', { name: 'Add' }).click();
  await expect(sources.getByRole('list', { name: 'Sources' })).toContainText('someone/crates@devel');
  await sources.getByRole('button', { name: 'Done' }).click();
  const unknown = page.getByRole('alert').filter({ hasText: 'someone/crates@devel could not be listed' });
  await expect(unknown).toContainText('GitHub has no repository someone/crates@devel (HTTP 404)');
  await expect(crates(page).getByRole('link', { name: 'OSCAR Cowsay Service' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('lagoon.hub.sources'))).toBe('["someone/crates@devel"]');
  await page.getByRole('button', { name: 'Sources (2)' }).click();
  await sources.getByRole('button', { name: 'Remove someone/crates@devel' }).click();
  await sources.getByRole('button', { name: 'Done' }).click();
  await expect(unknown).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sources (1)' })).toBeVisible();

  // cowsay already runs on the demo cluster: the editor says so at the name, the choices kept.
  await crates(page).getByRole('link', { name: 'OSCAR Cowsay Service' }).click();
  await page.getByRole('button', { name: 'Deploy…' }).click();
  await page.getByRole('dialog', { name: 'Deploy OSCAR Cowsay Service' }).getByRole('button', { name: 'Review in the editor' }).click();
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A service with the provided name already exists' })).toBeVisible();
  await expect(page.getByLabel('Service name')).toHaveAttribute('aria-invalid', 'true');
});

test('another source: its KServe crate deployed with the model server\'s own resources, reviewed, created and opened once it answers', async ({ page }) => {
  // The new tab cannot reach the in-page demo's address: answer its navigation here.
  await page.context().route(`${DEMO.endpoint}/**`, (route) =>
    route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Stand-in for the chat page</title>' }) : route.fallback(),
  );
  await login(page, '/hub');
  const files = fixtureRepository('kserve-fixture');
  await page.evaluate((f) => (window as unknown as HubWindow).__lagoonDemo.github.putRepository('lagoon-tests/kserve-fixture@main', f), files);
  await page.getByRole('button', { name: 'Sources (1)' }).click();
  const sources = page.getByRole('dialog', { name: 'Catalogue sources' });
  await sources.getByLabel('Add a repository').fill('lagoon-tests/kserve-fixture');
  await sources.getByRole('button', { name: 'Add' }).click();
  await sources.getByRole('button', { name: 'Done' }).click();
  await crates(page).getByRole('link', { name: 'Qwen 2.5 chat on KServe' }).click();
  await expect(page).toHaveURL(/\/hub\/qwen-chat\?source=lagoon-tests%2Fkserve-fixture%40main$/);

  await page.getByRole('button', { name: 'Deploy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy Qwen 2.5 chat on KServe' });
  await dialog.getByLabel('Service name').fill('my-qwen');
  const server = dialog.getByRole('group', { name: 'KServe model server' });
  await expect(dialog.getByRole('group', { name: 'OSCAR service' }).getByLabel('CPU (cores)')).toHaveValue('0.5');
  await server.getByLabel('Model server CPU (cores)').fill('3 cores');
  await dialog.getByRole('button', { name: 'Review in the editor' }).click();
  // The first field refused takes the focus, its problem read with it.
  await expect(server.getByLabel('Model server CPU (cores)')).toBeFocused();
  await expect(server.getByLabel('Model server CPU (cores)')).toHaveAccessibleDescription(/The model server's CPU "3 cores" is not a number of CPU cores/);
  await checkA11y(page, 'KServe deploy dialog with a problem');
  await server.getByLabel('Model server CPU (cores)').fill('3');
  await server.getByLabel('Model server memory amount').fill('8');
  await server.getByRole('checkbox', { name: 'Model server: Use a GPU' }).check();
  await dialog.getByRole('button', { name: 'Review in the editor' }).click();

  await expect(page.getByRole('heading', { name: 'Review the new service my-qwen' })).toBeVisible();
  const modified = page.locator('[data-diff-editor] .editor.modified');
  await expect(modified.locator('.view-lines')).toContainText('name: my-qwen');
  // The kserve section ends the YAML: go to the end of the new side (Monaco shows spaces as no-break spaces).
  await modified.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  // Only the model server asks for 3 cores, 8Gi and a GPU: the service's own stay 0.5 and 1Gi.
  const lines = modified.locator('.view-lines');
  await expect(lines).toContainText(/\scpu:\s'3'\s/);
  await expect(lines).toContainText(/\smemory:\s8Gi\s/);
  await expect(lines).toContainText(/\senable_gpu:\strue/);
  await page.getByRole('button', { name: 'Create service' }).click();

  await expect(page).toHaveURL(/\/hub\/qwen-chat\?source=lagoon-tests%2Fkserve-fixture%40main&deployed=my-qwen$/);
  const banner = page.getByRole('region', { name: 'my-qwen was created from this crate' });
  await expect(banner.getByRole('link', { name: 'Service page' })).toHaveAttribute('href', '/services/my-qwen');
  const popup = page.waitForEvent('popup');
  await banner.getByRole('button', { name: 'Open' }).click();
  const open = page.getByRole('dialog', { name: 'Open my-qwen' });
  await expect(open).toContainText(`${DEMO.endpoint}/system/services/my-qwen/exposed/`);
  await expect(open.getByRole('status')).toContainText('my-qwen answers. It opened in a new tab.');
  const tab = await popup;
  expect(tab.url()).toBe(`${DEMO.endpoint}/system/services/my-qwen/exposed/`);
  await open.getByRole('button', { name: 'Close' }).click();
  await expect(banner.getByRole('button', { name: 'Open' })).toBeFocused();
});

test('the catalogue, and a crate with its deploy dialog open, pass axe in light and dark', async ({ page }) => {
  await login(page, '/hub?view=table');
  // eachTheme re-themes in place: no reload, so the catalogue is read once (a reload restarts the demo
  // cluster and reads every crate again).
  await eachTheme(page, async (theme) => {
    await expect(page.getByRole('link', { name: 'OSCAR Cowsay Service' })).toBeVisible();
    await checkA11y(page, `catalogue ${theme}`);
    await page.getByRole('link', { name: 'YOLOv8 Service (by AI4EOSC)' }).click();
    await expect(page.getByRole('region', { name: 'About' }).getByRole('heading', { name: 'Object Detection with YOLOv8' })).toBeVisible();
    await page.getByRole('button', { name: 'Deploy…' }).click();
    // The page behind the modal is checked too: axe reads the whole document.
    const dialog = page.getByRole('dialog', { name: 'Deploy YOLOv8 Service (by AI4EOSC)' });
    await expect(dialog).toBeVisible();
    await checkA11y(page, `crate and deploy dialog ${theme}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.goBack();
  });
});
