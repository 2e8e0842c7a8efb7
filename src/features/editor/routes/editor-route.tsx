// /services/new and /services/:name/edit: the same editor, empty (or a duplicate) or loaded from the cluster.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../../api/errors';
import type { Service } from '../../../api/types';
import { useSession } from '../../../lib/session/session';
import { ButtonLink } from '../../../components/button-link';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { usePageTitle } from '../../../components/page-title';
import { editorQueries } from '../api/queries';
import { ServiceEditor } from '../components/service-editor';
import type { EditorSetup } from '../hooks/use-service-editor';
import { emptyValue, fromServer, type EditorValue } from '../lib/editor-value';
import { readPrefill } from '../../../lib/service-prefill/prefill';

export function Component() {
  const { name } = useParams();
  const session = useSession();
  const endpoint = session?.endpoint ?? '';
  return name ? <EditService key={name} name={name} endpoint={endpoint} /> : <CreateService endpoint={endpoint} />;
}

function CreateService({ endpoint }: { endpoint: string }) {
  const location = useLocation();
  // Taken once: changing the tab rewrites the URL, which drops the navigation state.
  const [setup] = useState<EditorSetup>(() => {
    const prefill = readPrefill(location.state);
    if (prefill) {
      return {
        mode: 'create',
        initial: prefill.value,
        baseline: prefill.template ?? null,
        baselineSecrets: null,
        server: {},
        origin: { label: prefill.source.label, href: prefill.source.href, afterCreate: prefill.afterCreate, review: prefill.review === true },
      };
    }
    const duplicate = (location.state as { duplicate?: EditorValue } | null)?.duplicate;
    return { mode: 'create', initial: duplicate ?? emptyValue(), baseline: null, baselineSecrets: null, server: {} };
  });
  return <ServiceEditor setup={setup} endpoint={endpoint} />;
}

function EditService({ name, endpoint }: { name: string; endpoint: string }) {
  const query = useQuery({ ...editorQueries.service(name), refetchOnWindowFocus: false });
  usePageTitle(`Edit ${name}`);
  if (query.isPending) return <Loading label={`Loading ${name}…`} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <EmptyState
          title={`There is no service called ${name}`}
          action={
            <div className="flex gap-2">
              <ButtonLink to="/services">Back to the services</ButtonLink>
              <ButtonLink to="/services/new" variant="primary">
                Create a service
              </ButtonLink>
            </div>
          }
        >
          It may have been deleted, or the link may be wrong.
        </EmptyState>
      );
    }
    return <ErrorState title={`Could not load ${name}`} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <LoadedEditor service={query.data} endpoint={endpoint} />;
}

function LoadedEditor({ service, endpoint }: { service: Service; endpoint: string }) {
  // The edit starts from the service as it was loaded; later refetches do not reset it.
  const setup = useMemo<EditorSetup>(() => {
    const { value, server } = fromServer(service);
    return {
      mode: 'update',
      initial: value,
      baseline: value,
      baselineSecrets: Object.keys(service.environment?.secrets ?? {}),
      server,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <ServiceEditor setup={setup} endpoint={endpoint} />;
}
