import { useQuery } from '@tanstack/react-query';
import { ButtonLink } from '../../../components/button-link';
import { ErrorState, Loading } from '../../../components/states';
import { historyQueries } from '../api/history';
import { HistoryTable } from './history-table';

/** This service's calls from this browser, newest first; opening one shows it in the answer panel. */
export function ServiceHistory({
  endpoint,
  service,
  selectedId,
}: {
  endpoint: string;
  service: string;
  selectedId: string | null;
}) {
  const list = useQuery(historyQueries.list(endpoint));
  if (list.isPending) return <Loading label="Loading the history…" />;
  if (list.isError)
    return (
      <ErrorState error={list.error} title="Could not read the history" onRetry={() => void list.refetch()} />
    );
  const calls = list.data.filter((c) => c.service === service);
  if (calls.length === 0)
    return <p className="text-sm text-muted">No calls to {service} from this browser yet.</p>;
  return (
    <div className="flex flex-col gap-2">
      <HistoryTable
        label={`Calls to ${service}, newest first`}
        calls={calls}
        selectedId={selectedId}
        linkFor={(c) => `?call=${encodeURIComponent(c.id)}`}
        className="max-h-80"
      />
      <div>
        <ButtonLink size="sm" to={`/invocations?service=${encodeURIComponent(service)}`}>
          Compare, replay or export these calls
        </ButtonLink>
      </div>
    </div>
  );
}
