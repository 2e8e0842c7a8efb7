import { readFileSync, statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, login, useTheme, reloadDemo } from './support/app';

// The demo cluster on window.__lagoonDemo (mocks/browser.ts): faults let a test stand in for a service.
interface DemoWindow {
  __lagoonDemo: {
    cluster: { jobsOf(service: string): Map<string, unknown> };
    fault(spec: {
      method?: string;
      path: string;
      status?: number;
      body?: unknown;
      times?: number;
      latency?: number;
    }): () => void;
  };
  __pwned?: boolean;
}

/** The shared login, given more time when the machine is busy (the demo's worker starts on first use). */
async function signIn(page: Page, next: string) {
  try {
    await login(page, next);
  } catch {
    await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  }
}

const answer = (page: Page) => page.getByRole('region', { name: 'Answer' });

async function send(page: Page) {
  await page.getByRole('button', { name: 'Send' }).click();
}

/** The next POST /run/cowsay answers `status` with `body` (standing in for the service). */
async function nextRunAnswers(page: Page, status: number, body: string) {
  await page.evaluate(
    ({ status, body }) =>
      (window as unknown as DemoWindow).__lagoonDemo.fault({ method: 'POST', path: '/run/cowsay', status, times: 1, body }),
    { status, body },
  );
}

/** The next /run of `service` answers `bytes` bytes, streamed in 1 MiB chunks with a pause between them. */
async function bigAnswer(page: Page, service: string, bytes: number, pauseMs: number) {
  await page.evaluate(
    ({ service, bytes, pauseMs }) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      const chunk = Uint8Array.from({ length: 1 << 20 }, (_, i) => alphabet.charCodeAt((i * 7919) % 64));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (sent >= bytes) return c.close();
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
          const n = Math.min(chunk.length, bytes - sent);
          c.enqueue(chunk.slice(0, n));
          sent += n;
        },
      });
      (window as unknown as DemoWindow).__lagoonDemo.fault({
        method: 'POST',
        path: `/run/${service}`,
        status: 200,
        body,
        times: 1,
      });
    },
    { service, bytes, pauseMs },
  );
}

test('a sync call with text shows the cow', async ({ page }) => {
  await signIn(page, '/services/cowsay/invoke');
  await expect(page.getByRole('heading', { name: 'Invoke cowsay' })).toBeVisible();
  await page.getByLabel('Text to send').fill('Hello from Playwright');
  await page.getByLabel('Text to send').press('Control+Enter');
  await expect(answer(page).getByText('< Hello from Playwright >')).toBeVisible();
  await expect(answer(page).getByText('200 OK')).toBeVisible();
});

test('a JSON call, checked as typed, answers a folded tree that opens from the keyboard', async ({
  page,
}) => {
  await signIn(page, '/services/plant-classification-sync/invoke');
  await page.getByText('JSON', { exact: true }).click();
  const box = page.getByLabel('JSON to send');
  await box.fill('{"image": "leaf.jpg",}');
  await expect(page.getByText(/^Line 1, column 22:/)).toBeVisible();
  await box.fill('{"image": "leaf.jpg"}');
  await expect(page.getByText('Valid JSON.', { exact: false })).toBeVisible();
  await send(page);
  const tree = answer(page).getByRole('group', { name: 'The answer as a JSON tree' });
  await expect(tree).toBeVisible();
  // The tree is folded below the first level and opens from the keyboard.
  await expect(tree.getByText('labels:')).toBeHidden();
  await tree.locator('summary', { hasText: 'predictions:' }).focus();
  await page.keyboard.press('Enter');
  await tree.locator('summary', { hasText: 'labels:' }).focus();
  await page.keyboard.press('Enter');
  // The five labels show; the probabilities stay folded.
  await expect(tree.getByText('[4]:')).toHaveCount(1);
  await expect(tree.locator('summary', { hasText: 'probabilities:' })).toBeVisible();
});

