import { Suspense, use, useState, type FormEvent } from 'react';
import { demoControls, type DemoControls } from '../../../api/demo-controls';
import { Button } from '../../../components/button';
import { Section } from '../../../components/section';

type Kind = 'latency' | '500' | '401' | 'network';
type ActiveFault = ReturnType<DemoControls['listFaults']>[number];

const KINDS: Record<Kind, string> = {
  latency: 'Slow answer (latency)',
  '500': 'Server error (500)',
  '401': 'Not signed in (401)',
  network: 'Network failure',
};

let loading: Promise<DemoControls> | null = null;
// The faults live in the demo cluster for the page's life, so the ways to remove them do too.
const removers = new Map<number, () => void>();
// One promise for the page's life, so `use()` sees the same one on every render.
function loadControls(): Promise<DemoControls> {
  loading ??= demoControls();
  return loading;
}

function describeFault(f: ActiveFault): string {
  const effect = f.network ? 'network failure' : f.status !== undefined ? `HTTP ${f.status}` : `${f.latency ?? 0} ms slower`;
  return `${!f.method || f.method === '*' ? 'Any method' : f.method} ${f.path} → ${effect}`;
}

const field = 'rounded-md border border-line bg-canvas px-2 py-1.5 text-sm';

function Panel() {
  const controls = use(loadControls());
  const [faults, setFaults] = useState<readonly ActiveFault[]>(() => [...controls.listFaults()]);
  const [method, setMethod] = useState('*');
  const [path, setPath] = useState('/system/services');
  const [kind, setKind] = useState<Kind>('500');
  const [latency, setLatency] = useState('2000');
  const refresh = () => setFaults([...controls.listFaults()]);

  function add(e: FormEvent) {
    e.preventDefault();
    const p = path.trim() || '/*';
    const remove = controls.fault({
      method,
      path: p.startsWith('/') ? p : `/${p}`,
      ...(kind === 'latency' ? { latency: Math.max(0, Number(latency) || 0) } : kind === 'network' ? { network: true } : { status: Number(kind) }),
    });
    const added = controls.listFaults().at(-1);
    if (added) removers.set(added.id, remove);
    refresh();
  }

  return (
    <Section
      title="Demo cluster: simulate failures"
      description="Make the demo cluster fail on purpose to see how each screen copes. A 401 ends your session, as a real cluster would."
    >
      <form onSubmit={add} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Method
          <select className={field} value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="*">Any</option>
            {['GET', 'POST', 'PUT', 'DELETE'].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-56 flex-1 flex-col gap-1">
          Route pattern
          <input className={`${field} font-mono`} value={path} onChange={(e) => setPath(e.target.value)} aria-describedby="fault-path-hint" />
        </label>
        <label className="flex flex-col gap-1">
          Failure
          <select className={field} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(Object.keys(KINDS) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KINDS[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'latency' && (
          <label className="flex w-28 flex-col gap-1">
            Delay (ms)
            <input className={field} type="number" min={0} step={100} value={latency} onChange={(e) => setLatency(e.target.value)} />
          </label>
        )}
        <Button type="submit">Add failure</Button>
      </form>
      <p id="fault-path-hint" className="mt-2 text-xs text-muted">
        A path under the cluster, e.g. <code className="font-mono">/system/services</code>; <code className="font-mono">*</code> matches
        anything, as in <code className="font-mono">/system/services/*</code>.
      </p>
      <div className="mt-4 flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Active failures</h3>
        {faults.length === 0 ? (
          <p className="text-sm text-muted">None: the demo cluster answers normally.</p>
        ) : (
          <>
            <ul className="flex flex-col gap-1 text-sm">
              {faults.map((f) => (
                <li key={f.id} className="flex items-center gap-2">
                  <span className="font-mono">{describeFault(f)}</span>
                  {removers.has(f.id) && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${describeFault(f)}`}
                      onClick={() => {
                        removers.get(f.id)?.();
                        removers.delete(f.id);
                        refresh();
                      }}
                    >
                      Remove
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            <div>
              <Button
                size="sm"
                onClick={() => {
                  controls.clearFaults();
                  removers.clear();
                  refresh();
                }}
              >
                Clear all
              </Button>
            </div>
          </>
        )}
      </div>
    </Section>
  );
}

/** Fault injection for the embedded demo cluster; its code loads only when this panel is shown. */
export function DemoFaultsPanel() {
  return (
    <Suspense fallback={<p className="text-sm text-muted">Loading the demo cluster controls…</p>}>
      <Panel />
    </Suspense>
  );
}
