import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { normaliseBaseUrl } from '../lib/prometheus';
import { prometheusRange } from '../api/queries';
import type { PrometheusSetup } from '../hooks/use-prometheus';

type Check =
  { state: 'idle' } | { state: 'busy' } | { state: 'ok'; text: string } | { state: 'error'; text: string };

/**
 * Where this cluster's Prometheus is: saved in this browser for this cluster, over what
 * public/prometheus.json says. With one, the hours come from query_range at a finer step and the
 * page adds memory and CPU by service.
 */
export function PrometheusSettings({ setup }: { setup: PrometheusSetup }) {
  const id = useId();
  const [text, setText] = useState(setup.url ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  const parse = () => {
    const n = normaliseBaseUrl(text);
    if ('problem' in n) {
      setProblem(n.problem);
      return null;
    }
    setProblem(null);
    return n.url;
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const url = parse();
    if (url) {
      setText(url);
      setup.save(url);
    }
  };

  const test = async () => {
    const url = parse();
    if (!url) return;
    setCheck({ state: 'busy' });
    try {
      const now = Math.floor(Date.now() / 1000) * 1000;
      await prometheusRange(url, 'vector(1)', now - 60_000, now, 60);
      setCheck({ state: 'ok', text: `Prometheus at ${url} answers.` });
    } catch (err) {
      setCheck({ state: 'error', text: errorMessage(err) });
    }
  };

  const status =
    setup.origin === 'setting'
      ? `Using Prometheus at ${setup.url}, saved in this browser for this cluster.`
      : setup.origin === 'file'
        ? `Using Prometheus at ${setup.url}, as this deployment configures it.`
        : setup.fileUrl
          ? 'Prometheus is turned off in this browser; the charts use OSCAR’s totals.'
          : 'No Prometheus is set up for this cluster; the charts use OSCAR’s totals.';

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm" role="status">
        {status}
      </p>
      <form onSubmit={save} noValidate className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-72 flex-1 flex-col gap-1 text-sm">
          Prometheus address
          <input
            type="url"
            inputMode="url"
            placeholder="https://prometheus.example.org"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={Boolean(problem)}
            aria-describedby={`${id}-help${problem ? ` ${id}-err` : ''}`}
            className="rounded-md border border-line bg-canvas px-2 py-1.5 text-sm"
          />
        </label>
        <Button type="submit" variant="primary" size="sm">
          Use this Prometheus
        </Button>
        <Button size="sm" onClick={() => void test()} busy={check.state === 'busy'}>
          Test
        </Button>
        {setup.url && (
          <Button size="sm" variant="ghost" onClick={() => setup.save('')}>
            Stop using Prometheus
          </Button>
        )}
        {setup.origin !== 'file' && setup.fileUrl && (
          <Button size="sm" variant="ghost" onClick={() => setup.save(null)}>
            Use the deployment’s setting
          </Button>
        )}
      </form>
      <p id={`${id}-help`} className="text-xs text-muted">
        The Prometheus HTTP API must be reachable from this browser and allow this page’s origin (CORS, e.g.{' '}
        <code>--web.cors.origin</code>). Only the address is saved.
      </p>
      {problem && (
        <p id={`${id}-err`} role="alert" className="text-sm text-danger">
          {problem}
        </p>
      )}
      {check.state === 'ok' && <p className="text-sm text-ok">{check.text}</p>}
      {check.state === 'error' && (
        <p role="alert" className="text-sm text-danger">
          {check.text}
        </p>
      )}
    </div>
  );
}
