// The service editor against the demo cluster: create (form, pasted YAML, imported files), edit with
// the diff, drafts across a reload, failed applies that keep the edit, secrets that survive, bad
// input, and accessibility of both tabs in light and dark.
import { test, expect, type Page } from '@playwright/test';
import { checkA11y, login, loginAsDemoUser, useTheme, reloadDemo } from './support/app';

const FDL_DIR = '/work/shared/fdl';

// What the page exposes to tests: the demo cluster (mocks/browser.ts) and Monaco (monaco-setup.ts).
interface DemoService {
  image?: string;
  memory?: string;
  script?: string;
  cluster_id?: string;
  environment?: { variables?: Record<string, string>; secrets?: Record<string, string> };
  [key: string]: unknown;
}
interface MonacoEditorLike {
  getContainerDomNode(): HTMLElement;
  focus(): void;
  getModel(): { getFullModelRange(): unknown } | null;
  setSelection(range: unknown): void;
  trigger(source: string, handler: string, payload: unknown): void;
  getValue(): string;
}
declare global {
  interface Window {
    __lagoonDemo?: { cluster: { services: Map<string, DemoService> }; fault(spec: string): void; clearFaults(): void };
    __lagoonMonaco?: { editor: { getEditors(): MonacoEditorLike[] } };
  }
}

/** The Monaco editor with this accessible name, once Monaco has loaded. */
function editorHost(page: Page, label: string) {
  return page.getByRole('group', { name: label, exact: true });
}

async function waitForMonaco(page: Page, label: string) {
  await expect(editorHost(page, label).locator('.monaco-editor')).toBeVisible();
}

/** Types into a Monaco editor with the keyboard (click, select all, type). */
async function typeInto(page: Page, label: string, text: string) {
  await waitForMonaco(page, label);
  await editorHost(page, label).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** Pastes through Monaco's own paste command (the path a real paste takes): no auto-indent. */
async function pasteInto(page: Page, label: string, text: string) {
  await waitForMonaco(page, label);
  await page.evaluate(
    ({ label, text }) => {
      const monaco = window.__lagoonMonaco!;
      const ed = monaco.editor.getEditors().find((e) => e.getContainerDomNode().closest(`[aria-label="${label}"]`));
      if (!ed) throw new Error(`no editor ${label}`);
      ed.focus();
      ed.setSelection(ed.getModel()!.getFullModelRange());
      ed.trigger('keyboard', 'paste', { text });
    },
    { label, text },
  );
}

async function editorText(page: Page, label: string): Promise<string> {
  return page.evaluate((label) => {
    const ed = window.__lagoonMonaco!.editor.getEditors().find((e) => e.getContainerDomNode().closest(`[aria-label="${label}"]`));
    return ed?.getValue() ?? '';
  }, label);
}

async function review(page: Page) {
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('heading', { name: /^Review/ })).toBeVisible();
}

const PASTED = `functions:
  oscar:
  - oscar-cluster:
      name: pasted-cowsay
      image: ghcr.io/grycap/cowsay
      memory: 512Mi
      script: |
        #!/bin/sh
        echo "pasted" | /usr/games/cowsay
      my_future_field: kept
`;

