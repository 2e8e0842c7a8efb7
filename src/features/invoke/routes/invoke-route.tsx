import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { errorMessage, isApiError } from '../../../api/errors';
import { queryClient } from '../../../lib/session/query-client';
import { useSession } from '../../../lib/session/session';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { ButtonLink } from '../../../components/button-link';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { EmptyState } from '../../../components/states';
import { contentTypeFor } from '../lib/request';
import type { SnippetCall } from '../lib/snippets';
import { historyQueries, historyStore } from '../api/history';
import { formFromCall } from '../api/replay';
import type { PreparedCall } from '../api/send-call';
import { invokeServiceQuery } from '../api/service';
import { tokenFor, type TokenSources } from '../components/auth-picker';
import { InputPanel } from '../components/input-panel';
import { ResultPanel } from '../components/result-panel';
import { ServiceHistory } from '../components/service-history';
import { SnippetsPanel } from '../components/snippets-panel';
import { useInvokeForm, type InvokeForm } from '../hooks/use-invoke-form';
import { useInvoker } from '../hooks/use-invoker';
import { Name } from '../../../components/name';
import { readInvokePrefill } from '../../../lib/invoke-prefill/invoke-prefill';
import { DEFAULT_FORM, sha256Hex } from '../hooks/use-invoke-form';

export function loader({ params }: LoaderFunctionArgs) {
  if (params.name) void queryClient.prefetchQuery(invokeServiceQuery(params.name));
  return null;
}

function snippetCall(endpoint: string, service: string, form: InvokeForm): SnippetCall {
  const file = form.kind === 'file' ? form.file : null;
  return {
    endpoint,
    service,
    mode: form.mode,
    input: {
      kind: form.kind,
      base64: form.base64[form.kind],
      contentType: contentTypeFor({ kind: form.kind, base64: form.base64[form.kind], fileType: file?.type }),
      ...(form.kind === 'file'
        ? { fileName: file?.name ?? 'input.bin' }
        : { text: form.kind === 'json' ? form.json : form.text }),
    },
  };
}

