import { screen, within, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, test, vi, afterEach } from 'vitest';
import { renderRoutes } from '../../../test/render';
import { serveDuringTests } from '../../../test/msw';
import { presignUrl } from '../../../lib/s3/sign';
import { encodeUploadLink } from '../../../lib/public-upload/link';
import { Component } from './public-upload-route';

const S3 = { endpoint: 'https://minio.example.org', region: 'us-east-1', accessKey: 'AK', secretKey: 'SK' };
const puts: { key: string; body: string; type: string | null; disposition: string | null; search: string }[] = [];
let refuse: string | null = null;

const server = serveDuringTests(
  http.put('https://minio.example.org/in/*', async ({ request }) => {
    const url = new URL(request.url);
    if (refuse) return new HttpResponse(refuse, { status: 403, headers: { 'Content-Type': 'application/xml' } });
    puts.push({
      key: decodeURIComponent(url.pathname.slice('/in/'.length)),
      body: await request.text(),
      type: request.headers.get('Content-Type'),
      disposition: request.headers.get('Content-Disposition'),
      search: url.search,
    });
    return new HttpResponse(null, { status: 200, headers: { ETag: '"x"' } });
  }),
  // Anything else (the OSCAR API above all) fails the test: the page must not call it.
  http.all('*', ({ request }) => {
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  }),
);

afterEach(() => {
  puts.length = 0;
  refuse = null;
  vi.useRealTimers();
});

async function link(n: number, o: { now?: number; expiresIn?: number } = {}): Promise<string> {
  const urls = await Promise.all(
    Array.from({ length: n }, (_, i) => presignUrl(S3, { method: 'PUT', bucket: 'in', key: `inbox/upload-k3x9-${i + 1}`, expiresIn: o.expiresIn ?? 3 * 3600, now: o.now ?? Date.now() })),
  );
  return encodeUploadLink({ bucket: 'in', urls });
}

function open(fragment: string) {
  return renderRoutes([{ path: '/upload/*', Component }], { url: `/upload#${fragment}` });
}

const file = (name: string, text: string, type = 'text/plain') => new File([text], name, { type });

