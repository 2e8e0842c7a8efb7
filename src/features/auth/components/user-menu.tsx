import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../../lib/session/session';
import { queryClient } from '../../../lib/session/query-client';
import { Button } from '../../../components/button';
import { toast } from '../../../components/toast';
import { loadAuthConfig } from '../auth-config';
import { endpointLabel, shortHost } from '../endpoint';
import { useKnownClusters } from '../recent-clusters';
import { endSessionLocally, loginPath, setFlash } from '../session-end';
import { logout } from '../logout';

/** Who is logged in to which cluster, switching cluster in one click, and logging out. */
export function UserMenu() {
  const session = useSession();
  const known = useKnownClusters();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const config = useQuery({
    queryKey: ['auth', 'config'],
    queryFn: loadAuthConfig,
    staleTime: Infinity,
    enabled: session?.method === 'oidc',
  });

  useEffect(() => {
    if (!open) return;
    const container = containerRef.current;
    container?.querySelector<HTMLElement>('[data-menu-item]')?.focus();
    const outside = (e: Event) => {
      if (!container?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        setOpen(false);
        triggerRef.current?.focus();
        return;
      }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
      const items = [...(container?.querySelectorAll<HTMLElement>('[data-menu-item]') ?? [])];
      if (!items.length) return;
      e.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const to = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (at + step + items.length) % items.length;
      items[to]?.focus();
    };
    // Clicking or tabbing elsewhere closes the menu; Escape also puts focus back on its button.
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!session) return null;
  const host = shortHost(session.endpoint);
  const provider = config.data?.oidcProviders.find((p) => p.id === session.providerId);
  const others = known.filter((k) => k.endpoint !== session.endpoint);

  async function switchTo(endpoint: string) {
    setOpen(false);
    const ended = await endSessionLocally(queryClient);
    if (ended && endpoint) setFlash({ kind: 'info', message: `You have left ${shortHost(ended.endpoint)}. Log in to ${shortHost(endpoint)}.` });
    await navigate(loginPath({ endpoint }));
  }

  async function onLogout() {
    setLeaving(true);
    try {
      const { to } = await logout(queryClient);
      if (to) await navigate(to);
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
      setLeaving(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      <div ref={containerRef} className="relative">
        <button
          ref={triggerRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          className="flex items-center gap-2 rounded-md px-2 py-1 text-left text-sm hover:bg-raised"
        >
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-accent-soft text-xs font-semibold uppercase">
            {session.user.name.slice(0, 1)}
          </span>
          <span className="flex flex-col leading-tight">
            <span className="max-w-40 truncate font-medium">{session.user.name}</span>
            <span className="max-w-40 truncate text-xs text-muted">
              <span className="sr-only">on </span>
              {host}
            </span>
          </span>
          <span aria-hidden="true" className="text-muted">
            ▾
          </span>
        </button>
        <div
          id={panelId}
          hidden={!open}
          className="absolute right-0 z-40 mt-2 w-80 overflow-hidden rounded-lg border border-line bg-surface text-sm shadow-xl"
        >
          <div className="flex flex-col gap-0.5 border-b border-line px-4 py-3">
            <p>
              Logged in as <strong>{session.user.name}</strong>
            </p>
            {session.user.email && session.user.email !== session.user.name && <p className="text-muted">{session.user.email}</p>}
            <p className="text-muted">
              {session.method === 'oidc' ? `with ${provider?.label ?? 'an identity provider'}` : "with the cluster's password"}
            </p>
            <p className="mt-1 break-all">
              <span className="text-muted">Cluster </span>
              <span className="font-mono text-xs">{session.endpoint}</span>
            </p>
          </div>
          <div className="flex flex-col py-2">
            <h2 className="px-4 pb-1 text-xs font-medium text-muted">Switch cluster</h2>
            <ul>
              {others.map((c) => (
                <li key={c.endpoint}>
                  <button
                    type="button"
                    data-menu-item
                    onClick={() => void switchTo(c.endpoint)}
                    className="flex w-full flex-col px-4 py-2 text-left hover:bg-raised focus-visible:bg-raised"
                  >
                    <span className="font-medium">{endpointLabel(c.endpoint)}</span>
                    <span className="text-xs text-muted">
                      {c.lastMethod === 'oidc' ? 'Identity provider' : 'Password'} · last used {ago(c.lastUsed)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              data-menu-item
              onClick={() => void switchTo('')}
              className="px-4 py-2 text-left text-accent hover:bg-raised focus-visible:bg-raised"
            >
              Log in to another cluster…
            </button>
          </div>
        </div>
      </div>
      <Button size="sm" busy={leaving} onClick={() => void onLogout()}>
        Log out
      </Button>
    </div>
  );
}

function ago(ms: number, now = Date.now()): string {
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const minutes = Math.round((ms - now) / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}
