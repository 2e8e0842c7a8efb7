import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import type { CallBody, CallSummary } from '../lib/history';
import { formatBytes } from '../../../lib/units/quantity';
import { historyQueries } from '../api/history';
import { snippetCallFromSummary } from '../api/replay';
import type { AnswerSource } from './answer-source';
import { CallView } from './call-view';
import { SnippetsPanel } from './snippets-panel';
import { TextBlock } from './text-block';
import { Name } from '../../../components/name';

export function storedSource(c: CallSummary, body: CallBody | null | undefined): AnswerSource | undefined {
  if (!c.answer || !body?.answer) return undefined;
  return {
    bytes: body.answer,
    complete: c.answer.stored === 'full',
    size: c.answer.size,
    contentType: c.answer.contentType ?? '',
    headers: body.headers ?? [],
  };
}

function StoredInput({ call, body }: { call: CallSummary; body: CallBody | null | undefined }) {
  if (call.input.kind === 'file') {
    return (
      <p className="text-sm">
        <span className="font-medium break-all">
          <Name value={call.input.name ?? ''} />
        </span> · {formatBytes(call.input.size)}
        {call.input.type ? ` · ${call.input.type}` : ''}
        {body?.inputTruncated ? ' · too large to keep, so not stored' : ''}
      </p>
    );
  }
  const text = typeof body?.input === 'string' ? body.input : (call.input.preview ?? '');
  return (
    <>
      <TextBlock text={text || ' '} label="Input of the call" className="max-h-48" />
      {body?.inputTruncated && <p className="text-xs text-muted">Only the start of this input was kept.</p>}
    </>
  );
}

/** A call from the history with its input, answer and snippets; `actions` gets the loaded body. */
export function StoredCall({
  call,
  actions,
}: {
  call: CallSummary;
  actions?: (body: CallBody | null) => ReactNode;
}) {
  const body = useQuery(historyQueries.body(call.endpoint, call.id));
  if (body.isPending) return <Loading label="Loading the call…" />;
  if (body.isError)
    return (
      <ErrorState
        error={body.error}
        title="Could not read the call from this browser’s storage"
        onRetry={() => void body.refetch()}
      />
    );
  return (
    <div className="flex flex-col gap-5">
      {actions && <div className="flex flex-wrap gap-2">{actions(body.data)}</div>}
      <CallView call={call} source={storedSource(call, body.data)} />
      {call.answer && !body.data?.answer && (
        <EmptyState title="The answer was not kept">It was not stored in this browser.</EmptyState>
      )}
      {call.answer?.stored === 'preview' && (
        <p className="text-xs text-muted">
          Only the start of this {formatBytes(call.answer.size)} answer was kept (see the size limit in the
          history’s settings).
        </p>
      )}
      <section aria-label="Input" className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Input</h3>
        <StoredInput call={call} body={body.data} />
      </section>
      <section aria-label="Snippets" className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">The same call from a terminal or a script</h3>
        <SnippetsPanel call={snippetCallFromSummary(call, body.data)} />
      </section>
    </div>
  );
}