export function Component() {
  const name = useParams().name ?? '';
  usePageTitle(`Invoke ${name}`);
  const session = useSession();
  const endpoint = session?.endpoint ?? '';
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const callId = params.get('call');
  const fromId = params.get('from');
  const service = useQuery(invokeServiceQuery(name));
  const { form, setForm, update, setBase64, json, prepared } = useInvokeForm();
  const invoker = useInvoker();
  const [formError, setFormError] = useState<string | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const [prefillSource, setPrefillSource] = useState<{ label: string; href: string } | null>(null);

  // "Try it" from elsewhere (a Hub crate) arrives with the sample input in the navigation state: fill the
  // form once, then drop the state so a reload or going back does not fill it again.
  useEffect(() => {
    const prefill = readInvokePrefill(location.state);
    if (!prefill) return;
    let stale = false;
    void (async () => {
      const { input } = prefill;
      const file =
        input.kind === 'file'
          ? { name: input.name, type: input.type, size: input.bytes.length, bytes: input.bytes, sha256: await sha256Hex(input.bytes) }
          : null;
      if (stale) return;
      setForm({
        ...DEFAULT_FORM,
        kind: input.kind,
        ...(input.kind === 'text' ? { text: input.text } : input.kind === 'json' ? { json: input.text } : { file }),
        mode: prefill.mode ?? DEFAULT_FORM.mode,
      });
      setPrefillSource(prefill.source ?? null);
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    })();
    return () => {
      stale = true;
    };
  }, [location.state, location.pathname, location.search, navigate, setForm]);

  // "Edit and replay" arrives with ?from=<call>: fill the form with that call, once.
  useEffect(() => {
    if (!fromId || !endpoint) return;
    let stale = false;
    void (async () => {
      const all = await qc.fetchQuery(historyQueries.list(endpoint));
      const call = all.find((c) => c.id === fromId);
      if (!call || stale) return;
      const filled = await formFromCall(call, await historyStore().body(endpoint, call.id));
      if (stale) return;
      setForm(filled);
      setParams(
        (p) => {
          p.delete('from');
          p.set('call', call.id);
          return p;
        },
        { replace: true },
      );
    })();
    return () => {
      stale = true;
    };
  }, [fromId, endpoint, qc, setForm, setParams]);

  const creds = session?.credentials;
  const sources: TokenSources = {
    serviceToken: service.data ? (service.data.token ?? '') : service.isError ? '' : undefined,
    serviceTokenError: service.isError
      ? `The service could not be loaded: ${errorMessage(service.error)}`
      : null,
    oidcToken: session?.method === 'oidc' && creds?.kind === 'bearer' ? creds.token : null,
  };

  const send = async () => {
    setFormError(null);
    if (!prepared.ok && !prepared.record) return setFormError(prepared.reason);
    // Sent before the service (and its token) finished loading: wait for it rather than refuse.
    const svc =
      form.auth === 'service' && !service.data
        ? await qc.fetchQuery(invokeServiceQuery(name)).catch(() => null)
        : service.data;
    const token = tokenFor(
      form.auth,
      { ...sources, serviceToken: svc?.token ?? sources.serviceToken },
      form.pastedToken,
    );
    if (prepared.ok && !token) {
      return setFormError(
        form.auth === 'pasted'
          ? 'Paste a token first.'
          : 'There is no token to send with this choice: pick another token.',
      );
    }
    const call: PreparedCall = {
      endpoint,
      service: name,
      mode: form.mode,
      auth: form.auth,
      token: token ?? '',
      input: prepared.input,
      ...(prepared.ok && prepared.sha256 ? { sha256: prepared.sha256 } : {}),
      ...(!prepared.ok && form.file && form.kind === 'file' ? { sha256: form.file.sha256 } : {}),
      timeoutMs: form.timeoutSeconds * 1000,
    };
    const result = prepared.ok ? await invoker.send(call) : await invoker.refuse(call, prepared.reason);
    setParams(
      (p) => {
        p.set('call', result.summary.id);
        return p;
      },
      { replace: true },
    );
  };

  if (service.isError && isApiError(service.error) && service.error.status === 404) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        <Breadcrumbs items={[{ label: 'Services', to: '/services' }, { label: name }]} />
        <h1 className="sr-only">
          Invoke <Name value={name} />
        </h1>
        <EmptyState
          title={`No service named ${name}`}
          action={<ButtonLink to="/services">Back to services</ButtonLink>}
        >
          There is no such service on this cluster, or you are not allowed to see it.
        </EmptyState>
      </div>
    );
  }

  const busy = invoker.state.phase === 'sending';
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <Breadcrumbs
        items={[
          { label: 'Services', to: '/services' },
          { label: name, to: `/services/${encodeURIComponent(name)}` },
          { label: 'Invoke' },
        ]}
      />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold break-all">
          Invoke{' '}
          <Link
            to={`/services/${encodeURIComponent(name)}`}
            className="text-accent underline-offset-4 hover:underline"
          >
            <Name value={name} />
          </Link>
        </h1>
        <div className="flex gap-2">
          <ButtonLink size="sm" to={`/services/${encodeURIComponent(name)}`}>
            Service details
          </ButtonLink>
          <ButtonLink size="sm" to={`/jobs?service=${encodeURIComponent(name)}`}>
            Jobs
          </ButtonLink>
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <Section title="Input">
          {prefillSource && (
            <p className="mb-3 text-sm text-muted" role="status">
              The sample input of{' '}
              <Link to={prefillSource.href} className="text-accent underline-offset-4 hover:underline">
                <Name value={prefillSource.label} />
              </Link>{' '}
              is in place: send it as it is, or change it first.
            </p>
          )}
          <InputPanel
            service={name}
            form={form}
            update={update}
            setBase64={setBase64}
            json={json}
            sources={sources}
            busy={busy}
            formError={formError}
            onSend={() => void send()}
            onCancel={invoker.cancel}
          />
        </Section>
        <Section title="Answer" className="min-w-0">
          <ResultPanel endpoint={endpoint} state={invoker.state} callId={callId} onCancel={invoker.cancel} />
        </Section>
      </div>
      <Section
        title="Snippets"
        description="This input as a curl, Python or oscar-cli command. The token is read from $OSCAR_TOKEN."
      >
        <SnippetsPanel call={snippetCall(endpoint, name, form)} />
      </Section>
      <Section title="Recent calls" description="Kept in this browser, for this cluster.">
        <ServiceHistory endpoint={endpoint} service={name} selectedId={callId} />
      </Section>
    </div>
  );
}
