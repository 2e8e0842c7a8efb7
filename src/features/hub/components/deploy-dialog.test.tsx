import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { readPrefill } from '../../../lib/service-prefill/prefill';
import { serveDemoCluster } from '../../../test/demo';
import { renderRoutes } from '../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../test/session';
import { readTemplate } from '../lib/deploy';
import { DeployDialog } from './deploy-dialog';

serveDemoCluster(TEST_ENDPOINT, () => {
  signIn();
});

const HUB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../mocks/catalog/hub');
const reading = readTemplate(readFileSync(path.join(HUB, 'vllm-llama/fdl.yml'), 'utf8'), 'echo', 'script.sh');
if (!reading.ok) throw new Error(reading.reason);

function Editor() {
  const l = useLocation();
  return (
    <>
      <output data-testid="where">{`${l.pathname}${l.search}`}</output>
      <output data-testid="state">{JSON.stringify(l.state)}</output>
    </>
  );
}

describe('the deploy dialog', () => {
  it('asks for the declared secret and hands the filled service to the editor in navigation state, not the URL', async () => {
    const user = userEvent.setup();
    renderRoutes(
      [
        {
          path: '/hub/:crate',
          element: <DeployDialog open onClose={() => {}} template={reading.template} crateName="OSCAR vLLM" crateHref="/hub/vllm-llama" afterCreate="/hub/vllm-llama?deployed={name}" />,
        },
        { path: '/services/new', element: <Editor /> },
      ],
      { url: '/hub/vllm-llama' },
    );
    const dialog = screen.getByRole('dialog', { name: 'Deploy OSCAR vLLM' });
    expect(within(dialog).getByLabelText('Service name')).toHaveValue('vllm-gpu-llama');
    expect(within(dialog).getByLabelText('Secret API_KEY')).toHaveValue('');
    await user.click(within(dialog).getByRole('button', { name: 'Review in the editor' }));
    expect(within(dialog).getByText("Give a value for API_KEY; the crate's own is only an example.")).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Service name'));
    await user.type(within(dialog).getByLabelText('Service name'), 'my-llama');
    await user.type(within(dialog).getByLabelText('Secret API_KEY'), 'top-secret');
    await user.clear(within(dialog).getByLabelText('Memory amount'));
    await user.type(within(dialog).getByLabelText('Memory amount'), '12');
    await user.click(within(dialog).getByRole('button', { name: 'Review in the editor' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/services/new'));
    expect(screen.getByTestId('where').textContent).not.toContain('top-secret');
    const prefill = readPrefill(JSON.parse(screen.getByTestId('state').textContent ?? 'null'));
    expect(prefill).toMatchObject({
      value: { service: { name: 'my-llama', memory: '12Gi', environment: { secrets: { API_KEY: 'top-secret' } } } },
      template: { service: { name: 'vllm-gpu-llama' } },
      source: { label: 'Hub: OSCAR vLLM', href: '/hub/vllm-llama' },
      afterCreate: '/hub/vllm-llama?deployed={name}',
      review: true,
    });
  });
});