test('an image file sent base64-encoded to the image service answers an image', async ({ page }) => {
  await signIn(page, '/services/grayify/invoke');
  await page.getByText('File', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: /Send base64-encoded/ })).toBeChecked();
  const photo = readFileSync('public/favicon.svg');
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'leaf.svg', mimeType: 'image/svg+xml', buffer: photo });
  await expect(page.getByTestId('file-drop').getByText('leaf.svg')).toBeVisible();
  // The snippet sends the same bytes: the file base64-encoded.
  await expect(page.getByRole('region', { name: 'curl snippet' })).toContainText(
    "base64 < leaf.svg | tr -d '\\n' | curl",
  );
  await send(page);
  const img = answer(page).getByRole('img', { name: /PNG image, 48 × 32 pixels/ });
  await expect(img).toBeVisible();
  expect(await img.getAttribute('src')).toMatch(/^blob:/);
  await expect(answer(page).getByText('Base64 of PNG image')).toBeVisible();
});

test('an async call starts a job that shows in the service’s jobs', async ({ page }) => {
  await signIn(page, '/services/cowsay/invoke');
  await page.getByText('Async (start a job)').click();
  await page.getByLabel('Text to send').fill('a job for the cow');
  await send(page);
  await expect(
    answer(page).getByText(/The job was started \(the cluster answered 201 with no body\)/),
  ).toBeVisible();
  const jobLink = answer(page).getByRole('link', { name: /^cowsay-/ });
  await expect(jobLink).toBeVisible();
  const job = (await jobLink.textContent())!;
  // The demo cluster lists it in GET /system/logs/cowsay …
  expect(
    await page.evaluate(
      (j) => (window as unknown as DemoWindow).__lagoonDemo.cluster.jobsOf('cowsay').has(j),
      job,
    ),
  ).toBe(true);
  // … and the jobs page shows it.
  await answer(page).getByRole('link', { name: 'See the jobs of cowsay' }).click();
  await expect(page).toHaveURL(/\/jobs\?service=cowsay/);
  await expect(page.getByRole('link', { name: job })).toBeVisible({ timeout: 15_000 });
});

