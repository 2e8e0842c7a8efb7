import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, Loading } from '../../../components/states';
import { detectBody, type BodyInfo } from '../lib/detect';
import { diffTexts } from '../lib/diff';
import { secondsText } from '../lib/errors';
import type { CallBody, CallSummary } from '../lib/history';
import { formatBytes } from '../../../lib/units/quantity';
import { historyQueries } from '../api/history';
import { AnswerView } from './answer-view';
import { callFileBase, inputWords } from './call-view';
import { outcomeText } from './outcome-badge';
import { storedSource } from './stored-call';
import { TextDiffView } from './text-diff';

const when = (c: CallSummary) => new Date(c.at).toLocaleString();

function info(c: CallSummary, body: CallBody | null | undefined): BodyInfo | null {
  const s = storedSource(c, body);
  return s ? detectBody(s.bytes, { contentType: s.contentType, partial: !s.complete }) : null;
}

/** Two calls side by side: their facts, then a line diff of text or JSON answers, or both answers shown. */
export function CompareView({ left, right }: { left: CallSummary; right: CallSummary }) {
  const a = useQuery(historyQueries.body(left.endpoint, left.id));
  const b = useQuery(historyQueries.body(right.endpoint, right.id));
  const infos = useMemo(
    () => [info(left, a.data), info(right, b.data)] as const,
    [left, right, a.data, b.data],
  );
  const diff = useMemo(() => {
    const [x, y] = infos;
    const textual = (i: BodyInfo | null) =>
      i && (i.kind === 'text' || i.kind === 'json' || i.kind === 'empty');
    if (!textual(x) || !textual(y)) return null;
    return diffTexts(x?.text ?? '', y?.text ?? '', { json: x?.kind === 'json' && y?.kind === 'json' });
  }, [infos]);
  if (a.isPending || b.isPending) return <Loading label="Loading the two calls…" />;
  if (a.isError || b.isError)
    return <ErrorState error={a.error ?? b.error} title="Could not read the calls" />;
  const titles = [`${left.service}, ${when(left)}`, `${right.service}, ${when(right)}`];
  const facts: [string, (c: CallSummary) => string][] = [
    ['Status', (c) => outcomeText(c)],
    ['Time', (c) => (c.durationMs === undefined ? '—' : secondsText(c.durationMs))],
    ['Answer', (c) => (c.answer ? `${c.answer.label}, ${formatBytes(c.answer.size)}` : '—')],
    ['Input', inputWords],
  ];
  return (
    <div className="flex flex-col gap-4">
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">The two calls compared</caption>
        <thead>
          <tr className="text-left">
            <td className="w-24" />
            <th scope="col" className="px-2 py-1 font-semibold">
              {titles[0]}
            </th>
            <th scope="col" className="px-2 py-1 font-semibold">
              {titles[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {facts.map(([label, f]) => (
            <tr key={label} className="border-t border-line">
              <th scope="row" className="px-2 py-1 text-left font-medium text-muted">
                {label}
              </th>
              <td className={`px-2 py-1 ${f(left) !== f(right) ? 'font-semibold' : ''}`}>{f(left)}</td>
              <td className={`px-2 py-1 ${f(left) !== f(right) ? 'font-semibold' : ''}`}>{f(right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff ? (
        <TextDiffView diff={diff} leftTitle={titles[0]!} rightTitle={titles[1]!} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {[[left, a.data] as const, [right, b.data] as const].map(([c, body], i) => {
            const s = storedSource(c, body);
            return (
              <section
                key={c.id}
                aria-label={`Answer of ${titles[i]}`}
                className="flex min-w-0 flex-col gap-2"
              >
                <h3 className="text-sm font-semibold">{titles[i]}</h3>
                {s ? (
                  <AnswerView source={s} fileBase={callFileBase(c)} title={`Answer ${i + 1}`} />
                ) : (
                  <p className="text-sm text-muted">No answer kept.</p>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
