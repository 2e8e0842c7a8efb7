// Names that lie: a bidi override or a zero-width character in an object or bucket name is shown as a
// marker ([U+202E]) in the listing, the breadcrumbs, the labels and the page title, never acted on.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setUpBucketTests } from '../../../test/buckets';
import { location, renderBuckets } from '../test/helpers';

const LIAR = 'RTL-\u202egnp.exe';
const FOLDER = 'in\u200bbox';
const BUCKET = 'ana-\u2066datasets';

const demo = setUpBucketTests((cluster) => {
  cluster.putObject('ana-datasets', { key: LIAR, size: 12, contentType: 'application/octet-stream' }, { trigger: false });
  cluster.putObject('ana-datasets', { key: `${FOLDER}/a.txt`, size: 3, contentType: 'text/plain' }, { trigger: false });
  const real = cluster.buckets.get('ana-datasets')!;
  cluster.buckets.set(BUCKET, { ...real, name: BUCKET, objects: new Map(real.objects), sortedKeys: null });
});

const hidden = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
/** The text a sighted reader sees: without what is there for screen readers only. */
function seen(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
  return copy.textContent ?? '';
}

describe('names with hidden characters', () => {
  it('shows them as markers in the object list, its labels, the folder breadcrumbs and the page title', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/');
    const table = await screen.findByRole('table', { name: 'Objects in ana-datasets' });
    const row = (await within(table).findByRole('button', { name: 'RTL- (right-to-left override) gnp.exe' })).closest('tr')!;
    expect(seen(row)).toContain('RTL-[U+202E]gnp.exe');
    expect(table.textContent).not.toMatch(hidden);
    expect(within(row).getByRole('button', { name: 'Download RTL-[U+202E]gnp.exe' })).toBeInTheDocument();
    expect(within(row).getByRole('checkbox', { name: 'Select RTL-[U+202E]gnp.exe' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^RTL-/ })).toHaveAttribute('title', 'RTL-[U+202E]gnp.exe');

    await user.click(within(table).getByRole('link', { name: 'in (zero-width space) box /' }));
    await waitFor(() => expect(location()).toBe(`/buckets/ana-datasets/${encodeURIComponent(FOLDER)}/`));
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(seen(crumbs)).toBe('Buckets/ana-datasets/in[U+200B]box');
    expect(crumbs.textContent).not.toMatch(hidden);
    expect(screen.getByRole('heading', { level: 1 }).textContent).not.toMatch(hidden);
    await waitFor(() => expect(document.title).toBe('ana-datasets/in[U+200B]box/ · oscar.test · OSCAR'));
  });

  it('asks to confirm a delete with the marked name, and takes what is shown as typed', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/');
    const table = await screen.findByRole('table', { name: 'Objects in ana-datasets' });
    await user.click(await within(table).findByRole('button', { name: 'Delete in[U+200B]box' }));
    const dialog = screen.getByRole('dialog');
    expect(seen(within(dialog).getByRole('heading'))).toBe('Delete in[U+200B]box/?');
    expect(dialog.textContent).not.toMatch(hidden);
    const confirm = within(dialog).getByRole('button', { name: 'Delete 1 object' });
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByRole('textbox'));
    await user.paste('in[U+200B]box');
    expect(confirm).toBeEnabled();
  });

  it('shows them as markers in the bucket list', async () => {
    renderBuckets('/buckets');
    const table = await screen.findByRole('table', { name: 'Buckets' });
    const link = await within(table).findByRole('link', { name: 'ana- (left-to-right isolate) datasets' });
    expect(seen(link)).toBe('ana-[U+2066]datasets');
    expect(table.textContent).not.toMatch(hidden);
    expect(within(link.closest('tr')!).getByRole('button', { name: 'Delete ana-[U+2066]datasets' })).toBeInTheDocument();
    expect(demo.cluster.buckets.has(BUCKET)).toBe(true);
  });
});
