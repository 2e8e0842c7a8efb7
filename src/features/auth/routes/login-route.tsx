import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { clsx } from 'clsx';
import { DEMO_ENDPOINT, DEMO_PASSWORD, DEMO_USERNAME, isDemoEndpoint } from '../../../api/demo';
import { getSession } from '../../../lib/session/session';
import { safeNext } from '../../../lib/session/require-session';
import { queryClient } from '../../../lib/session/query-client';
import { Button } from '../../../components/button';
import { usePageTitle } from '../../../components/page-title';
import { loadAuthConfig, type OidcProvider } from '../auth-config';
import { LoginError, type LoginField } from '../check-cluster';
import { checkEndpoint } from '../endpoint';
import { startOidcLogin } from '../oidc';
import { loginWithPassword } from '../password-login';
import { listClusters } from '../recent-clusters';
import { clearFlash, peekFlash, type Flash } from '../session-end';
import { DemoUsers } from '../components/demo-users';
import { EndpointField } from '../components/endpoint-field';
import { ProviderList } from '../components/provider-list';
import { TextField } from '../components/text-field';
import { assetUrl, sameOriginEndpoint } from '../../../lib/deploy/mode';
import { legacyTarget } from '../../../lib/deploy/legacy-urls';
import { CommunityMark } from '../../../components/community-mark';
import { LegalLinks } from '../../../components/legal-links';

type Errors = Partial<Record<LoginField, string>>;

/** Already logged in and not choosing a cluster: nothing to do here. */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // The OSCAR Dashboard's hand-over (#/login?endpoint=…&process=EGI) arriving without a page load.
  if (url.searchParams.has('process')) throw redirect(legacyTarget(`#/login${url.search}`) ?? '/login');
  if (getSession() && !url.searchParams.has('endpoint')) throw redirect(safeNext(url.searchParams.get('next')));
  return null;
}

