import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { Service } from '../../../api/types';
import { ALL } from '../test/fixtures';
import { fakeLayout } from '../../../test/layout';
import { serveDuringTests } from '../../../test/msw';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { renderServices } from '../test/helpers';

let services: Service[] = [];
let listCalls: URL[] = [];
const deleteAnswers = new Map<string, () => Response>();
const server = serveDuringTests(
  http.get(`${BASE}/system/services`, ({ request }) => {
    listCalls.push(new URL(request.url));
    return HttpResponse.json(services);
  }),
  http.delete(`${BASE}/system/services/:name`, ({ params }) => {
    const name = String(params.name);
    const answer = deleteAnswers.get(name);
    if (answer) return answer();
    services = services.filter((s) => s.name !== name);
    return new HttpResponse(null, { status: 204 });
  }),
);
beforeEach(() => {
  services = structuredClone(ALL);
  listCalls = [];
  deleteAnswers.clear();
  signIn();
  fakeLayout();
});

/** Names in the order the table shows them. */
function shownNames(): string[] {
  const table = screen.getByRole('table', { name: 'Services' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[1]?.textContent ?? '');
}

function location(): string {
  return screen.getByTestId('location').textContent ?? '';
}

describe('the services list', () => {
  it('asks for deployment summaries and shows each column', async () => {
    renderServices('/services');
    const row = (await screen.findByRole('link', { name: 'fish-detector' })).closest('tr')!;
    expect(listCalls[0]?.searchParams.get('include')).toBe('deployment');
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual([
      '',
      'fish-detector',
      'async',
      'ghcr.io/grycap/fish-detector-zip:1.0.0',
      '1.0',
      '3Gi',
      'Ready',
      'alice@egi.eu',
      'public',
      'minio: fish/input → fish/output',
      '',
    ]);
    expect(within(row).getByRole('button', { name: 'Actions for fish-detector' })).toHaveAttribute('aria-haspopup', 'menu');
    const cowsay = screen.getByRole('link', { name: 'cowsay' }).closest('tr')!;
    expect(within(cowsay).getByText('No status')).toBeInTheDocument();
    expect(within(cowsay).getByText('sync')).toBeInTheDocument();
    expect(within(screen.getByRole('link', { name: 'nginx' }).closest('tr')!).getByText('exposed')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Services' })).toHaveAttribute('aria-rowcount', '5');
    expect(screen.getByRole('link', { name: 'fish-detector' })).toHaveAttribute('href', '/services/fish-detector');
    expect(screen.getByRole('link', { name: 'Create service' })).toHaveAttribute('href', '/services/new');
  });

  it('filters by name, image or owner as you type, and keeps the filter in the URL', async () => {
    const user = userEvent.setup();
    renderServices('/services');
    await screen.findByRole('link', { name: 'fish-detector' });
    const filter = screen.getByRole('searchbox', { name: 'Filter services' });
    await user.type(filter, 'alice');
    await waitFor(() => expect(shownNames()).toEqual(['fish-detector', 'imagemagick']));
    expect(location()).toBe('/services?q=alice');
    expect(screen.getByText('2 of 4 services')).toBeInTheDocument();

    await user.clear(filter);
    await user.type(filter, 'nginx');
    await waitFor(() => expect(shownNames()).toEqual(['nginx']));
    await user.clear(filter);
    await user.type(filter, 'grycap cow');
    await waitFor(() => expect(shownNames()).toEqual(['cowsay']));

    await user.clear(filter);
    await user.type(filter, 'nothing-like-this');
    expect(await screen.findByRole('heading', { name: 'No services match “nothing-like-this”' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    await waitFor(() => expect(shownNames()).toHaveLength(4));
    expect(location()).toBe('/services');
  });

  it('sorts by any column with header buttons, reflected in aria-sort and the URL', async () => {
    const user = userEvent.setup();
    renderServices('/services');
    await screen.findByRole('link', { name: 'fish-detector' });
    expect(shownNames()).toEqual(['cowsay', 'fish-detector', 'imagemagick', 'nginx']);
    expect(screen.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'CPU' }));
    expect(location()).toBe('/services?sort=cpu&dir=asc');
    // 250m < 0.5 < 1.0 (2Gi) < 1.0 (3Gi)
    expect(shownNames()).toEqual(['imagemagick', 'cowsay', 'nginx', 'fish-detector']);
    expect(screen.getByRole('columnheader', { name: /^CPU/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /^Name/ })).not.toHaveAttribute('aria-sort');

    await user.click(screen.getByRole('button', { name: 'CPU' }));
    expect(location()).toBe('/services?sort=cpu&dir=desc');
    expect(shownNames()).toEqual(['fish-detector', 'nginx', 'cowsay', 'imagemagick']);

    // Users sort by memory on its own.
    await user.click(screen.getByRole('button', { name: 'Memory' }));
    expect(location()).toBe('/services?sort=memory&dir=asc');
    expect(screen.getByRole('columnheader', { name: /^Memory/ })).toHaveAttribute('aria-sort', 'ascending');

    // Services without a status stay last in either direction.
    await user.click(screen.getByRole('button', { name: 'Status' }));
    expect(shownNames()).toEqual(['nginx', 'fish-detector', 'imagemagick', 'cowsay']);
    await user.click(screen.getByRole('button', { name: 'Status' }));
    expect(shownNames()).toEqual(['fish-detector', 'imagemagick', 'nginx', 'cowsay']);
  });

  it('shows only the ticked visibilities and, on request, only my services, kept in the URL', async () => {
    const user = userEvent.setup();
    renderServices('/services');
    await screen.findByRole('link', { name: 'fish-detector' });
    await user.click(screen.getByRole('checkbox', { name: 'private' }));
    expect(location()).toBe('/services?vis=private');
    await waitFor(() => expect(shownNames()).toEqual(['cowsay', 'nginx']));
    await user.click(screen.getByRole('checkbox', { name: 'restricted' }));
    expect(location()).toBe('/services?vis=private%2Crestricted');
    await waitFor(() => expect(shownNames()).toEqual(['cowsay', 'imagemagick', 'nginx']));
    // The Basic user's services are the ones OSCAR records as cluster_admin's.
    await user.click(screen.getByRole('checkbox', { name: 'Only mine' }));
    await waitFor(() => expect(shownNames()).toEqual(['cowsay']));
    expect(screen.getByText('1 of 4 services')).toBeInTheDocument();
    // Nothing matches: the empty state clears every filter at once.
    await user.type(screen.getByRole('searchbox', { name: 'Filter services' }), 'fish');
    await user.click(await screen.findByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(shownNames()).toHaveLength(4));
    expect(location()).toBe('/services');
  });

  it('restores filter and sort from the URL', async () => {
    renderServices('/services?q=egi&sort=owner&dir=desc');
    await screen.findByRole('link', { name: 'nginx' });
    expect(screen.getByRole('searchbox', { name: 'Filter services' })).toHaveValue('egi');
    expect(shownNames()).toEqual(['nginx', 'fish-detector', 'imagemagick']);
    expect(screen.getByRole('columnheader', { name: /^Owner/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('deletes selected services after a confirmation naming them and the buckets that go with them', async () => {
    const user = userEvent.setup();
    renderServices('/services');
    await screen.findByRole('link', { name: 'fish-detector' });
    const deleteButton = screen.getByRole('button', { name: 'Delete service' });
    expect(deleteButton).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Select fish-detector' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select imagemagick' }));
    expect(screen.getByText(/2 selected/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete 2 services' }));

    const dialog = screen.getByRole('dialog', { name: 'Delete 2 services?' });
    const names = within(within(dialog).getByRole('list', { name: 'Services to delete' })).getAllByRole('listitem');
    expect(names.map((n) => n.textContent)).toEqual(['fish-detector', 'imagemagick']);
    expect(dialog).toHaveTextContent('fish, magick-in, magick-out');
    expect(dialog).toHaveTextContent(/deletes the buckets it created/);

    const callsBefore = listCalls.length;
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 services' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'fish-detector' })).not.toBeInTheDocument());
    expect(screen.queryByRole('link', { name: 'imagemagick' })).not.toBeInTheDocument();
    expect(services.map((s) => s.name)).toEqual(['cowsay', 'nginx']);
    // The list is fetched again after the delete.
    await waitFor(() => expect(listCalls.length).toBeGreaterThan(callsBefore));
    expect(shownNames()).toEqual(['cowsay', 'nginx']);
  });

  it('reports each failed delete in the server’s own words and keeps it selected', async () => {
    const user = userEvent.setup();
    deleteAnswers.set('nginx', () => new HttpResponse('User "bob" is not the owner of the service', { status: 403 }));
    deleteAnswers.set('cowsay', () => new HttpResponse('error deleting service: etcd timeout', { status: 500 }));
    renderServices('/services');
    await screen.findByRole('link', { name: 'fish-detector' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all 4 services shown' }));
    await user.click(screen.getByRole('button', { name: 'Delete 4 services' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete 4 services' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Could not delete 2 services');
    expect(alert).toHaveTextContent('cowsay: error deleting service: etcd timeout (HTTP 500)');
    expect(alert).toHaveTextContent('nginx: User "bob" is not the owner of the service (HTTP 403)');
    await waitFor(() => expect(shownNames()).toEqual(['cowsay', 'nginx']));
    expect(screen.getByRole('checkbox', { name: 'Select cowsay' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select nginx' })).toBeChecked();
  });

  it('select-all takes only the filtered rows', async () => {
    const user = userEvent.setup();
    renderServices('/services?q=alice');
    await screen.findByRole('link', { name: 'fish-detector' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all 2 services shown' }));
    await user.click(screen.getByRole('button', { name: 'Delete 2 services' }));
    const items = within(screen.getByRole('list', { name: 'Services to delete' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['fish-detector', 'imagemagick']);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(services).toHaveLength(4);
  });

  it('tells what to do when there are no services', async () => {
    services = [];
    renderServices('/services');
    expect(await screen.findByRole('heading', { name: 'No services yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create your first service' })).toHaveAttribute('href', '/services/new');
  });

  it('shows the server’s message and retries on error', async () => {
    const user = userEvent.setup();
    server.use(http.get(`${BASE}/system/services`, () => new HttpResponse('the kubernetes API is unreachable', { status: 502 }), { once: true }));
    renderServices('/services');
    expect(screen.getByText('Loading services…')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the services (HTTP 502)');
    expect(alert).toHaveTextContent('the kubernetes API is unreachable');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'cowsay' })).toBeInTheDocument();
  });

  it('shows a bidi override in a service name as a marker, never reordering the name', async () => {
    services = [{ ...structuredClone(ALL[0]!), name: 'cow\u202eyas' }];
    renderServices('/services');
    const link = await screen.findByRole('link', { name: 'cow (right-to-left override) yas' });
    expect(link).toHaveAttribute('title', 'cow[U+202E]yas');
    expect(link.textContent).not.toContain('\u202e');
    expect(within(link).getByText('[U+202E]')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('checkbox', { name: 'Select cow[U+202E]yas' })).toBeInTheDocument();
  });
});