test('replay, edit and replay, compare; the history survives a reload', async ({ page }) => {
  await signIn(page, '/services/cowsay/invoke');
  for (const word of ['moo', 'baa']) {
    await page.getByLabel('Text to send').fill(word);
    await send(page);
    await expect(answer(page).getByText(`< ${word} >`)).toBeVisible();
  }
  await reloadDemo(page);
  await expect(
    page.getByRole('table', { name: 'Calls to cowsay, newest first' }).getByRole('row'),
  ).toHaveCount(3);

  await page.getByRole('link', { name: 'Invocations' }).click();
  const table = page.getByRole('table', { name: 'Invocations, newest first' });
  await expect(table.getByRole('row')).toHaveCount(3);
  // Open the older call and replay it as it was.
  await table.getByRole('row').nth(2).getByRole('link').first().click();
  const detail = page.getByRole('region', { name: 'Call to cowsay' });
  await expect(detail.getByText('< moo >')).toBeVisible();
  await detail.getByRole('button', { name: 'Replay' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Call to cowsay' }).getByText('< moo >')).toBeVisible();

  // Edit and replay: the invoke page opens with the input filled in.
  await page
    .getByRole('region', { name: 'Call to cowsay' })
    .getByRole('link', { name: 'Edit and replay' })
    .click();
  await expect(page.getByLabel('Text to send')).toHaveValue('moo');
  await page.getByLabel('Text to send').fill('moo, edited');
  await send(page);
  await expect(answer(page).getByText('< moo, edited >')).toBeVisible();

  // Compare the first and the edited answers.
  await page.goto('/invocations');
  await expect(table.getByRole('row')).toHaveCount(5);
  await table.getByRole('row').nth(1).getByRole('checkbox').check();
  await table.getByRole('row').nth(4).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare the two selected' }).click();
  const diff = page.getByRole('region', { name: 'Line by line comparison' });
  await expect(diff.getByText('< moo >')).toBeVisible();
  await expect(diff.getByText('< moo, edited >')).toBeVisible();
  await expect(page.getByText(/^\d+ differences?\./)).toBeVisible();
});

test('a slow call can be cancelled while it waits', async ({ page }) => {
  await signIn(page, '/services/sleep-test/invoke');
  await send(page);
  await expect(answer(page).getByText('Waiting for sleep-test to answer…')).toBeVisible();
  await answer(page).getByRole('button', { name: 'Cancel the call' }).click();
  await expect(answer(page).getByText(/^Cancelled after/)).toBeVisible();
  await expect(answer(page).getByText('Cancelled', { exact: true })).toBeVisible();
});

// 20 MB is 2.5 times what the page keeps in memory (8 MiB) and folds into a Blob five times over: the
// same paths a 50 MB answer takes, at 40% of the bytes the demo's service worker must carry on a busy
// machine. What 50 MB costs is measured by bench/invoke-large-answer.mjs.
test('an answer too big to keep in memory streams to a download while the page stays usable', async ({ page }) => {
  await signIn(page, '/services/cowsay/invoke');
  await expect(page.getByRole('button', { name: /Reveal token of cowsay/ })).toBeVisible();
  await bigAnswer(page, 'cowsay', 20_000_000, 40);
  await send(page);
  await expect(answer(page).getByText('Receiving the answer of cowsay…')).toBeVisible();
  // While the bytes arrive, the page answers to typing.
  await page.getByLabel('Text to send').fill('still responsive');
  await expect(page.getByLabel('Text to send')).toHaveValue('still responsive');
  await expect(answer(page).getByText(/Showing the first 256 KiB of 19.1 MiB/)).toBeVisible({
    // The bytes arrive as fast as the machine carries them: wait for them with the test's own time.
    timeout: 0,
  });
  const download = page.waitForEvent('download');
  await answer(page).getByRole('button', { name: 'Download the answer (19.1 MiB)' }).click();
  const file = await (await download).path();
  expect(statSync(file).size).toBe(20_000_000);
  // The history keeps a preview and the size, not 20 MB.
  await page.goto('/invocations');
  await expect(
    page.getByRole('table', { name: 'Invocations, newest first' }).getByText('19.1 MiB'),
  ).toBeVisible();
});

test('bad answers stay inert: a 500 with a stack trace, HTML with script, bytes that only look like an image', async ({
  page,
}) => {
  await signIn(page, '/services/cowsay/invoke');
  await expect(page.getByRole('button', { name: /Reveal token of cowsay/ })).toBeVisible();
  await nextRunAnswers(
    page,
    500,
    'Traceback (most recent call last):\n  File "/opt/cow.py", line 9, in <module>\nKeyError: \'message\'',
  );
  await send(page);
  await expect(
    answer(page).getByText('The service answered 500: Traceback (most recent call last):'),
  ).toBeVisible();
  await expect(answer(page).getByText(/KeyError: 'message'/)).toBeVisible();

  await nextRunAnswers(
    page,
    200,
    '<!doctype html><html><body><h1>Gateway</h1><script>window.__pwned = true</script><img src=x onerror="window.__pwned = true"></body></html>',
  );
  await send(page);
  await expect(
    answer(page).getByText(/contains HTML or script, so it is shown as text and never run/),
  ).toBeVisible();
  // The server said 200 OK, and that is what the status says: showing HTML as text is not a failure.
  await expect(answer(page).getByText('200 OK', { exact: true })).toBeVisible();
  await expect(
    answer(page).getByText('<script>window.__pwned = true</script>', { exact: false }),
  ).toBeVisible();
  await expect(answer(page).locator('script, h1, img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as DemoWindow).__pwned)).toBeUndefined();

  // PNG's signature followed by garbage, base64-encoded as an image service would print it.
  const pngStart = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 40 }, (_, i) => (i * 37) % 256)];
  await nextRunAnswers(page, 200, Buffer.from(pngStart).toString('base64'));
  await send(page);
  await expect(
    answer(page).getByText(/start like a PNG image, but the browser cannot decode them/),
  ).toBeVisible();

  // The 500 and the bytes that are not the image they claim to be; not the HTML page.
  await page.goto('/invocations?status=failed');
  await expect(page.getByRole('table', { name: 'Invocations, newest first' }).getByRole('row')).toHaveCount(
    2,
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`the invoke page and the history pass axe in ${theme} mode`, async ({ page }, testInfo) => {
    await useTheme(page, theme);
    await signIn(page, '/services/grayify/invoke');
    await page.getByText('File', { exact: true }).click();
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'in.txt', mimeType: 'text/plain', buffer: Buffer.from('pixels') });
    await send(page);
    await expect(answer(page).getByRole('img')).toBeVisible();
    await checkA11y(page, `invoke (${theme})`);
    await page.goto('/invocations');
    await page
      .getByRole('table', { name: 'Invocations, newest first' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await expect(page.getByRole('region', { name: 'Call to grayify' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'curl snippet' })).toBeVisible();
    await checkA11y(page, `invocations (${theme})`);
    await page.screenshot({ path: testInfo.outputPath(`invoke-history-${theme}.png`), fullPage: true });
  });
}
