import { useNavigate } from 'react-router';
import type { Service } from '../../../api/types';
import { resolveEndpoint } from '../../../api/client';
import { Menu, type MenuItem } from '../../../components/menu';
import { isStopped } from '../../../lib/exposed/readiness';
import { nodePortUrls } from '../../../lib/exposed/url';
import { useSession } from '../../../lib/session/session';
import { serviceKind } from '../lib/service-facts';
import { MoreIcon } from '../../../components/more-icon';

export type ServiceAction = 'open' | 'start' | 'stop' | 'restart' | 'copy-token' | 'fdl' | 'script' | 'delete';

/** The actions on one service of the list, as the OSCAR Dashboard's row menu has them (PARITY S3, S5, S6). */
export function ServiceRowMenu({ service: s, onAction }: { service: Service; onAction: (action: ServiceAction, service: Service) => void }) {
  const navigate = useNavigate();
  const session = useSession();
  const name = encodeURIComponent(s.name);
  const exposed = serviceKind(s) === 'exposed';
  const state = s.deployment?.state;
  const stopped = isStopped(s.deployment);
  const act = (action: ServiceAction) => () => onAction(action, s);
  const items: MenuItem[] = [
    { kind: 'action', label: 'Invoke', onSelect: () => void navigate(`/services/${name}/invoke`) },
    { kind: 'action', label: 'Jobs and logs', onSelect: () => void navigate(`/jobs?service=${name}`) },
  ];
  if (exposed) {
    items.push(
      { kind: 'separator', id: 'exposed' },
      { kind: 'action', label: 'Open', onSelect: act('open'), ...(stopped ? { disabledReason: 'Stopped: start it first' } : {}) },
    );
    if (session) {
      for (const href of nodePortUrls(resolveEndpoint(session.endpoint), s)) {
        items.push({ kind: 'link', label: `NodePort ${new URL(href).port}`, href, hint: href.replace(/\/$/, '') });
      }
    }
    // Only what makes sense in the state the list shows; all three when the state is unknown.
    if (stopped || !state) items.push({ kind: 'action', label: 'Start', onSelect: act('start') });
    if (!stopped) items.push({ kind: 'action', label: 'Stop', onSelect: act('stop') }, { kind: 'action', label: 'Restart', onSelect: act('restart') });
  }
  items.push(
    { kind: 'separator', id: 'files' },
    { kind: 'action', label: 'Copy token', onSelect: act('copy-token') },
    { kind: 'action', label: 'Download FDL (.yaml)', onSelect: act('fdl') },
    { kind: 'action', label: 'Download script (.sh)', onSelect: act('script'), ...(s.script ? {} : { disabledReason: 'This service has no script' }) },
    { kind: 'separator', id: 'edit' },
    { kind: 'action', label: 'Edit', onSelect: () => void navigate(`/services/${name}/edit`) },
    { kind: 'action', label: 'Delete', onSelect: act('delete'), danger: true },
  );
  return (
    <Menu label={`Actions for ${s.name}`} items={items}>
      <MoreIcon />
    </Menu>
  );
}
