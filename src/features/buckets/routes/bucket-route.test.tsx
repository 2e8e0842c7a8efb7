import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeResizeObserver } from '../../../test/layout';
import { recordRequests, setUpBucketTests } from '../../../test/buckets';
import { location, renderBuckets } from '../test/helpers';

const demo = setUpBucketTests();

const objects = (bucket: string) => screen.findByRole('table', { name: `Objects in ${bucket}` });
/** The names in the listing, top to bottom (folders end in "/"). */
const rowNames = async (bucket: string) =>
  within(await objects(bucket))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[1]?.textContent);

const requests = () => recordRequests(demo);

describe('a bucket’s folders', () => {
  it('shows folders before files, opens a folder by its link, and goes back by the breadcrumb', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/');
    expect(await rowNames('ana-datasets')).toEqual(['images/', 'labels/', 'models/', 'README.md']);
    const images = within(await objects('ana-datasets')).getByRole('link', { name: 'images/' }).closest('tr')!;
    expect(images).toHaveTextContent('40 files');
    await user.click(within(await objects('ana-datasets')).getByRole('link', { name: 'labels/' }));
    await waitFor(() => expect(location()).toBe('/buckets/ana-datasets/labels/'));
    expect(await rowNames('ana-datasets')).toEqual(['species.csv', 'test.csv', 'train.csv']);
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(crumbs).toHaveTextContent('Buckets/ana-datasets/labels');
    await user.click(within(crumbs).getByRole('link', { name: 'ana-datasets' }));
    await waitFor(() => expect(location()).toBe('/buckets/ana-datasets/'));
    expect(await rowNames('ana-datasets')).toContain('README.md');
  });

  it('reads every page of a large bucket by next_page before showing the folder as complete', async () => {
    demo.cluster.addGeneratedObjects('bulk', 2_500, 'gen/');
    const seen = requests();
    renderBuckets('/buckets/bulk/gen/');
    const children = new Set([...demo.cluster.buckets.get('bulk')!.objects.keys()].map((k) => k.slice(4).replace(/\/.*/s, '/')));
    expect(await screen.findByText(`${children.size.toLocaleString()} items`)).toBeInTheDocument();
    const pages = seen.filter((u) => u.pathname === '/system/buckets/bulk');
    expect(pages.map((u) => u.searchParams.has('page'))).toEqual([false, true, true]);
  });

  it('takes the filter and sort from the URL and writes changes back', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/labels/?q=t&sort=size&dir=desc');
    expect(await rowNames('ana-datasets')).toEqual(['train.csv', 'test.csv']);
    expect(screen.getByRole('searchbox', { name: 'Filter by name' })).toHaveValue('t');
    expect(screen.getByText('2 of 3 items')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(location()).toBe('/buckets/ana-datasets/labels/?q=t&sort=size&dir=asc'));
    expect(await rowNames('ana-datasets')).toEqual(['test.csv', 'train.csv']);
    await user.clear(screen.getByRole('searchbox', { name: 'Filter by name' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'nothing-like-this');
    expect(await screen.findByText('Nothing here matches “nothing-like-this”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    await waitFor(() => expect(location()).toBe('/buckets/ana-datasets/labels/?sort=size&dir=asc'));
  });

  it('deletes the selected files after confirming, and a folder only once its name is typed', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/labels/');
    await objects('ana-datasets');
    await user.click(screen.getByRole('checkbox', { name: 'Select test.csv' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select train.csv' }));
    expect(screen.getByText(/2 selected/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 2 items?' });
    expect(dialog).toHaveTextContent('2 objects (565 KB)');
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 objects' }));
    expect(await screen.findByText('Deleted 2 objects')).toBeInTheDocument();
    const bucket = demo.cluster.buckets.get('ana-datasets')!;
    expect(bucket.objects.has('labels/test.csv') || bucket.objects.has('labels/train.csv')).toBe(false);
    await waitFor(async () => expect(await rowNames('ana-datasets')).toEqual(['species.csv']));

    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'ana-datasets' }));
    await user.click(await screen.findByRole('button', { name: 'Delete images' }));
    const folder = screen.getByRole('dialog', { name: 'Delete images/?' });
    expect(folder).toHaveTextContent('including everything inside the selected folders');
    const confirm = within(folder).getByRole('button', { name: 'Delete 40 objects' });
    expect(confirm).toBeDisabled();
    await user.type(within(folder).getByRole('textbox'), 'images');
    await user.click(confirm);
    await waitFor(() => expect([...bucket.objects.keys()].some((k) => k.startsWith('images/'))).toBe(false));
  });

  it('says when a folder is empty and when the bucket cannot be opened', async () => {
    demo.cluster.createBucket({ kind: 'admin', username: 'oscar' }, { bucket_name: 'empty-one', visibility: 'private' });
    const first = renderBuckets('/buckets/empty-one/');
    expect(await screen.findByRole('heading', { name: 'This bucket is empty' })).toBeInTheDocument();
    first.unmount();
    renderBuckets('/buckets/no-such-bucket/');
    const problem = (await screen.findByRole('heading', { name: /Could not open the bucket no-such-bucket/ })).closest('[role=alert]');
    expect(problem).toHaveTextContent(/no-such-bucket/);
    expect(within(problem as HTMLElement).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('previews a text file beside the listing', async () => {
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/labels/');
    await user.click(within(await objects('ana-datasets')).getByRole('button', { name: 'species.csv' }));
    await waitFor(() => expect(location()).toBe('/buckets/ana-datasets/labels/?preview=species.csv'));
    const preview = screen.getByRole('complementary', { name: 'Preview of species.csv' });
    expect(await within(preview).findByRole('table')).toHaveTextContent('Quercus ilex');
  });

  it('drops the Modified column while the preview narrows the listing, so the actions still fit', async () => {
    onTestFinished(() => void vi.unstubAllGlobals());
    // The listing beside the panel at a 1280 px window.
    fakeResizeObserver({ width: 670, height: 600 });
    const user = userEvent.setup();
    renderBuckets('/buckets/ana-datasets/labels/');
    const headers = async () => within(await objects('ana-datasets')).getAllByRole('columnheader').map((h) => h.textContent);
    // Without the panel the listing has its full width of columns, whatever its size.
    expect(await headers()).toEqual(['', 'Name', 'Size', 'Modified', 'Actions']);
    await user.click(within(await objects('ana-datasets')).getByRole('button', { name: 'species.csv' }));
    const preview = await screen.findByRole('complementary', { name: 'Preview of species.csv' });
    await waitFor(async () => expect(await headers()).toEqual(['', 'Name', 'Size', 'Actions']));
    // The previewed file's date is in the panel; every row keeps its actions.
    expect(preview).toHaveTextContent(/Modified/);
    expect(within(await objects('ana-datasets')).getByRole('button', { name: 'Delete species.csv' })).toBeInTheDocument();
    await user.click(within(preview).getByRole('button', { name: 'Close the preview' }));
    await waitFor(async () => expect(await headers()).toEqual(['', 'Name', 'Size', 'Modified', 'Actions']));
  });

  it('keeps every column beside the preview when the listing is wide enough', async () => {
    onTestFinished(() => void vi.unstubAllGlobals());
    fakeResizeObserver({ width: 930, height: 600 });
    renderBuckets('/buckets/ana-datasets/labels/?preview=species.csv');
    await screen.findByRole('complementary', { name: 'Preview of species.csv' });
    const headers = within(await objects('ana-datasets')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['', 'Name', 'Size', 'Modified', 'Actions']);
  });
});

describe('a key with a ".." folder', () => {
  it('is listed, but preview, download and share say why a browser cannot fetch it and give commands, without fetching it', async () => {
    const user = userEvent.setup();
    demo.cluster.putObject('shared-models', { key: '../weights.bin', size: 12, body: 'not these...' }, { trigger: false });
    const seen = requests();
    renderBuckets('/buckets/shared-models/');
    await user.click(within(await objects('shared-models')).getByRole('link', { name: '../' }));
    await user.click(within(await objects('shared-models')).getByRole('button', { name: 'weights.bin' }));
    const preview = screen.getByRole('complementary', { name: 'Preview of weights.bin' });
    const note = within(preview).getByRole('note', { name: 'Browsers cannot show this file' });
    expect(note).toHaveTextContent('Its name, ../weights.bin, has a “..” folder');
    const curl = await within(note).findByLabelText('curl command', { selector: 'pre' });
    expect(curl.textContent).toMatch(/^curl --fail --path-as-is -o 'weights\.bin' 'https:\/\/oscar\.test\/s3\/shared-models\/\.\.\/weights\.bin\?X-Amz-Algorithm=[^']*X-Amz-Expires=3600[^']*'$/);
    expect(await within(note).findByLabelText('AWS command', { selector: 'pre' })).toHaveTextContent(
      "aws s3api get-object --endpoint-url 'https://oscar.test/s3' --bucket 'shared-models' --key '../weights.bin' 'weights.bin'",
    );

    await user.click(within(preview).getByRole('button', { name: 'Download' }));
    const dialog = screen.getByRole('dialog', { name: 'Download weights.bin' });
    expect(within(dialog).getByRole('note', { name: 'Browsers cannot download this file' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(within(preview).getByRole('button', { name: 'Share link' }));
    const share = screen.getByRole('dialog', { name: 'Share weights.bin' });
    await user.click(within(share).getByRole('radio', { name: '7 days' }));
    expect(within(share).getByRole('note', { name: 'A link to this file would not open in a browser' })).toHaveTextContent('works for 7 days');
    await waitFor(() => expect(within(share).getByLabelText('curl command', { selector: 'pre' })).toHaveTextContent('X-Amz-Expires=604800'));
    expect(within(share).queryByRole('textbox', { name: 'Link' })).not.toBeInTheDocument();

    await user.click(within(share).getByRole('button', { name: 'Done' }));

    // A zip of a selection holding it names it and offers to go without it.
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'shared-models' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select ..' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select yolov8n.pt' }));
    await user.click(screen.getByRole('button', { name: 'Download selected' }));
    const zip = screen.getByRole('dialog', { name: '1 of the selected files cannot be downloaded here' });
    expect(within(zip).getByRole('listitem')).toHaveTextContent('../weights.bin');
    expect(within(zip).getByRole('button', { name: 'Zip the other file' })).toBeInTheDocument();
    await user.click(within(zip).getByRole('button', { name: 'Cancel' }));

    // Only presign calls went out: nothing tried to fetch the object (which would reach "weights.bin").
    expect(seen.filter((u) => u.pathname.startsWith('/s3/'))).toEqual([]);

    // Deleting it works: the key goes in the body of a multi-object delete, not in a URL.
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete 2 items?' })).getByRole('button', { name: 'Delete 2 objects' }));
    await waitFor(() => expect(demo.cluster.getObject('shared-models', '../weights.bin')).toBeUndefined());
    expect(demo.cluster.getObject('shared-models', 'yolov8n.pt')).toBeUndefined();
  });
});