export function Component() {
  usePageTitle('Log in');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // Inside an OSCAR cluster the cluster is this page's own origin: no field, no demo.
  const [sameOrigin] = useState(sameOriginEndpoint);
  const [endpoint, setEndpoint] = useState(() => sameOrigin ?? params.get('endpoint') ?? listClusters()[0]?.endpoint ?? DEMO_ENDPOINT);
  const preferredProvider = params.get('provider');
  const [username, setUsername] = useState(DEMO_USERNAME);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [flash] = useState(peekFlash);
  const endpointRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);

  // A link that names a provider (the OSCAR Dashboard's `#/login?endpoint=…&process=EGI`, which its
  // OIDC buttons and OSCAR's docs use) starts that login on arrival, as the dashboard does; not when the
  // screen has something to say first (a cancelled login, an ended session), so it never loops.
  const authConfig = useQuery({ queryKey: ['auth', 'config'], queryFn: loadAuthConfig, staleTime: Infinity });
  const linkProvider = preferredProvider ? authConfig.data?.oidcProviders.find((p) => p.id === preferredProvider) : undefined;
  const unknownProvider = Boolean(preferredProvider && authConfig.data && !linkProvider);
  const autoStarted = useRef(false);
  useEffect(() => {
    if (autoStarted.current || !linkProvider || flash) return;
    autoStarted.current = true;
    chooseProvider(linkProvider);
    // chooseProvider reads the state of this first render, which is what the link gave.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkProvider, flash]);

  useEffect(() => {
    clearFlash();
    if (params.get('endpoint') === '') endpointRef.current?.focus();
    // Only on arrival: later edits of the address must not steal focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function fail(given: Errors) {
    // With no endpoint field, what is wrong with the cluster is said for the whole form.
    const errs: Errors = { ...given };
    if (sameOrigin && errs.endpoint) {
      errs.form = errs.endpoint;
      delete errs.endpoint;
    }
    setErrors(errs);
    const first = (['endpoint', 'username', 'password', 'form'] as const).find((f) => errs[f]);
    // After the DOM shows the error, so a screen reader reads it with the field.
    const refs = { endpoint: endpointRef, username: usernameRef, password: passwordRef, form: formErrorRef };
    if (first) requestAnimationFrame(() => refs[first].current?.focus());
  }

  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    setErrors({});
    try {
      await action();
      queryClient.clear();
      await navigate(next, { replace: true });
    } catch (e) {
      fail(e instanceof LoginError ? { [e.field]: e.message } : { form: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const ep = checkEndpoint(endpoint);
    const errs: Errors = {};
    if (!ep.ok) errs.endpoint = ep.error;
    if (!username.trim()) errs.username = 'Enter the user name. On OSCAR clusters it is usually oscar.';
    if (!password) errs.password = 'Enter the password of this user.';
    if (!ep.ok || errs.username || errs.password) return fail(errs);
    void run('password', () => loginWithPassword(ep.endpoint, username.trim(), password));
  }

  function loginToDemo() {
    setEndpoint(DEMO_ENDPOINT);
    setUsername(DEMO_USERNAME);
    setPassword('');
    void run('demo', () => loginWithPassword(DEMO_ENDPOINT, DEMO_USERNAME, DEMO_PASSWORD));
  }

  function chooseProvider(p: OidcProvider) {
    const ep = checkEndpoint(endpoint);
    if (!ep.ok) return fail({ endpoint: ep.error });
    setBusy(p.id);
    setErrors({});
    // On success the page leaves for the provider, so busy stays on until then.
    startOidcLogin(p, { endpoint: ep.endpoint, next }).catch((e: unknown) => {
      setBusy(null);
      fail({ form: e instanceof Error ? e.message : String(e) });
    });
  }

  const demo = !sameOrigin && isDemoEndpoint(endpoint.trim());
  return (
    <main className="flex min-h-full items-start justify-center px-4 py-10 sm:py-16">
      <div className="flex w-full max-w-md flex-col gap-6">
        <CommunityMark urls={[location.origin, sameOrigin ?? endpoint.trim()]} className="h-10 self-start" />
        <header className="flex items-center gap-3">
          <img src={assetUrl('favicon.svg')} alt="" className="size-10" />
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Log in to Lagoon</h1>
            <p className="text-sm text-muted">{sameOrigin ? `OSCAR cluster ${new URL(sameOrigin).host}` : 'A dashboard for OSCAR serverless clusters'}</p>
          </div>
        </header>

        <div ref={formErrorRef} tabIndex={-1} className="flex flex-col gap-2 outline-none empty:hidden">
          {flash && !errors.form && (
            <p role={flash.kind === 'info' ? 'status' : 'alert'} className={clsx('rounded-md border px-4 py-3 text-sm', FLASH_STYLE[flash.kind])}>
              {flash.message}
            </p>
          )}
          {errors.form && (
            <p role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-4 py-3 text-sm">
              {errors.form}
            </p>
          )}
        </div>

        <div className="flex flex-col gap-5 rounded-lg border border-line bg-surface p-6 shadow-sm">
          <form noValidate onSubmit={submit} className="flex flex-col gap-4">
            {!sameOrigin && <EndpointField ref={endpointRef} value={endpoint} onChange={setEndpoint} error={errors.endpoint} />}

            {demo && (
              <div className="flex flex-col items-start gap-2 rounded-md border border-accent/40 bg-accent-soft px-4 py-3 text-sm">
                <p>
                  <strong>This is the demo cluster.</strong> It runs inside this page with sample services; nothing is sent anywhere.
                  Log in as <kbd className="font-mono font-semibold">{DEMO_USERNAME}</kbd> with the password{' '}
                  <kbd className="font-mono font-semibold">{DEMO_PASSWORD}</kbd>, or in one click:
                </p>
                <DemoButton busy={busy === 'demo'} disabled={busy !== null} onClick={loginToDemo} />
                <DemoUsers />
              </div>
            )}

            <h2 className="mt-1 text-sm font-semibold">With the cluster&rsquo;s password</h2>
            <TextField
              ref={usernameRef}
              id="login-username"
              label="Username"
              autoComplete="username"
              spellCheck={false}
              value={username}
              onChange={setUsername}
              error={errors.username}
            />
            <TextField
              ref={passwordRef}
              id="login-password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
            />
            <Button type="submit" variant="primary" busy={busy === 'password'} disabled={busy !== null}>
              Log in
            </Button>
          </form>

          <div className="flex items-center gap-3 text-xs text-muted" aria-hidden="true">
            <span className="h-px flex-1 bg-line" />
            or
            <span className="h-px flex-1 bg-line" />
          </div>

          <section aria-labelledby="oidc-heading" className="flex flex-col gap-2">
            <h2 id="oidc-heading" className="text-sm font-semibold">
              With your identity provider
            </h2>
            <p className="text-xs text-muted">The cluster must trust the provider you choose.</p>
            {unknownProvider && (
              <p className="text-sm text-warn">
                The link asked for the identity provider “{preferredProvider}”, which this dashboard does not list. Choose one below.
              </p>
            )}
            <ProviderList busyId={busy} disabled={busy !== null} onChoose={chooseProvider} preferred={preferredProvider} />
          </section>
        </div>

        {!demo && !sameOrigin && (
          <p className="flex items-center justify-center gap-2 text-sm text-muted">
            No cluster at hand?
            <DemoButton busy={busy === 'demo'} disabled={busy !== null} onClick={loginToDemo} />
          </p>
        )}
        <footer className="flex items-center justify-between gap-3 text-xs text-muted">
          <span>
            Powered by{' '}
            <a href="https://oscar.grycap.net" target="_blank" rel="noreferrer" className="hover:text-fg hover:underline">
              OSCAR
            </a>
          </span>
          <LegalLinks />
        </footer>
      </div>
    </main>
  );
}

function DemoButton(props: { busy: boolean; disabled: boolean; onClick: () => void }) {
  return (
    <Button size="sm" {...props}>
      Use the demo cluster
    </Button>
  );
}

const FLASH_STYLE: Record<Flash['kind'], string> = {
  info: 'border-line bg-surface',
  warning: 'border-warn/50 bg-warn-soft',
  error: 'border-danger/50 bg-danger-soft',
};
