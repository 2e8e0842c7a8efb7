import { Link } from 'react-router';
import { FieldList } from '../../../components/field-list';
import { secondsText } from '../lib/errors';
import type { CallSummary } from '../lib/history';
import { formatBytes } from '../../../lib/units/quantity';
import type { FoundJob } from '../api/find-job';
import type { AnswerSource } from './answer-source';
import { AnswerView } from './answer-view';
import { OutcomeBadge } from './outcome-badge';
import { Name } from '../../../components/name';

const AUTH_WORDS = {
  service: 'The service’s token',
  oidc: 'My OIDC token',
  pasted: 'A pasted token',
} as const;

export function callFileBase(c: CallSummary): string {
  const d = new Date(c.at);
  const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}${String(d.getSeconds()).padStart(2, '0')}`;
  return `${c.service}-${stamp}`;
}

/** One call: how it went (status, time, size), why it failed, the job it started, and its answer. */
export function CallView({
  call,
  source,
  why,
  job,
  lookingForJob = false,
  live = false,
}: {
  call: CallSummary;
  source?: AnswerSource | undefined;
  why?: string | undefined;
  job?: FoundJob | null | undefined;
  lookingForJob?: boolean;
  live?: boolean;
}) {
  const jobName = job?.name ?? call.job;
  return (
    <div className="flex flex-col gap-4">
      <div role={live ? 'status' : undefined} className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <OutcomeBadge call={call} />
          <span>{call.mode === 'async' ? 'Async' : 'Sync'}</span>
          {call.durationMs !== undefined && <span>{secondsText(call.durationMs)}</span>}
          {call.answer && <span>{formatBytes(call.answer.size)}</span>}
          <time dateTime={new Date(call.at).toISOString()} className="text-muted">
            {new Date(call.at).toLocaleString()}
          </time>
        </div>
        {call.error && (
          <div
            className={
              call.outcome === 'cancelled'
                ? 'rounded-md border border-line bg-raised px-3 py-2 text-sm'
                : 'rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm'
            }
          >
            <p className="font-medium break-words">{call.error}</p>
            {(why ?? call.hint) && <p className="mt-1 text-muted">{why ?? call.hint}</p>}
          </div>
        )}
      </div>
      {call.mode === 'async' && call.outcome === 'ok' && (
        <div className="rounded-md border border-ok/40 bg-ok-soft px-3 py-2 text-sm">
          <p className="font-medium">
            The job was started (the cluster answered {call.status ?? 201} with no body).
          </p>
          <p className="mt-1">
            {jobName ? (
              <>
                {job && !job.certain ? 'Most likely its job: ' : 'Its job: '}
                <Link
                  to={`/jobs/${encodeURIComponent(call.service)}/${encodeURIComponent(jobName)}`}
                  className="font-mono text-accent underline"
                >
                  <Name value={jobName} />
                </Link>
                {' · '}
              </>
            ) : lookingForJob ? (
              'Looking for the new job… · '
            ) : null}
            <Link to={`/jobs?service=${encodeURIComponent(call.service)}`} className="text-accent underline">
              See the jobs of <Name value={call.service} />
            </Link>
          </p>
        </div>
      )}
      {source && <AnswerView source={source} fileBase={callFileBase(call)} shownError={call.error} />}
      <details className="text-sm">
        <summary className="cursor-pointer text-muted hover:text-fg">
          Details{source?.headers.length ? ' and headers' : ''}
        </summary>
        <div className="mt-2 flex flex-col gap-3">
          <FieldList
            fields={[
              { label: 'Service', value: call.service },
              { label: 'Token', value: AUTH_WORDS[call.auth] },
              { label: 'Input', value: inputWords(call) },
              ...(call.input.sha256
                ? [
                    {
                      label: 'SHA-256',
                      value: <span className="font-mono text-xs break-all">{call.input.sha256}</span>,
                    },
                  ]
                : []),
              ...(call.answer?.contentType
                ? [{ label: 'Content-Type', value: call.answer.contentType }]
                : []),
            ]}
          />
          {source && source.headers.length > 0 && (
            <table className="w-full text-left font-mono text-xs">
              <caption className="pb-1 text-left font-sans text-sm font-medium">Answer headers</caption>
              <tbody>
                {source.headers.map(([k, v]) => (
                  <tr key={k} className="border-t border-line">
                    <th scope="row" className="py-1 pr-3 align-top font-normal text-muted">
                      {k}
                    </th>
                    <td className="py-1 break-all">{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </details>
    </div>
  );
}

export function inputWords(c: CallSummary): string {
  const i = c.input;
  const what =
    i.kind === 'file'
      ? `File ${i.name ?? ''} (${formatBytes(i.size)})`
      : `${i.kind === 'json' ? 'JSON' : 'Text'}, ${formatBytes(i.size)}`;
  return `${what}${i.base64 ? ', sent base64-encoded' : ''}`;
}