test('creates a service from the form, with its script typed in Monaco', async ({ page }) => {
  await login(page, '/services/new');
  await expect(page.getByRole('heading', { name: 'Create service' })).toBeVisible();
  await page.getByLabel('Service name').fill('form-made');
  await page.getByLabel('Container image', { exact: true }).fill('ghcr.io/grycap/cowsay');
  await page.getByLabel('Memory', { exact: true }).fill('512Mi');
  await typeInto(page, 'Service script (shell)', 'echo "hello from the form"');
  await page.getByRole('button', { name: 'Add variable' }).click();
  // The new row's name box takes the focus on the next frame: type once it has it.
  await expect(page.getByRole('textbox', { name: /^Variable name \d+$/ }).last()).toBeFocused();
  await page.keyboard.insertText('GREETING');
  await page.getByRole('textbox', { name: 'Value of GREETING' }).fill('hi');
  await page.getByRole('tab', { name: /YAML/ }).click();
  await waitForMonaco(page, 'Service FDL (YAML)');
  expect(await editorText(page, 'Service FDL (YAML)')).toContain('GREETING: hi');
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('Memory', { exact: true })).toHaveValue('512Mi');
  await review(page);
  await expect(page.locator('[data-diff-editor] .monaco-diff-editor')).toBeVisible();
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page).toHaveURL(/\/services\/form-made$/);
  const stored = await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('form-made'));
  expect(stored).toMatchObject({ image: 'ghcr.io/grycap/cowsay', memory: '512Mi', script: 'echo "hello from the form"' });
  expect(stored?.environment?.variables).toEqual({ GREETING: 'hi' });
});

test('creates a service from pasted YAML, keeping fields it does not know', async ({ page }) => {
  await login(page, '/services/new?tab=yaml');
  // Typed with the keyboard (one line, so Monaco's auto-indent has nothing to change)…
  await typeInto(page, 'Service FDL (YAML)', 'functions: {oscar: [{c1: {name: typed-one, image: img, script: "echo hi"}}]}');
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('Service name')).toHaveValue('typed-one');
  await page.getByRole('tab', { name: /YAML/ }).click();
  // …then a real multi-line FDL pasted over it.
  await pasteInto(page, 'Service FDL (YAML)', PASTED);
  await expect(page.getByText('No problems found in the YAML.')).toBeVisible();
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('Service name')).toHaveValue('pasted-cowsay');
  await expect(page.getByLabel('Memory', { exact: true })).toHaveValue('512Mi');
  await review(page);
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page).toHaveURL(/\/services\/pasted-cowsay$/);
  const stored = await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('pasted-cowsay')!);
  expect(stored.my_future_field).toBe('kept');
  expect(stored.script).toContain('echo "pasted"');
});

test('imports the cowsay FDL with its script and creates it under a new name', async ({ page }) => {
  await login(page, '/services/new');
  await page.getByRole('button', { name: 'Import FDL…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an FDL file' });
  await dialog.locator('input[type=file]').first().setInputFiles([`${FDL_DIR}/cowsay/cowsay.yaml`]);
  await expect(dialog.getByText(/names\s*script\.sh/)).toBeVisible();
  await dialog.locator('input[type=file]').first().setInputFiles([`${FDL_DIR}/cowsay/script.sh`]);
  await expect(dialog.getByText('script script.sh', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Edit this one' }).click();
  await expect(page.getByLabel('Service name')).toHaveValue('cowsay');
  await waitForMonaco(page, 'Service script (shell)');
  expect(await editorText(page, 'Service script (shell)')).toContain('/usr/games/cowsay');
  // The demo already has cowsay: the cluster's 409 lands next to the name, and the edit stays.
  await review(page);
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A service with the provided name already exists' })).toBeVisible();
  await expect(page.getByLabel('Service name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-name-error')).toContainText('"cowsay" is taken');
  await page.getByLabel('Service name').fill('cowsay-imported');
  await review(page);
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page).toHaveURL(/\/services\/cowsay-imported$/);
  const stored = await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('cowsay-imported'));
  expect(stored?.script).toContain('/usr/games/cowsay');
  expect(stored?.cluster_id).toBe('oscar-replica');
});

