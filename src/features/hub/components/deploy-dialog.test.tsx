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
const QWEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../e2e/fixtures/kserve-fixture/crates/qwen-chat');
const kserve = readTemplate(readFileSync(path.join(QWEN, 'fdl.yml'), 'utf8'), 'echo', 'script.sh');
if (!kserve.ok) throw new Error(kserve.reason);

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

  it("groups a KServe crate's model server resources apart from the service's own, says what is wrong there and hands them on", async () => {
    const user = userEvent.setup();
    renderRoutes(
      [
        {
          path: '/hub/:crate',
          element: <DeployDialog open onClose={() => {}} template={kserve.template} crateName="Qwen chat" crateHref="/hub/qwen-chat" afterCreate="/hub/qwen-chat?deployed={name}" />,
        },
        { path: '/services/new', element: <Editor /> },
      ],
      { url: '/hub/qwen-chat' },
    );
    const dialog = screen.getByRole('dialog', { name: 'Deploy Qwen chat' });
    const service = within(dialog).getByRole('group', { name: 'OSCAR service' });
    const server = within(dialog).getByRole('group', { name: 'KServe model server' });
    expect(within(service).getByLabelText('CPU (cores)')).toHaveValue('0.5');
    expect(within(server).getByLabelText('Model server CPU (cores)')).toHaveValue('2.0');
    expect(within(server).getByLabelText('Model server memory amount')).toHaveValue('6');
    expect(within(server).getByLabelText('Model server memory unit')).toHaveValue('Gi');
    expect(within(server).getByRole('checkbox', { name: 'Model server: Use a GPU' })).not.toBeChecked();

    await user.clear(within(server).getByLabelText('Model server CPU (cores)'));
    await user.type(within(server).getByLabelText('Model server CPU (cores)'), 'four');
    await user.click(within(dialog).getByRole('button', { name: 'Review in the editor' }));
    const cpu = within(server).getByLabelText('Model server CPU (cores)');
    expect(cpu).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(cpu).toHaveFocus());
    expect(cpu).toHaveAccessibleDescription(/The model server's CPU "four" is not a number of CPU cores such as 0.5, 1 or 500m/);
    expect(within(service).getByLabelText('CPU (cores)')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByTestId('where')).toBeNull();

    await user.clear(cpu);
    await user.type(cpu, '4');
    await user.clear(within(server).getByLabelText('Model server memory amount'));
    await user.type(within(server).getByLabelText('Model server memory amount'), '12');
    await user.click(within(server).getByRole('checkbox', { name: 'Model server: Use a GPU' }));
    await user.click(within(dialog).getByRole('button', { name: 'Review in the editor' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/services/new'));
    const prefill = readPrefill(JSON.parse(screen.getByTestId('state').textContent ?? 'null'));
    expect(prefill?.value.service).toMatchObject({ name: 'qwen-chat', cpu: '0.5', memory: '1Gi', kserve: { cpu: '4', memory: '12Gi', enable_gpu: true, type: 'llm_inference' } });
    expect(prefill?.template?.service.kserve).toMatchObject({ cpu: '2.0', memory: '6Gi' });
  });
});
