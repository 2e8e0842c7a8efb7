import { useQuery } from '@tanstack/react-query';
import { ErrorState, Loading } from '../../../components/states';
import { historyQueries } from '../api/history';
import type { InvokerState } from '../hooks/use-invoker';
import { CallProgress } from './call-progress';
import { CallView } from './call-view';
import { StoredCall } from './stored-call';

/** The answer side of the invoke page: the call in flight, the call just made, or one picked from the history. */
export function ResultPanel({
  endpoint,
  state,
  callId,
  onCancel,
}: {
  endpoint: string;
  state: InvokerState;
  callId: string | null;
  onCancel: () => void;
}) {
  const list = useQuery({ ...historyQueries.list(endpoint), enabled: callId !== null });
  if (state.phase === 'sending') return <CallProgress {...state} onCancel={onCancel} />;
  if (state.phase === 'done' && (callId === null || callId === state.result.summary.id)) {
    const r = state.result;
    return (
      <CallView
        call={r.summary}
        source={r.answer}
        why={r.why}
        job={state.job}
        lookingForJob={state.lookingForJob ?? false}
        live
      />
    );
  }
  if (callId) {
    if (list.isPending) return <Loading label="Loading the call…" />;
    if (list.isError) return <ErrorState error={list.error} title="Could not read the history" />;
    const call = list.data.find((c) => c.id === callId);
    if (!call) return <p className="text-sm text-muted">That call is no longer in the history.</p>;
    return <StoredCall call={call} />;
  }
  return (
    <p className="text-sm text-muted">
      Send a call and its answer shows here: text, JSON, images, audio, video, PDFs and archives are shown as
      what they are.
    </p>
  );
}
