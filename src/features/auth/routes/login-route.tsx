import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { clientFor } from '../../../api/client';
import { normalizeEndpoint, type Credentials } from '../../../api/connection';
import { DEMO_ENDPOINT, DEMO_PASSWORD, DEMO_USERNAME } from '../../../api/demo';
import { errorMessage } from '../../../api/errors';
import { setSession } from '../../../app/session';
import { safeNext } from '../../../app/require-session';
import { Button } from '../../../components/button';
import { usePageTitle } from '../../../components/page-title';

export function Component() {
  usePageTitle('Log in');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [endpoint, setEndpoint] = useState(DEMO_ENDPOINT);
  const [username, setUsername] = useState(DEMO_USERNAME);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    const ep = normalizeEndpoint(endpoint);
    const credentials: Credentials = { kind: 'basic', username, password };
    try {
      await clientFor({ endpoint: ep, credentials }).GET('/system/info');
      setSession({ endpoint: ep, method: 'basic', user: { name: username }, credentials });
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto mt-16 max-w-md rounded-lg border border-line bg-surface p-6">
      <h1 className="mb-4 text-2xl font-semibold">Log in to Lagoon</h1>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm">
          Cluster endpoint
          <input className="rounded border border-line bg-canvas px-2 py-1.5" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Username
          <input className="rounded border border-line bg-canvas px-2 py-1.5" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Password
          <input type="password" className="rounded border border-line bg-canvas px-2 py-1.5" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        <p className="text-sm text-muted">Demo cluster: user {DEMO_USERNAME}, password {DEMO_PASSWORD}</p>
        {error && <p role="alert" className="text-sm text-danger">{error}</p>}
        <Button type="submit" variant="primary" busy={busy}>Log in</Button>
      </form>
    </main>
  );
}
