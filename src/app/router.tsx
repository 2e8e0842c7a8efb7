import { createBrowserRouter, createHashRouter, redirect } from 'react-router';
import { requireSession } from '../lib/session/require-session';
import { NotFound, RouteError } from './route-error';
import { EMBEDDED } from '../lib/deploy/mode';
import { rewriteStartUrl } from '../lib/deploy/start-url';
import { legacyTarget } from '../lib/deploy/legacy-urls';

// Inside an OSCAR cluster, gin's static server has no fallback to index.html, so routes live in the hash
// (#/services); hosted, they are real paths. Legacy OSCAR Dashboard URLs are mapped first, in both.
rewriteStartUrl(EMBEDDED);
const createRouter = EMBEDDED ? createHashRouter : createBrowserRouter;

export const router = createRouter([
  { path: '/login', lazy: () => import('../features/auth/routes/login-route'), ErrorBoundary: RouteError },
  { path: '/auth/callback', lazy: () => import('../features/auth/routes/callback-route'), ErrorBoundary: RouteError },
  // Readable without logging in: the login screen links to them.
  { path: '/terms-of-use', lazy: () => import('../features/legal/routes/terms-route'), ErrorBoundary: RouteError },
  { path: '/privacy-policy', lazy: () => import('../features/legal/routes/privacy-route'), ErrorBoundary: RouteError },
  // Public: someone with an upload link sends files without logging in (decision 009).
  { path: '/upload/*', lazy: () => import('../features/public-upload/routes/public-upload-route'), ErrorBoundary: RouteError },
  // The OSCAR Dashboard's routes, reached without a page load (a pasted #/ui/… link in an open tab).
  {
    path: '/ui/*',
    loader: ({ request }) => {
      const url = new URL(request.url);
      return redirect(legacyTarget(`#${url.pathname}${url.search}`) ?? '/services');
    },
  },
  {
    path: '/',
    // The shell (header, menus, session watch, uploads) loads with the first page behind the login, in
    // parallel with that page's own chunk: the login screen, a first visit, does not carry it.
    lazy: () => import('./shell').then((m) => ({ Component: m.Shell })),
    loader: requireSession,
    ErrorBoundary: RouteError,
    HydrateFallback: () => null,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, loader: () => redirect('/services') },
          { path: 'services', lazy: () => import('../features/services/routes/services-route') },
          { path: 'services/new', lazy: () => import('../features/editor/routes/editor-route') },
          { path: 'services/:name', lazy: () => import('../features/services/routes/service-detail-route') },
          { path: 'services/:name/edit', lazy: () => import('../features/editor/routes/editor-route') },
          { path: 'hub', lazy: () => import('../features/hub/routes/hub-route') },
          { path: 'hub/:crate', lazy: () => import('../features/hub/routes/crate-route') },
          { path: 'buckets', lazy: () => import('../features/buckets/routes/buckets-route') },
          { path: 'buckets/:bucket/*', lazy: () => import('../features/buckets/routes/bucket-route') },
          { path: 'apps/:app', lazy: () => import('../features/apps/routes/app-route') },
          { path: 'volumes', lazy: () => import('../features/volumes/routes/volumes-route') },
          { path: 'quotas', lazy: () => import('../features/quotas/routes/quotas-route') },
          { path: 'jobs', lazy: () => import('../features/jobs/routes/jobs-route') },
          { path: 'jobs/:service/:job', lazy: () => import('../features/logs/routes/job-log-route') },
          { path: 'services/:name/deployment', lazy: () => import('../features/logs/routes/deployment-route') },
          { path: 'services/:name/invoke', lazy: () => import('../features/invoke/routes/invoke-route') },
          { path: 'services/:name/batch', lazy: () => import('../features/batch/routes/batch-route') },
          { path: 'invocations', lazy: () => import('../features/invoke/routes/history-route') },
          { path: 'usage', lazy: () => import('../features/usage/routes/usage-route') },
          { path: 'status', lazy: () => import('../features/status/routes/status-route') },
          { path: 'info', lazy: () => import('../features/info/routes/info-route') },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
]);
