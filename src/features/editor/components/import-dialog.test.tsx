// Import with several services in one file: pick one to edit, or create them all and see each result.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { serveDemoCluster } from '../../../test/demo';
import { renderRoutes } from '../../../test/render';
import { signIn } from '../../../test/session';
import { ImportDialog } from './import-dialog';
import type { ImportedService } from '../lib/import-files';

const BASE = 'https://import-test.cluster';
const demo = serveDemoCluster(BASE);
beforeEach(() => signIn({ endpoint: BASE }));

const TWO = `functions:
  oscar:
  - c1:
      name: brand-new
      image: ghcr.io/grycap/cowsay
      script: run.sh
  - c2:
      name: cowsay
      image: ghcr.io/grycap/cowsay
      script: run.sh
`;

function renderDialog(mode: 'create' | 'update', onOpen = vi.fn<(s: ImportedService, scripts: Record<string, string>) => void>()) {
  const { router } = renderRoutes([
    { path: '/', element: <ImportDialog open mode={mode} dropped={null} onClose={() => {}} onOpen={onOpen} /> },
    { path: '/services', element: <p>services page</p> },
  ]);
  return { onOpen, router };
}

async function choose(user: ReturnType<typeof userEvent.setup>, files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  await user.upload(input!, files);
}

describe('import dialog', () => {
  it('lets the user pick which service of the file to edit, with its script', async () => {
    const user = userEvent.setup();
    const { onOpen } = renderDialog('create');
    await choose(user, [new File([TWO], 'two.yaml'), new File(['echo run\n'], 'run.sh')]);
    expect(await screen.findByText('2 services found; choose the one to edit')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /^cowsay/ }));
    await user.click(screen.getByRole('button', { name: 'Edit this one' }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    const [picked] = onOpen.mock.calls[0]!;
    expect(picked.name).toBe('cowsay');
    expect(picked.clusterId).toBe('c2');
    expect(picked.value.service.script).toBe('echo run\n');
  });

  it('asks for a script the FDL names and takes it once added', async () => {
    const user = userEvent.setup();
    renderDialog('create');
    await choose(user, [new File([TWO], 'two.yaml')]);
    expect(await screen.findByText(/which is not among the files/)).toBeInTheDocument();
    await user.upload(screen.getByRole('button', { name: 'Add script files…' }).nextElementSibling as HTMLInputElement, new File(['echo run\n'], 'run.sh'));
    await waitFor(() => expect(screen.queryByText(/which is not among the files/)).not.toBeInTheDocument());
    expect(screen.getAllByText(/script run\.sh/)).toHaveLength(2);
  });

  it('creates them all and reports each result in the server words', async () => {
    const user = userEvent.setup();
    renderDialog('create');
    await choose(user, [new File([TWO], 'two.yaml'), new File(['echo run\n'], 'run.sh')]);
    await user.click(await screen.findByRole('button', { name: 'Create all 2' }));
    expect(await screen.findByText('Created 1 of 2 services.')).toBeInTheDocument();
    const list = screen.getByRole('list');
    expect(within(list).getByText('brand-new').parentElement).toHaveTextContent('brand-new created');
    expect(within(list).getByText('cowsay').parentElement).toHaveTextContent('not created: A service with the provided name already exists');
    expect(demo.cluster.services.get('brand-new')?.script).toBe('echo run\n');
  });

  it('offers no "create all" when editing an existing service', async () => {
    const user = userEvent.setup();
    renderDialog('update');
    await choose(user, [new File([TWO], 'two.yaml')]);
    expect(await screen.findByText('2 services found; choose the one to use')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Create all/ })).not.toBeInTheDocument();
  });

  it('reports a file that is not an FDL instead of failing silently', async () => {
    const user = userEvent.setup();
    renderDialog('create');
    await choose(user, [new File([new Uint8Array([0xff, 0xfe, 0x00, 0x9c])], 'photo.yaml')]);
    expect(await screen.findByRole('alert')).toHaveTextContent('photo.yaml is not a text file');
  });

  it('says on which line a deeply nested file goes too deep, in plain words', async () => {
    const user = userEvent.setup();
    renderDialog('create');
    const deep = `functions:\n  oscar:\n  - c1:\n      name: deep\n      x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    await choose(user, [new File([deep], 'deep.yaml')]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/line 5\b/);
    expect(alert).toHaveTextContent(/nests more than 100 levels deep/);
    expect(alert).not.toHaveTextContent(/call stack/);
  });
});