test('edits a service, shows the diff, applies it and the list shows the change', async ({ page }) => {
  await login(page, '/services/cowsay/edit');
  await page.getByLabel('Memory', { exact: true }).fill('3Gi');
  await review(page);
  const diff = page.locator('[data-diff-editor]');
  await expect(diff.locator('.modified-in-monaco-diff-editor')).toContainText('3Gi');
  await expect(diff.locator('.original-in-monaco-diff-editor')).toContainText('memory: 1Gi');
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page).toHaveURL(/\/services\/cowsay$/);
  await expect(page.getByText('Service cowsay updated.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'cowsay', exact: true }) });
  await expect(row).toContainText('3Gi');
});

/**
 * The drafts the editor has saved (IndexedDB "lagoon-drafts", src/features/editor/lib/drafts.ts) as
 * JSON: the save waits for typing to pause, so a test waits for it here rather than for a time.
 */
function savedDrafts(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('lagoon-drafts');
        // Never create the database here: the app's store must make it, with its object store.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) {
            db.close();
            resolve('');
            return;
          }
          const all = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(JSON.stringify(all.result));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('gets an unsaved edit back after a reload', async ({ page }) => {
  await login(page, '/services/cowsay/edit');
  await page.getByLabel('Container image', { exact: true }).fill('ghcr.io/grycap/cowsay:draft');
  await expect.poll(() => savedDrafts(page)).toContain('ghcr.io/grycap/cowsay:draft');
  await reloadDemo(page);
  await expect(page.getByRole('heading', { name: /unsaved draft/ })).toBeVisible();
  await expect(page.getByLabel('Container image', { exact: true })).toHaveValue('ghcr.io/grycap/cowsay');
  await page.getByRole('button', { name: 'Restore draft' }).click();
  await expect(page.getByLabel('Container image', { exact: true })).toHaveValue('ghcr.io/grycap/cowsay:draft');
});

// Apart from the reload above: each page load restarts the demo cluster in the tab, and five in one test
// came close to the test's limit on a loaded machine.
test('a draft survives a logout, and discarding it when offered drops it for good', async ({ page }) => {
  await login(page, '/services/cowsay/edit');
  // Drafts are kept per cluster and service, not per session.
  await page.getByLabel('Container image', { exact: true }).fill('ghcr.io/grycap/cowsay:after-logout');
  await expect.poll(() => savedDrafts(page)).toContain('ghcr.io/grycap/cowsay:after-logout');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, '/services/cowsay/edit');
  await page.getByRole('button', { name: 'Restore draft' }).click();
  await expect(page.getByLabel('Container image', { exact: true })).toHaveValue('ghcr.io/grycap/cowsay:after-logout');
  // Discarding a draft when it is offered again drops it for good.
  await reloadDemo(page);
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await reloadDemo(page);
  await expect(page.getByLabel('Container image', { exact: true })).toHaveValue('ghcr.io/grycap/cowsay');
  await expect(page.getByRole('heading', { name: /unsaved draft/ })).toHaveCount(0);
});

test('a failed apply (400, 500, network) keeps the edit and says why', async ({ page }) => {
  await login(page, '/services/cowsay/edit');
  await page.getByLabel('Container image', { exact: true }).fill('ghcr.io/grycap/cowsay:2');
  const cases = [
    { fault: 'PUT /system/services 400 The service specification is not valid: image ghcr.io/grycap/cowsay:2 is not allowed', text: 'image ghcr.io/grycap/cowsay:2 is not allowed' },
    { fault: 'PUT /system/services 500 Error updating the service: etcd unavailable', text: 'etcd unavailable' },
    { fault: 'PUT /system/services network', text: 'could not be reached' },
  ];
  for (const c of cases) {
    await page.evaluate((f) => {
      window.__lagoonDemo!.clearFaults();
      window.__lagoonDemo!.fault(f);
    }, c.fault);
    await review(page);
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: c.text })).toBeVisible();
    await expect(page.getByLabel('Container image', { exact: true })).toHaveValue('ghcr.io/grycap/cowsay:2');
  }
  // The 400 named the image, so the field says it too (checked on a fresh attempt).
  await page.evaluate(() => {
    window.__lagoonDemo!.clearFaults();
    window.__lagoonDemo!.fault('PUT /system/services 400 The service specification is not valid: image is not allowed');
  });
  await review(page);
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.getByLabel('Container image', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Container image', { exact: true })).toBeFocused();
  await page.evaluate(() => window.__lagoonDemo!.clearFaults());
  await review(page);
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page).toHaveURL(/\/services\/cowsay$/);
  expect(await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('cowsay')?.image)).toBe('ghcr.io/grycap/cowsay:2');
});