describe('the public upload page', () => {
  test('shows the target and the expiry, nothing of the endpoint, and sends picked files to the slots in order', async () => {
    const user = userEvent.setup();
    const { container } = open(await link(3));
    expect(await screen.findByRole('heading', { name: 'Send files' })).toBeVisible();
    expect(screen.getByText('in/inbox/')).toBeVisible();
    expect(screen.getByText(/This link expires in 3 hours/)).toBeVisible();
    expect(screen.getByText(/Up to 3 files, each up to 5 GiB/)).toBeVisible();
    expect(container.textContent).not.toMatch(/minio\.example\.org|X-Amz/);
    await user.upload(screen.getByLabelText('Files to send'), [file('résumé (1).txt', 'hello'), file('b.csv', 'a,b', 'text/csv')]);
    expect(await screen.findByText('2 of 2 sent')).toBeVisible();
    expect(puts.map((p) => [p.key, p.body, p.type])).toEqual([
      ['inbox/upload-k3x9-1', 'hello', 'text/plain'],
      ['inbox/upload-k3x9-2', 'a,b', 'text/csv'],
    ]);
    // The sender's own name travels with the file (the key is the link's slot).
    expect(puts[0]!.disposition).toBe(`attachment; filename="r_sum_ (1).txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%281%29.txt`);
    expect(puts[0]!.search).toContain('X-Amz-Signature=');
    expect(screen.getAllByRole('progressbar').map((p) => p.getAttribute('aria-valuenow'))).toEqual(['100', '100']);
    expect(screen.getByText(/\(1 left\)/)).toBeVisible();
  });

  test('a dropped file goes too; when the slots run out the next file is not sent and says why', async () => {
    open(await link(1));
    const zone = await screen.findByTestId('public-drop-zone');
    fireEvent.drop(zone, { dataTransfer: { files: [file('a.txt', 'A'), file('b.txt', 'B')], types: ['Files'] } });
    expect(await screen.findByText('1 of 2 sent')).toBeVisible();
    expect(puts.map((p) => p.key)).toEqual(['inbox/upload-k3x9-1']);
    const b = screen.getByText('b.txt').closest('li')!;
    expect(within(b).getByText(/No places left on this link/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Choose files' })).toBeDisabled();
  });

  test('a reload remembers the slots already filled: a new file takes the next one', async () => {
    const user = userEvent.setup();
    const fragment = await link(2);
    const first = open(fragment);
    await user.upload(await screen.findByLabelText('Files to send'), file('a.txt', 'A'));
    await screen.findByText('1 of 1 sent');
    first.unmount();
    open(fragment);
    expect(await screen.findByText(/\(1 left\)/)).toBeVisible();
    await user.upload(screen.getByLabelText('Files to send'), file('b.txt', 'B'));
    await screen.findByText('1 of 1 sent');
    expect(puts.map((p) => p.key)).toEqual(['inbox/upload-k3x9-1', 'inbox/upload-k3x9-2']);
  });

  test("a refused PUT shows the storage's own words; Retry sends the same file to the same slot", async () => {
    const user = userEvent.setup();
    open(await link(2));
    refuse = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Bucket quota exceeded</Message></Error>';
    await user.upload(await screen.findByLabelText('Files to send'), file('a.txt', 'A'));
    expect(await screen.findByText('The storage refused this upload. It said: AccessDenied: Bucket quota exceeded')).toBeVisible();
    expect(screen.getByText('Failed')).toBeVisible();
    refuse = null;
    await user.click(screen.getByRole('button', { name: 'Retry a.txt' }));
    expect(await screen.findByText('1 of 1 sent')).toBeVisible();
    expect(puts.map((p) => p.key)).toEqual(['inbox/upload-k3x9-1']);
  });

  test('an expiry answered by the storage says so', async () => {
    const user = userEvent.setup();
    open(await link(1));
    refuse = '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    await user.upload(await screen.findByLabelText('Files to send'), file('a.txt', 'A'));
    expect(await screen.findByText(/^This upload link has expired\. It said: AccessDenied: Request has expired$/)).toBeVisible();
  });

  test('a file over 5 GiB is refused before anything is sent', async () => {
    const user = userEvent.setup();
    open(await link(2));
    const big = file('huge.bin', 'x');
    Object.defineProperty(big, 'size', { value: 5 * 1024 ** 3 + 1 });
    await user.upload(await screen.findByLabelText('Files to send'), big);
    expect(await screen.findByText(/Larger than 5 GiB/)).toBeVisible();
    expect(screen.getByText('Too large')).toBeVisible();
    expect(puts).toEqual([]);
  });

  test('an expired link says when it expired and offers nothing to send', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 5, 12, 0, 0));
    open(await link(2, { now: Date.UTC(2026, 11, 5, 9, 0, 0), expiresIn: 3600 }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/This link expired on .*2026/);
    expect(alert).toHaveTextContent('Ask the person who sent it for a new link.');
    expect(screen.queryByRole('button', { name: 'Choose files' })).toBeNull();
  });

  test('a damaged link says so, and the page still shows no cluster', async () => {
    const fragment = await link(2);
    open(fragment.slice(0, 60));
    expect(await screen.findByRole('heading', { name: 'This upload link cannot be used' })).toBeVisible();
    expect(screen.getByText(/damaged or incomplete/)).toBeVisible();
  });

  test("the OSCAR Dashboard's link sends its content type", async () => {
    const user = userEvent.setup();
    const url = await presignUrl(S3, { method: 'PUT', bucket: 'in', key: 'inbox/photo.png', expiresIn: 600 });
    open(`presignedUrl=${encodeURIComponent(url)}&content-type=image%2Fpng`);
    expect(await screen.findByText(/One file, each up to/)).toBeVisible();
    await user.upload(screen.getByLabelText('Files to send'), file('mine.jpg', 'J', 'image/jpeg'));
    await screen.findByText('1 of 1 sent');
    expect(puts.map((p) => [p.key, p.type])).toEqual([['inbox/photo.png', 'image/png']]);
  });
});

void server;
