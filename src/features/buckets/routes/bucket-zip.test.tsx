import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordRequests, setUpBucketTests } from '../../../test/buckets';
import { renderBuckets } from '../test/helpers';

const demo = setUpBucketTests();
const requests = () => recordRequests(demo);

describe('downloading a selection as a zip', () => {
  afterEach(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });

  function putFiles() {
    const files = { 'zipme/a.txt': 'alpha '.repeat(1000), 'zipme/sub/b.json': '{"b":2}', 'zipme/c.csv': 'x,y\n1,2\n' };
    for (const [key, body] of Object.entries(files)) demo.cluster.putObject('ana-datasets', { key, size: body.length, body }, { trigger: false });
    return files;
  }
  const unzipped = (chunks: Uint8Array[]) => {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return Object.fromEntries(Object.entries(unzipSync(all)).map(([k, v]) => [k, new TextDecoder().decode(v)]));
  };

  it('writes it straight into the file the user picks, piece by piece, where the browser can', async () => {
    const user = userEvent.setup();
    putFiles();
    const chunks: Uint8Array[] = [];
    let closed = false;
    const picker = vi.fn(async () => ({
      createWritable: async () => ({
        write: async (c: Uint8Array) => void chunks.push(c.slice()),
        close: async () => void (closed = true),
        abort: async () => {},
      }),
    }));
    Object.assign(window, { showSaveFilePicker: picker });
    URL.createObjectURL = vi.fn(() => 'blob:never');
    renderBuckets('/buckets/ana-datasets/zipme/');
    await user.click(await screen.findByRole('checkbox', { name: /Select all/ }));
    await user.click(screen.getByRole('button', { name: 'Download selected' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: 'ana-datasets-zipme.zip' }));
    expect(chunks.length).toBeGreaterThan(3);
    expect(unzipped(chunks)).toEqual({ 'a.txt': 'alpha '.repeat(1000), 'sub/b.json': '{"b":2}', 'c.csv': 'x,y\n1,2\n' });
    expect(URL.createObjectURL).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download selected' })).toBeEnabled());
  });

  it('stops quietly when the user closes the file picker', async () => {
    const user = userEvent.setup();
    putFiles();
    Object.assign(window, { showSaveFilePicker: vi.fn(async () => Promise.reject(new DOMException('closed', 'AbortError'))) });
    const seen = requests();
    renderBuckets('/buckets/ana-datasets/zipme/');
    await user.click(await screen.findByRole('checkbox', { name: /Select all/ }));
    await user.click(screen.getByRole('button', { name: 'Download selected' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download selected' })).toBeEnabled());
    expect(screen.queryByText(/Could not download/)).not.toBeInTheDocument();
    expect(seen.filter((u) => u.pathname.startsWith('/s3/'))).toEqual([]);
  });

  it('elsewhere builds it in memory and saves it, after warning when it is large', async () => {
    const user = userEvent.setup();
    putFiles();
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => ((saved = b), 'blob:zip'));
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const view = renderBuckets('/buckets/ana-datasets/zipme/');
    await user.click(await screen.findByRole('checkbox', { name: /Select all/ }));
    await user.click(screen.getByRole('button', { name: 'Download selected' }));
    await waitFor(() => expect(saved).not.toBeNull());
    const bytes = new Uint8Array(await saved!.arrayBuffer());
    expect(Object.keys(unzipped([bytes])).sort()).toEqual(['a.txt', 'c.csv', 'sub/b.json']);
    expect(names).toEqual(['ana-datasets-zipme.zip']);
    view.unmount();

    // 12 drone videos, 1.8 GB: asked first, and nothing is fetched when the answer is no.
    const seen = requests();
    renderBuckets('/buckets/field-videos/drone/');
    await user.click(await screen.findByRole('checkbox', { name: /Select all/ }));
    await user.click(screen.getByRole('button', { name: 'Download selected' }));
    const warning = screen.getByRole('dialog', { name: /^Zip 1\.\d+ GB in memory\?$/ });
    expect(warning).toHaveTextContent('Chrome and Edge write the zip straight to a file you pick');
    await user.click(within(warning).getByRole('button', { name: 'Cancel' }));
    expect(seen.filter((u) => u.pathname.startsWith('/s3/') || u.pathname.includes('/presign'))).toEqual([]);
  });
});