test('secrets survive an update of another field', async ({ page }) => {
  await login(page, '/services/secrets-usage/edit');
  await expect(page.getByText('Set, unchanged')).toBeVisible();
  await page.getByLabel('Memory', { exact: true }).fill('2Gi');
  await review(page);
  await expect(page.getByText('Secret COWSAY_SECRET is not sent, so it keeps its value on the cluster.')).toBeVisible();
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page).toHaveURL(/\/services\/secrets-usage$/);
  const stored = await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('secrets-usage'));
  expect(stored?.memory).toBe('2Gi');
  expect(stored?.environment?.secrets?.COWSAY_SECRET).toBe('this-is-my-secret');
});

test('works by keyboard: schema completion, Esc then Tab leaves the editor, Ctrl+S reviews', async ({ page }) => {
  await login(page, '/services/cowsay/edit?tab=yaml');
  await waitForMonaco(page, 'Service FDL (YAML)');
  await page.evaluate(() => {
    const ed = window.__lagoonMonaco!.editor.getEditors().find((e) => e.getContainerDomNode().closest('[aria-label="Service FDL (YAML)"]'));
    ed?.focus();
    (ed as unknown as { setPosition(p: { lineNumber: number; column: number }): void }).setPosition({ lineNumber: 5, column: 200 });
  });
  await page.keyboard.press('Enter');
  await page.keyboard.type('enable_g');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('enable_gpu');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' true');
  await expect(page.getByText('No problems found in the YAML.')).toBeVisible();
  // Escape closes one layer at a time (value suggestions, the completion's snippet), then arms
  // leaving; Tab then moves on.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.monaco-editor textarea:focus')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('heading', { name: 'Review the changes to cowsay' })).toBeFocused();
  await expect(page.locator('[data-diff-editor] .modified-in-monaco-diff-editor')).toContainText('enable_gpu: true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Apply changes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/services\/cowsay$/);
  expect(await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('cowsay')?.enable_gpu)).toBe(true);
});

test('duplicates a service under a new name and exports it as FDL', async ({ page }) => {
  await login(page, '/services/secrets-usage/edit');
  await page.getByRole('button', { name: 'Export…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download FDL and script (.zip)' }).click();
  expect((await download).suggestedFilename()).toBe('secrets-usage.zip');
  await expect(page.getByRole('dialog')).toContainText('Secret COWSAY_SECRET was left out');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: 'Create service' })).toBeVisible();
  await expect(page.getByLabel('Service name')).toHaveValue('secrets-usage-copy');
  // OSCAR never showed the secret's value, so the copy asks for it when the user tries to create it.
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('textbox', { name: 'Value of secret COWSAY_SECRET' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Value of secret COWSAY_SECRET' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Value of secret COWSAY_SECRET' }).fill('copied-secret');
  await review(page);
  await expect(page.locator('[data-diff-editor] .modified-in-monaco-diff-editor')).toContainText('<new value>');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page).toHaveURL(/\/services\/secrets-usage-copy$/);
  const copy = await page.evaluate(() => window.__lagoonDemo!.cluster.services.get('secrets-usage-copy'));
  expect(copy?.environment?.secrets?.COWSAY_SECRET).toBe('copied-secret');
  expect(copy?.script).toContain('COWSAY_SECRET');
});

