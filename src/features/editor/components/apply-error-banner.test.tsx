import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { QuotaResponse } from '../../../api/types';
import { ApiError } from '../../../api/errors';
import { setSession } from '../../../lib/session/session';
import { serveDuringTests } from '../../../test/msw';
import { renderRoutes } from '../../../test/render';
import { TEST_ENDPOINT as BASE, signIn } from '../../../test/session';
import { placeServerError } from '../lib/server-error';
import { ApplyErrorBanner } from './apply-error-banner';

const quota: QuotaResponse = {
  user_id: 'ana@egi.eu',
  resources: { cpu: { max: 8000, used: 6000 }, memory: { max: 16 * 1024 ** 3, used: 4 * 1024 ** 3 } },
  minio: { buckets: { max: 5, used: 5 } },
  volumes: { volumes: { max: '3', used: '1' } },
};
let quotaAsked = 0;
serveDuringTests(
  http.get(`${BASE}/system/quotas/user`, () => {
    quotaAsked++;
    return HttpResponse.json(quota);
  }),
);

const REFUSAL = 'Bucket quota exceeded: the service needs a new bucket ("juno-x"), and you have 5 of at most 5 buckets';

function renderBanner(error: Error) {
  const placed = placeServerError(error, 'create', 'juno-x');
  renderRoutes([{ path: '/services/new', element: <ApplyErrorBanner error={placed} onDismiss={() => {}} /> }], { url: '/services/new' });
  return screen.getByRole('alert');
}

beforeEach(() => {
  quotaAsked = 0;
});

describe('ApplyErrorBanner', () => {
  it('explains a quota refusal with the user’s own limits and a link to the quotas page', async () => {
    setSession({ endpoint: BASE, method: 'oidc', user: { name: 'Ana', sub: 'ana@egi.eu' }, credentials: { kind: 'bearer', token: 'a.b.c' } });
    const alert = renderBanner(new ApiError(400, REFUSAL));
    expect(within(alert).getByRole('heading', { name: 'Over your quota (HTTP 400)' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(REFUSAL);
    const limits = await within(alert).findByRole('list', { name: 'Your limits' });
    expect(within(limits).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Buckets: 5 of 5 used · 0 left',
      'CPU: 6 cores of 8 cores used · 2 cores left',
      'Memory: 4 GiB of 16 GiB used · 12 GiB left',
      'Volumes: 1 of 3 used · 2 left',
    ]);
    expect(within(alert).getByRole('link', { name: 'your quotas page' })).toHaveAttribute('href', '/quotas');
    expect(alert).toHaveTextContent('Your changes are kept here and in your draft');
  });

  it('links a Basic login to the quotas page without asking for a quota it cannot read', () => {
    signIn();
    const alert = renderBanner(new ApiError(400, REFUSAL));
    expect(within(alert).getByRole('heading', { name: 'Over your quota (HTTP 400)' })).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'the quotas page' })).toHaveAttribute('href', '/quotas');
    expect(within(alert).queryByRole('list')).toBeNull();
    expect(quotaAsked).toBe(0);
  });

  it('shows a plain 400 in the server’s words, with no quota talk', () => {
    signIn();
    const alert = renderBanner(new ApiError(400, "The service specification is not valid: 'input' must be a list"));
    expect(within(alert).getByRole('heading', { name: 'The cluster refused the service (HTTP 400)' })).toBeInTheDocument();
    expect(alert).toHaveTextContent("The service specification is not valid: 'input' must be a list");
    expect(within(alert).queryByRole('link')).toBeNull();
    expect(quotaAsked).toBe(0);
  });
});
