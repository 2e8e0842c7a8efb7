import type { Service } from '../../../api/types';
import { Badge, type BadgeTone } from '../../../components/badge';
import { Button } from '../../../components/button';
import { Menu } from '../../../components/menu';
import { Name } from '../../../components/name';
import { isStopped } from '../../../lib/exposed/readiness';
import { useNavigate } from 'react-router';
import { MoreIcon } from '../../../components/more-icon';

export type AppAction = 'open' | 'restart' | 'delete';

function state(s: Service): { word: string; tone: BadgeTone } {
  const d = s.deployment;
  if (!d?.state) return { word: 'unknown', tone: 'neutral' };
  if (isStopped(d)) return { word: 'stopped', tone: 'neutral' };
  if (d.state === 'ready') return { word: 'ready', tone: 'ok' };
  if (/fail|error/i.test(d.state)) return { word: d.state, tone: 'danger' };
  return { word: 'starting', tone: 'warn' };
}

/** Where the app keeps its files: the mounted bucket or the volume. */
function storage(s: Service): string {
  if (s.volume?.name) return `volume ${s.volume.name}`;
  if (s.mount?.path) return `bucket ${s.mount.path.replace(/^\/+/, '')}`;
  return '—';
}

/** The user's services of one app, with their state and the actions on each. */
export function AppTable({ services, onAction, highlight }: { services: Service[]; onAction: (a: AppAction, s: Service) => void; highlight?: string | null }) {
  const navigate = useNavigate();
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm whitespace-nowrap">
        <thead className="border-b border-line text-left text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">State</th>
            <th scope="col" className="px-3 py-2 font-medium">CPU</th>
            <th scope="col" className="px-3 py-2 font-medium">Memory</th>
            <th scope="col" className="px-3 py-2 font-medium">Storage</th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => {
            const st = state(s);
            const enc = encodeURIComponent(s.name);
            return (
              <tr key={s.name} className={`border-b border-line last:border-0 ${highlight === s.name ? 'bg-accent-soft' : ''}`}>
                <th scope="row" className="px-3 py-2 text-left font-mono font-medium">
                  <Name value={s.name} />
                </th>
                <td className="px-3 py-2">
                  <Badge tone={st.tone}>{st.word}</Badge>
                </td>
                <td className="px-3 py-2 font-mono">{s.cpu ?? '—'}</td>
                <td className="px-3 py-2 font-mono">{s.memory ?? '—'}</td>
                <td className="px-3 py-2">
                  <Name value={storage(s)} />
                </td>
                <td className="px-3 py-2">
                  <div className="flex items-center justify-end gap-2">
                    <Button size="sm" aria-label={`Open ${s.name}`} disabled={st.word === 'stopped'} title={st.word === 'stopped' ? 'Stopped: start it from its deployment page' : undefined} onClick={() => onAction('open', s)}>
                      Open
                    </Button>
                    <Menu
                      label={`Actions for ${s.name}`}
                      items={[
                        { kind: 'action', label: 'Restart', onSelect: () => onAction('restart', s) },
                        { kind: 'action', label: 'Edit', onSelect: () => void navigate(`/services/${enc}/edit`) },
                        { kind: 'action', label: 'Deployment and logs', onSelect: () => void navigate(`/services/${enc}/deployment`) },
                        { kind: 'separator', id: 'delete' },
                        { kind: 'action', label: 'Delete', danger: true, onSelect: () => onAction('delete', s) },
                      ]}
                    >
                      <MoreIcon />
                    </Menu>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