test('bad input gets a message at the line or field, never a blank screen', async ({ page }) => {
  await login(page, '/services/new?tab=yaml');
  const yaml = 'Service FDL (YAML)';
  await pasteInto(page, yaml, 'functions:\n  oscar:\n  - c1: {name: [broken\n');
  await expect(page.locator('#yaml-problems')).toContainText(/Line 3:.*never closed/);
  await expect(editorHost(page, yaml).locator('.squiggly-error').first()).toBeAttached();
  await pasteInto(page, yaml, 'functions:\n  oscar: []\n');
  await expect(page.locator('#yaml-problems')).toContainText('lists no services');
  await pasteInto(page, yaml, PASTED.replace('pasted-cowsay', 'a-name-that-is-far-too-long-for-oscar-to-accept'));
  await expect(page.locator('#yaml-problems')).toContainText('Line 4: name "a-name-that-is-far-too-long-for-oscar-to-accept" is 47 characters long; OSCAR accepts at most 39');
  await pasteInto(page, yaml, PASTED.replace('pasted-cowsay', 'MyService'));
  await expect(page.locator('#yaml-problems')).toContainText('Line 4: name "MyService" has uppercase letters');
  await expect(editorHost(page, yaml).locator('.squiggly-error').first()).toBeAttached();
  await page.getByRole('tab', { name: /Form/ }).click();
  await expect(page.getByLabel('Service name')).toHaveValue('MyService');
  await expect(page.getByLabel('Service name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-name-error')).toContainText('try "myservice"');
  await page.getByRole('tab', { name: /YAML/ }).click();
  await pasteInto(page, yaml, 'x'.repeat(5_000_000));
  await expect(page.locator('#yaml-problems')).toContainText('5.0 MB of text');
  await pasteInto(page, yaml, '\u0000\u0001\u0002PNG garbage');
  await expect(page.locator('#yaml-problems')).toContainText('binary');
  // The form says why it cannot be edited, and applying points back to the YAML.
  await page.getByRole('tab', { name: /Form/ }).click();
  await expect(page.getByText(/cannot be edited until the YAML is fixed/)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('tab', { name: /YAML/ })).toHaveAttribute('aria-selected', 'true');
});

for (const theme of ['light', 'dark'] as const) {
  test(`both tabs pass axe in ${theme}`, async ({ page }, testInfo) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 1280, height: 900 });
    await login(page, '/services/secrets-usage/edit');
    await waitForMonaco(page, 'Service script (shell)');
    await checkA11y(page, `editor form ${theme}`);
    await page.screenshot({ path: testInfo.outputPath(`editor-form-${theme}.png`), fullPage: true });
    await page.getByLabel('Memory', { exact: true }).fill('2Gi');
    await page.getByRole('tab', { name: /YAML/ }).click();
    await waitForMonaco(page, 'Service FDL (YAML)');
    await checkA11y(page, `editor yaml ${theme}`);
    await page.screenshot({ path: testInfo.outputPath(`editor-yaml-${theme}.png`) });
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByRole('heading', { name: /^Review/ })).toBeVisible();
    await expect(page.locator('[data-diff-editor] .monaco-diff-editor')).toBeVisible();
    await checkA11y(page, `editor review ${theme}`);
    await page.screenshot({ path: testInfo.outputPath(`editor-review-${theme}.png`) });
  });
}

test('an OIDC user chooses the VO among those the cluster accepts and her login gives (PARITY F1)', async ({ page }) => {
  await loginAsDemoUser(page, 'Ana García', '/services/new');
  await page.getByRole('button', { name: /Visibility and isolation/ }).click();
  const vo = page.getByRole('combobox', { name: 'Virtual organisation' });
  await expect(vo.locator('option')).toHaveText(['None (the cluster decides)', 'vo.ai4eosc.eu', 'vo.imagine-ai.eu']);
  await vo.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(vo).toHaveValue('vo.imagine-ai.eu');
  await page.getByRole('tab', { name: /YAML/ }).click();
  await expect(page.locator('[data-code-editor="yaml"] .view-lines')).toContainText('vo: vo.imagine-ai.eu');
});
