// The VO is a choice among the cluster's oidc_groups that the user's entitlements allow (PARITY F1),
// typed only when none match; the demo cluster answers /system/config.
import { useEffect, useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeJwt } from '../../../../../mocks/auth';
import { DEMO_OIDC_ISSUER, DEMO_OIDC_USERS } from '../../../../api/demo';
import type { Service } from '../../../../api/types';
import { setSession } from '../../../../lib/session/session';
import { serveDemoCluster } from '../../../../test/demo';
import { renderWithQueryClient } from '../../../../test/render';
import { signIn, TEST_ENDPOINT } from '../../../../test/session';
import { setIn } from '../../lib/editor-value';
import { AccessSection } from './access-section';
import { FormContext } from './form-context';

const demo = serveDemoCluster(TEST_ENDPOINT, () => signIn());

/** The form's service as the fields last set it (the test reads the value, not the DOM, for `vo`). */
const seen: { service: Service } = { service: {} as Service };
function Host({ initial }: { initial: Partial<Service> }) {
  const [service, setService] = useState(initial as Service);
  useEffect(() => {
    seen.service = service;
  }, [service]);
  return (
    <FormContext
      value={{
        service,
        setField: (path, value) => setService((s) => setIn(s, path, value) as Service),
        issues: { errors: new Map(), warnings: new Map(), list: [], shown: [] },
        readOnly: false,
        mode: 'create',
        baselineSecrets: null,
      }}
    >
      <AccessSection />
    </FormContext>
  );
}

function signInAs(who: 'ana' | 'marco' | 'outsider') {
  const u =
    who === 'outsider'
      ? { sub: 'outsider@egi.eu', name: 'Out Sider', eduperson_entitlement: ['urn:mace:egi.eu:group:vo.elsewhere.eu:role=member#aai.egi.eu'] }
      : DEMO_OIDC_USERS[who];
  const token = makeJwt({ iss: DEMO_OIDC_ISSUER, sub: u.sub, name: u.name }, demo.cluster.now());
  setSession({
    endpoint: TEST_ENDPOINT,
    method: 'oidc',
    user: { name: u.name, sub: u.sub, entitlements: [...u.eduperson_entitlement] },
    credentials: { kind: 'bearer', token },
  });
}

async function openSection(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /Visibility and isolation/ }));
}

describe('the editor’s VO', () => {
  it('offers an OIDC user only the cluster’s VOs their entitlements allow, and sets the one chosen', async () => {
    signInAs('ana');
    const user = userEvent.setup();
    renderWithQueryClient(<Host initial={{ name: 'x' }} />);
    await openSection(user);
    const vo = await screen.findByRole('combobox', { name: 'Virtual organisation' });
    expect(within(vo).getAllByRole('option').map((o) => o.textContent)).toEqual(['None (the cluster decides)', 'vo.ai4eosc.eu', 'vo.imagine-ai.eu']);
    expect(vo).toHaveAccessibleDescription('The VOs this cluster accepts that your login makes you a member of.');
    await user.selectOptions(vo, 'vo.imagine-ai.eu');
    await waitFor(() => expect(seen.service.vo).toBe('vo.imagine-ai.eu'));
  });

  it('keeps a VO the user is not a member of (from an import) and says the cluster will refuse it', async () => {
    signInAs('marco');
    const user = userEvent.setup();
    renderWithQueryClient(<Host initial={{ name: 'x', vo: 'vo.ai4eosc.eu', visibility: 'public' }} />);
    const vo = await screen.findByRole('combobox', { name: 'Virtual organisation' });
    expect(vo).toHaveValue('vo.ai4eosc.eu');
    expect(screen.getByText(/does not make you a member of vo\.ai4eosc\.eu on this cluster: choose one of dev\.intertwin\.eu/)).toBeInTheDocument();
    await user.selectOptions(vo, 'dev.intertwin.eu');
    expect(screen.queryByText(/does not make you a member/)).toBeNull();
  });

  it('lets a user none of whose VOs the cluster accepts type one, saying why', async () => {
    signInAs('outsider');
    const user = userEvent.setup();
    renderWithQueryClient(<Host initial={{ name: 'x' }} />);
    await openSection(user);
    // A text input with suggestions (a datalist), so its role is combobox; it takes any text.
    const vo = await screen.findByRole('combobox', { name: 'Virtual organisation' });
    expect(vo.tagName).toBe('INPUT');
    await waitFor(() => expect(vo).toHaveAccessibleDescription(/None of this cluster’s VOs \(vo\.ai4eosc\.eu, vo\.imagine-ai\.eu, dev\.intertwin\.eu\) is among yours \(vo\.elsewhere\.eu\)/));
    await user.type(vo, 'vo.elsewhere.eu');
    await waitFor(() => expect(seen.service.vo).toBe('vo.elsewhere.eu'));
  });

  it('the Basic admin types the VO, with the cluster’s VOs suggested', async () => {
    const user = userEvent.setup();
    renderWithQueryClient(<Host initial={{ name: 'x' }} />);
    await openSection(user);
    const vo = await screen.findByRole('combobox', { name: 'Virtual organisation' });
    expect(vo.tagName).toBe('INPUT');
    const list = document.getElementById(vo.getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual(['vo.ai4eosc.eu', 'vo.imagine-ai.eu', 'dev.intertwin.eu']);
  });
});
