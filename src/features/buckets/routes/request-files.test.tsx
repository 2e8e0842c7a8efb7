import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { BASE, setUpBucketTests } from '../../../test/buckets';
import { decodeUploadLink } from '../../../lib/public-upload/link';
import { renderBuckets } from '../test/helpers';

const demo = setUpBucketTests();

async function openDialog(user: ReturnType<typeof userEvent.setup>, url: string) {
  renderBuckets(url);
  await user.click(await screen.findByRole('button', { name: 'Request files' }));
  return screen.getByRole('dialog', { name: 'Request files' });
}

describe('Request files', () => {
  it('makes a Lagoon page address with one presigned PUT per file in its fragment, which the storage accepts', async () => {
    const user = userEvent.setup();
    const dialog = await openDialog(user, '/buckets/ana-datasets/labels/');
    expect(dialog).toHaveTextContent('send files into ana-datasets/labels/');
    await user.click(within(dialog).getByRole('radio', { name: '1 hour' }));
    const count = within(dialog).getByRole('spinbutton', { name: 'Number of files' });
    await user.clear(count);
    await user.type(count, '3');
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
    const address = ((await within(dialog).findByRole('textbox', { name: 'Link' })) as HTMLInputElement).value;
    expect(address.startsWith(`${location.origin}/upload#v1.`)).toBe(true);
    const link = decodeUploadLink(new URL(address).hash);
    expect(link.bucket).toBe('ana-datasets');
    expect(link.folder).toBe('labels/');
    expect(link.slots).toHaveLength(3);
    expect(link.slots.map((s) => s.key)).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^labels/upload-\\d{8}-[0-9a-z]{4}-${n}$`))));
    expect(link.expiresAt! - before).toBeGreaterThan(3590_000);
    expect(link.expiresAt! - before).toBeLessThanOrEqual(3601_000);
    expect(dialog).toHaveTextContent(/Files arrive as upload-\d{8}-[0-9a-z]{4}-1 to upload-\d{8}-[0-9a-z]{4}-3\./);
    expect(within(dialog).getByRole('button', { name: 'Copy upload link' })).toBeVisible();
    // The demo's storage takes a PUT on the second slot, with no session at all.
    const res = await fetch(link.slots[1]!.url, { method: 'PUT', body: 'a,b\n', headers: { 'Content-Type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(demo.cluster.getObject('ana-datasets', link.slots[1]!.key)?.size).toBe(4);
    // A changed choice drops the link shown: it would no longer say what was asked for.
    await user.click(within(dialog).getByRole('radio', { name: '7 days' }));
    expect(within(dialog).queryByRole('textbox', { name: 'Link' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
    const week = decodeUploadLink(new URL(((await within(dialog).findByRole('textbox', { name: 'Link' })) as HTMLInputElement).value).hash);
    expect(week.expiresAt! - Date.now()).toBeGreaterThan(604_700_000);
  });

  it('asks for a number of files between 1 and 50', async () => {
    const user = userEvent.setup();
    const dialog = await openDialog(user, '/buckets/ana-datasets/');
    const count = within(dialog).getByRole('spinbutton', { name: 'Number of files' });
    await user.clear(count);
    await user.type(count, '51');
    expect(within(dialog).getByText('Between 1 and 50 files.')).toBeVisible();
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('button', { name: 'Create link' })).toBeDisabled();
  });
});

describe('Request files without S3 keys', () => {
  it("asks OSCAR's presign for each slot, offers no more than its hour, and shows its own words when it refuses", async () => {
    const user = userEvent.setup();
    // A cluster that gives this user no S3 keys: only OSCAR's presign is left.
    demo.server.use(http.get(`${BASE}/system/config`, () => HttpResponse.json({ name: 'oscar', namespace: 'oscar-svc', minio_provider: { endpoint: '', access_key: 'hidden', secret_key: 'hidden' } })));
    const presigns: unknown[] = [];
    demo.server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/presign')) void request.clone().json().then((b) => presigns.push(b));
    });
    const dialog = await openDialog(user, '/buckets/ana-datasets/labels/');
    // OSCAR 4.1 signs for an hour at most (presign_bucket.go): longer choices are not offered, and it is said.
    expect(await within(dialog).findByText('The cluster signs these links, and OSCAR allows at most an hour.')).toBeVisible();
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['15 minutes', '1 hour']);
    expect(within(dialog).getByRole('radio', { name: '1 hour' })).toBeChecked();
    const count = within(dialog).getByRole('spinbutton', { name: 'Number of files' });
    await user.clear(count);
    await user.type(count, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
    const link = decodeUploadLink(new URL(((await within(dialog).findByRole('textbox', { name: 'Link' })) as HTMLInputElement).value).hash);
    expect(link.slots.map((s) => s.key)).toEqual([expect.stringMatching(/-1$/), expect.stringMatching(/-2$/)]);
    expect(presigns).toEqual(link.slots.map((s) => ({ object_key: s.key, operation: 'upload', expires_in: 3600 })));
    // A refusal is shown in OSCAR's own words.
    demo.server.use(
      http.post(`${BASE}/system/buckets/:bucket/presign`, () => new HttpResponse("User 'ana' is not authorised to generate presigned URLs for bucket 'ana-datasets'", { status: 403 })),
    );
    await user.click(within(dialog).getByRole('radio', { name: '15 minutes' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
    expect(await within(dialog).findByText("User 'ana' is not authorised to generate presigned URLs for bucket 'ana-datasets'")).toBeVisible();
    expect(within(dialog).getByRole('heading', { name: /Could not make the link/ })).toBeVisible();
  });
});
