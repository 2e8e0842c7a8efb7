import { NavLink, Outlet, useNavigation } from 'react-router';
import { clsx } from 'clsx';
import { UserMenu } from '../features/auth/components/user-menu';
import { SessionWatch } from '../features/auth/components/session-watch';
import { UploadHost } from '../features/uploads/upload-host';
import { ThemeSwitch } from './theme-switch';
import { assetUrl } from '../lib/deploy/mode';
import { useSession } from '../lib/session/session';
import { CommunityMark } from '../components/community-mark';
import { LegalLinks } from '../components/legal-links';

const NAV = [
  { to: '/services', label: 'Services' },
  { to: '/hub', label: 'Hub' },
  { to: '/buckets', label: 'Buckets' },
  { to: '/volumes', label: 'Volumes' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/invocations', label: 'Invocations' },
  { to: '/usage', label: 'Usage' },
  { to: '/quotas', label: 'Quotas' },
  { to: '/status', label: 'Status' },
  { to: '/info', label: 'Info' },
];

// The research apps (features/apps), a group of their own.
const APPS_NAV = [
  { to: '/apps/notebooks', label: 'Notebooks' },
  { to: '/apps/flows', label: 'Flows' },
  { to: '/apps/terminals', label: 'Terminals' },
  { to: '/apps/file-browsers', label: 'File browsers' },
];

function SideLinks({ items }: { items: typeof NAV }) {
  return (
    <ul className="flex flex-col gap-1">
      {items.map((n) => (
        <li key={n.to}>
          <NavLink
            to={n.to}
            className={({ isActive }) =>
              clsx(
                'block rounded-md px-3 py-2 text-sm font-medium',
                isActive ? 'bg-accent-soft text-fg' : 'text-muted hover:bg-raised hover:text-fg',
              )
            }
          >
            {n.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The small screen's row of section links (the sidebar is hidden there). */
function SectionLinks({ items }: { items: readonly { to: string; label: string }[] }) {
  return items.map((n) => (
    <NavLink
      key={n.to}
      to={n.to}
      className={({ isActive }) => clsx('rounded-md px-3 py-1.5 text-sm', isActive ? 'bg-accent-soft' : 'text-muted')}
    >
      {n.label}
    </NavLink>
  ));
}

export function Shell() {
  const navigation = useNavigation();
  const session = useSession();
  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-4 border-b border-line bg-surface px-4">
        <NavLink to="/services" className="flex items-center gap-2 font-semibold" aria-label="Lagoon home">
          <img src={assetUrl('favicon.svg')} alt="" className="size-7" />
          <span className="text-lg tracking-tight">Lagoon</span>
        </NavLink>
        <CommunityMark
          urls={[location.origin, session?.endpoint]}
          className="h-7 border-l border-line pl-4"
        />
        <div className="flex-1" />
        <ThemeSwitch />
        <UserMenu />
      </header>
      <SessionWatch />
      <UploadHost />
      <div className="flex flex-1">
        <div className="flex w-48 shrink-0 flex-col border-r border-line bg-surface max-md:hidden">
          <nav aria-label="Main" className="flex-1 px-2 py-4">
            <SideLinks items={NAV} />
            <h2 id="nav-apps" className="mt-5 mb-1 px-3 text-xs font-semibold tracking-wide text-muted uppercase">
              Apps
            </h2>
            <div role="group" aria-labelledby="nav-apps">
              <SideLinks items={APPS_NAV} />
            </div>
          </nav>
          <LegalLinks className="px-5 py-4" />
        </div>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 p-6 outline-none"
          aria-busy={navigation.state === 'loading'}
        >
          <nav aria-label="Sections" className="mb-4 flex gap-1 overflow-x-auto md:hidden">
            <SectionLinks items={NAV} />
            <span className="shrink-0 border-l border-line px-2 py-1.5 text-xs font-semibold tracking-wide text-muted uppercase">Apps</span>
            <SectionLinks items={APPS_NAV} />
          </nav>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
