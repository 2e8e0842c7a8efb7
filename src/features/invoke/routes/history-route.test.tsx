import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InputSpec } from '../lib/request';
import { newCallId, type CallSummary } from '../lib/history';
import { performCall } from '../api/send-call';
import { BASE, renderInvoke, serviceCall, setUpInvokeTests, tokenOf } from '../test/helpers';

const invoke = setUpInvokeTests();

async function made(service: string, text: string, extra: Partial<Parameters<typeof performCall>[0]> = {}) {
  const input: InputSpec = { kind: 'text', text, base64: false };
  const r = await performCall(serviceCall(service, input, { timeoutMs: 5000, ...extra }));
  await invoke.store.add(r.summary, r.body);
  return r.summary;
}

const location = () => screen.getByTestId('location').textContent ?? '';
const table = () => screen.getByRole('table', { name: 'Invocations, newest first' });
const rows = () => within(table()).getAllByRole('row').slice(1);

describe('the invocation history', () => {
  it('lists calls newest first, filters by service and status in the URL, and opens one', async () => {
    const user = userEvent.setup();
    await made('cowsay', 'first');
    await made('cowsay', 'bad', { token: 'wrong' });
    const last = await made('plant-classification-sync', 'leaf');
    renderInvoke('/invocations');
    await screen.findByRole('heading', { name: 'Invocations' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]).toHaveTextContent('plant-classification-sync');
    expect(rows()[1]).toHaveTextContent('401 Unauthorized');
    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    expect(location()).toBe('/invocations?status=failed');
    expect(rows()).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Status'), '');
    await user.selectOptions(screen.getByLabelText('Service'), 'cowsay');
    expect(location()).toBe('/invocations?service=cowsay');
    expect(rows()).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Service'), '');
    await user.click(within(rows()[0]!).getAllByRole('link')[0]!);
    expect(location()).toBe(`/invocations?call=${last.id}`);
    const detail = await screen.findByRole('region', { name: 'Call to plant-classification-sync' });
    const tree = await within(detail).findByRole('group', { name: 'The answer as a JSON tree' });
    // Folded below the first level (the keyboard opens the same summaries: see e2e/invoke.spec.ts).
    const species =
      /"(Quercus ilex|Olea europaea|Pinus halepensis|Rosmarinus officinalis|Lavandula angustifolia|Ceratonia siliqua|Pistacia lentiscus)"/;
    expect(within(tree).queryAllByText(species)).toHaveLength(0);
    await user.click(within(tree).getByText('predictions:'));
    await user.click(within(tree).getByText('labels:'));
    expect(within(tree).getAllByText(species)).toHaveLength(5);
  });

  it('replays a call as it was and shows the new answer', async () => {
    const user = userEvent.setup();
    const c = await made('cowsay', 'again and again');
    renderInvoke(`/invocations?call=${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Replay' }));
    await waitFor(async () => expect(await invoke.store.list(BASE)).toHaveLength(2));
    const [replayed] = await invoke.store.list(BASE);
    expect(replayed).toMatchObject({
      replayOf: c.id,
      service: 'cowsay',
      outcome: 'ok',
      input: { preview: 'again and again' },
    });
    await waitFor(() => expect(location()).toBe(`/invocations?call=${replayed!.id}`));
    expect(await screen.findByText(/< again and again >/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit and replay' })).toBeInTheDocument();
  });

  it('sends "edit and replay" to the invoke page with the input filled in', async () => {
    const user = userEvent.setup();
    const c = await made('cowsay', 'edit me');
    renderInvoke(`/invocations?call=${c.id}`);
    await user.click(await screen.findByRole('link', { name: 'Edit and replay' }));
    expect(await screen.findByLabelText('Text to send')).toHaveValue('edit me');
    await waitFor(() => expect(location()).toBe(`/services/cowsay/invoke?call=${c.id}`));
  });

  it('compares two text answers line by line', async () => {
    const user = userEvent.setup();
    await made('cowsay', 'moo');
    await made('cowsay', 'baa');
    renderInvoke('/invocations');
    await waitFor(() => expect(rows()).toHaveLength(2));
    for (const r of rows()) await user.click(within(r).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Compare the two selected' }));
    expect(location()).toMatch(/compare=/);
    const diff = await screen.findByRole('region', { name: 'Line by line comparison' });
    expect(within(diff).getByText('< moo >')).toBeInTheDocument();
    expect(within(diff).getByText('< baa >')).toBeInTheDocument();
    expect(screen.getByText(/^1 difference\./)).toBeInTheDocument();
  });

  it('deletes some calls, then all, after confirming', async () => {
    const user = userEvent.setup();
    for (const t of ['a', 'b', 'c']) await made('cowsay', t);
    renderInvoke('/invocations');
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[0]!).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Delete 1 selected' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect((await invoke.store.list(BASE)).map((c) => c.input.preview)).toEqual(['b', 'a']);
    await user.click(screen.getByRole('button', { name: 'Delete all…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('heading', { name: 'No calls yet' })).toBeInTheDocument();
    expect(await invoke.store.list(BASE)).toEqual([]);
  });

  it('exports the calls shown as JSON, without tokens', async () => {
    const user = userEvent.setup();
    await made('cowsay', 'export me');
    let exported: Blob | null = null;
    vi.mocked(URL.createObjectURL).mockImplementation((b) => {
      exported = b as Blob;
      return 'blob:x';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderInvoke('/invocations');
    await user.click(await screen.findByRole('button', { name: 'Export 1 shown as JSON' }));
    await waitFor(() => expect(exported).not.toBeNull());
    const doc = JSON.parse(await exported!.text()) as {
      calls: { service: string; inputBody: { data: string } }[];
    };
    expect(doc.calls[0]).toMatchObject({ service: 'cowsay', inputBody: { data: 'export me' } });
    expect(JSON.stringify(doc)).not.toContain(tokenOf('cowsay'));
  });

  it('renders only a window of a 5,000-call history', async () => {
    const t = Date.UTC(2025, 0, 1);
    const summary = (i: number): CallSummary => ({
      id: newCallId(t + i * 1000),
      endpoint: BASE,
      service: `svc-${i % 5}`,
      at: t + i * 1000,
      mode: 'sync',
      auth: 'service',
      input: { kind: 'text', base64: false, size: 3, contentType: 'text/plain', preview: `n${i}` },
      outcome: i % 10 === 0 ? 'failed' : 'ok',
      status: i % 10 === 0 ? 500 : 200,
      durationMs: 100,
    });
    for (let i = 0; i < 5000; i++) await invoke.store.add(summary(i), {});
    renderInvoke('/invocations');
    expect(await screen.findByText('5000 calls')).toBeInTheDocument();
    expect(table()).toHaveAttribute('aria-rowcount', '5001');
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]).toHaveTextContent('n4999');
  });
});
