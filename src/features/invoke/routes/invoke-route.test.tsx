import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setSession } from '../../../lib/session/session';
import { invokePrefillState } from '../../../lib/invoke-prefill/invoke-prefill';
import { BASE, renderInvoke, setUpInvokeTests } from '../test/helpers';

const invoke = setUpInvokeTests();

const answer = () => screen.getByRole('region', { name: 'Answer' });
const location = () => screen.getByTestId('location').textContent ?? '';

describe('the invoke page', () => {
  it('opens with an input handed over in navigation state (the Hub\'s "Try it"), once, and sends it', async () => {
    const user = userEvent.setup();
    const { router } = renderInvoke('/invocations');
    await act(() =>
      router.navigate('/services/cowsay/invoke', {
        state: invokePrefillState({
          input: { kind: 'json', text: '{"message": "Hello there. Mootastic!"}' },
          source: { label: 'Hub: Cowsay', href: '/hub/cowsay' },
        }),
      }),
    );
    const box = await screen.findByLabelText('JSON to send');
    expect(box).toHaveValue('{"message": "Hello there. Mootastic!"}');
    expect(screen.getByRole('link', { name: 'Hub: Cowsay' })).toHaveAttribute('href', '/hub/cowsay');
    // The state is dropped once read: nothing in the URL, and it does not come back.
    await waitFor(() => expect(router.state.location.state).toBeNull());
    expect(location()).toBe('/services/cowsay/invoke');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(answer()).findByText(/< Hello there. Mootastic! >/)).toBeInTheDocument();
    expect((await invoke.store.list(BASE))[0]).toMatchObject({ service: 'cowsay', outcome: 'ok', input: { kind: 'json' } });
  });

  it('opens with a sample file in place, ready to send', async () => {
    const { router } = renderInvoke('/invocations');
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    await act(() =>
      router.navigate('/services/grayify/invoke', {
        state: invokePrefillState({ input: { kind: 'file', name: 'input.png', type: 'image/png', bytes }, mode: 'async' }),
      }),
    );
    expect(await screen.findByText('input.png')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'File' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Async (start a job)' })).toBeChecked();
  });

  it('sends text with Ctrl+Enter, shows the answer and keeps the call in the history', async () => {
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    expect(await screen.findByRole('heading', { name: 'Invoke cowsay' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('heading', { level: 1 })).getByRole('link', { name: 'cowsay' }),
    ).toHaveAttribute('href', '/services/cowsay');
    await screen.findByRole('button', { name: /Reveal token of cowsay/ });
    await user.type(screen.getByLabelText('Text to send'), 'Hello from a test{Control>}{Enter}{/Control}');
    expect(await within(answer()).findByText(/< Hello from a test >/)).toBeInTheDocument();
    expect(within(answer()).getByText('200 OK')).toBeInTheDocument();
    const calls = await invoke.store.list(BASE);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      service: 'cowsay',
      outcome: 'ok',
      status: 200,
      input: { kind: 'text', preview: 'Hello from a test' },
    });
    await waitFor(() => expect(location()).toBe(`/services/cowsay/invoke?call=${calls[0]!.id}`));
    expect(await screen.findByRole('table', { name: 'Calls to cowsay, newest first' })).toBeInTheDocument();
  });

  it('checks JSON as it is typed and keeps an invalid one as a failure that was not sent', async () => {
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    await user.click(await screen.findByRole('radio', { name: 'JSON' }));
    const box = screen.getByLabelText('JSON to send');
    await user.clear(box);
    await user.type(box, '{{"message": "moo",{enter}  oops}');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/^Line 2, column 3: Expected a property name/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await within(answer()).findByText(/^Not sent: the JSON is not valid at line 2, column 3/),
    ).toBeInTheDocument();
    const [c] = await invoke.store.list(BASE);
    expect(c).toMatchObject({ outcome: 'failed', input: { kind: 'json' } });
    expect(c!.status).toBeUndefined();
  });

  it('says which token was refused when a pasted one is wrong, without ending the session', async () => {
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    await user.click(await screen.findByRole('radio', { name: 'A token I paste' }));
    await user.type(screen.getByLabelText('Pasted token'), 'not-a-token');
    await user.type(screen.getByLabelText('Text to send'), 'x');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await within(answer()).findByText(
        "The cluster refused the pasted token for 'cowsay' (401): Invalid token",
      ),
    ).toBeInTheDocument();
    expect(
      within(answer()).getByText(/neither this service’s token nor a valid OIDC access token/),
    ).toBeInTheDocument();
  });

  it('uses the OIDC token of the session when asked', async () => {
    setSession({
      endpoint: BASE,
      method: 'oidc',
      user: { name: 'Ana' },
      credentials: { kind: 'bearer', token: 'expired.jwt.value' },
    });
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    await user.click(await screen.findByRole('radio', { name: 'My OIDC token' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await within(answer()).findByText(/^The cluster refused your OIDC token for 'cowsay' \(401\)/),
    ).toBeInTheDocument();
  });

  it('starts a job with an async call and points at it', async () => {
    const user = userEvent.setup();
    const before = new Set(invoke.cluster.jobsOf('cowsay').keys());
    renderInvoke('/services/cowsay/invoke');
    await user.click(await screen.findByRole('radio', { name: 'Async (start a job)' }));
    await user.type(screen.getByLabelText('Text to send'), 'to a job');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await within(answer()).findByText(/The job was started \(the cluster answered 201 with no body\)/),
    ).toBeInTheDocument();
    const created = [...invoke.cluster.jobsOf('cowsay').keys()].find((n) => !before.has(n))!;
    const link = await within(answer()).findByRole('link', { name: created });
    expect(link).toHaveAttribute('href', `/jobs/cowsay/${created}`);
    expect(within(answer()).getByRole('link', { name: 'See the jobs of cowsay' })).toHaveAttribute(
      'href',
      '/jobs?service=cowsay',
    );
    await waitFor(async () =>
      expect((await invoke.store.list(BASE))[0]).toMatchObject({ mode: 'async', status: 201, job: created }),
    );
  });

  it('refuses an empty file and records it as a failure', async () => {
    const user = userEvent.setup();
    renderInvoke('/services/grayify/invoke');
    await user.click(await screen.findByRole('radio', { name: 'File' }));
    expect(screen.getByRole('checkbox', { name: /Send base64-encoded/ })).toBeChecked();
    await user.upload(screen.getByTestId('file-input'), new File([], 'empty.png', { type: 'image/png' }));
    expect(await screen.findByText('empty.png')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await within(answer()).findByText('Not sent: the file empty.png is empty (0 bytes).'),
    ).toBeInTheDocument();
    expect((await invoke.store.list(BASE))[0]).toMatchObject({
      outcome: 'failed',
      input: { kind: 'file', name: 'empty.png', size: 0 },
    });
  });

  it('shows snippets for the current input with the token as $OSCAR_TOKEN', async () => {
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    await user.type(await screen.findByLabelText('Text to send'), 'snip');
    const snippet = screen.getByRole('region', { name: 'curl snippet' });
    expect(snippet).toHaveTextContent(`printf '%s' snip | curl -sS -X POST ${BASE}/run/cowsay`);
    expect(snippet).toHaveTextContent('Authorization: Bearer $OSCAR_TOKEN');
    await user.click(screen.getByRole('radio', { name: 'Python' }));
    expect(screen.getByRole('region', { name: 'Python snippet' })).toHaveTextContent(
      'os.environ["OSCAR_TOKEN"]',
    );
    expect(document.body.textContent).not.toContain(invoke.cluster.services.get('cowsay')!.token!);
  });

  it('calls a 200 answer with an HTML body 200 OK, with a calm note that it is shown as text', async () => {
    invoke.server.use(
      http.post(`${BASE}/run/cowsay`, () =>
        HttpResponse.text('<!DOCTYPE html><html><body><h1>Report</h1><script>x()</script></body></html>', {
          headers: { 'content-type': 'text/html' },
        }),
      ),
    );
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    await user.type(await screen.findByLabelText('Text to send'), 'page');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(answer()).findByText(/<h1>Report<\/h1>/)).toBeInTheDocument();
    expect(within(answer()).getByText('200 OK')).toBeInTheDocument();
    expect(within(answer()).queryByText(/failed/)).toBeNull();
    expect(within(answer()).queryByRole('alert')).toBeNull();
    expect(within(answer()).getByText(/shown as text and never run/)).toBeInTheDocument();
    await waitFor(async () => expect((await invoke.store.list(BASE))[0]).toMatchObject({ status: 200, outcome: 'ok' }));
  });

  it('names the choice between a JSON tree and the bytes as received in plain words', async () => {
    invoke.server.use(
      http.post(`${BASE}/run/cowsay`, () => HttpResponse.json({ label: 'cat', score: 0.9 })),
    );
    const user = userEvent.setup();
    renderInvoke('/services/cowsay/invoke');
    await user.type(await screen.findByLabelText('Text to send'), 'json');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(answer()).findByRole('group', { name: 'How to show the answer' })).toBeInTheDocument();
  });
});
