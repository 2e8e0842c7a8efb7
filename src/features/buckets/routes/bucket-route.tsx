import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../../../lib/session/query-client';
import { Badge } from '../../../components/badge';
import { Breadcrumbs, type Crumb } from '../../../components/breadcrumbs';
import { usePageTitle } from '../../../components/page-title';
import { ErrorState, Loading } from '../../../components/states';
import { formatBytes } from '../../../lib/units/transfer';
import { bucketQueries } from '../api/queries';
import { ObjectBrowser } from '../components/object-browser';
import { useObjectListing } from '../components/use-object-listing';
import { bucketHref, parseBucketPath, prefixCrumbs } from '../lib/bucket-paths';
import { bucketUses } from '../lib/bucket-services';
import { Name } from '../../../components/name';

export function loader({ request }: { request: Request }) {
  const { bucket } = parseBucketPath(new URL(request.url).pathname);
  if (bucket) void queryClient.prefetchInfiniteQuery(bucketQueries.objects(bucket));
  void queryClient.prefetchQuery(bucketQueries.services());
  return null;
}

export function Component() {
  // The raw path, not the router's decoded splat: a folder name may itself contain "%2F" or "..".
  const { pathname } = useLocation();
  const { bucket, prefix } = parseBucketPath(pathname);
  usePageTitle(prefix ? `${bucket}/${prefix}` : bucket);
  const { q, objects, summary, complete } = useObjectListing(bucket);
  const services = useQuery(bucketQueries.services());
  const allUses = useMemo(() => bucketUses(services.data ?? []), [services.data]);
  const uses = allUses.get(bucket) ?? [];
  const crumbs: Crumb[] = [
    { label: 'Buckets', to: '/buckets' },
    { label: bucket, ...(prefix ? { to: bucketHref(bucket) } : {}) },
    ...prefixCrumbs(prefix).map((c, i, all) => ({ label: c.name, ...(i < all.length - 1 ? { to: bucketHref(bucket, c.prefix) } : {}) })),
  ];
  const here = uses.filter((u) => u.prefix === prefix);
  // Services whose input is in this bucket: their jobs can read its objects, so a batch can run them here.
  const batchServices = [...new Set(uses.filter((u) => u.role === 'input').map((u) => u.service))];
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={crumbs} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-2xl font-semibold break-all whitespace-pre-wrap">
          <span className="font-mono">
            <Name value={bucket} />
          </span>
          {prefix && (
            <span className="font-mono text-muted">
              /<Name value={prefix} />
            </span>
          )}
        </h1>
        {summary?.visibility && <Badge tone={summary.visibility === 'public' ? 'accent' : summary.visibility === 'restricted' ? 'warn' : 'neutral'}>{summary.visibility}</Badge>}
        {summary?.storage_usage?.used_bytes !== undefined && (
          <span className="text-sm text-muted">
            {formatBytes(summary.storage_usage.used_bytes)}
            {summary.storage_quota?.max ? ` of ${summary.storage_quota.max}` : ''} used
          </span>
        )}
      </div>
      {uses.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Services using this bucket">
          {uses.map((u) => (
            <li key={`${u.service}-${u.role}-${u.prefix}`} className="rounded-md border border-line bg-surface px-2 py-1">
              <Link to={bucketHref(bucket, u.prefix)} className="text-accent underline underline-offset-2">
                {u.prefix || '/'}
              </Link>{' '}
              is the {u.role} of{' '}
              <Link to={`/services/${encodeURIComponent(u.service)}`} className="text-accent underline underline-offset-2">
                {u.service}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {here.some((u) => u.role === 'input') && (
        <p className="rounded-md bg-accent-soft px-3 py-2 text-sm">
          Each file uploaded here starts a job of {here.filter((u) => u.role === 'input').map((u) => u.service).join(', ')}.
        </p>
      )}
      {batchServices.length > 0 && (
        <p className="text-sm text-muted">
          Run the objects already here through a service, one job each:{' '}
          {batchServices.map((svc, i) => (
            <span key={svc}>
              {i > 0 && ', '}
              <Link
                to={`/services/${encodeURIComponent(svc)}/batch?${new URLSearchParams({ bucket, prefix }).toString()}`}
                className="text-accent underline underline-offset-2"
              >
                Batch run of {svc} over {prefix ? 'this folder' : 'this bucket'}
              </Link>
            </span>
          ))}
        </p>
      )}
      {q.isError && !q.data ? (
        <ErrorState error={q.error} title={`Could not open the bucket ${bucket}`} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading label={`Loading the objects of ${bucket}…`} />
      ) : (
        <>
          {q.isError && (
            <ErrorState error={q.error} title="Could not load every page of the listing; showing what arrived" onRetry={() => void q.fetchNextPage()} />
          )}
          <ObjectBrowser
            key={`${bucket}/${prefix}`}
            bucket={bucket}
            prefix={prefix}
            objects={objects}
            loading={complete ? null : `loading more (${objects.length.toLocaleString()} objects so far)`}
          />
        </>
      )}
    </div>
  );
}
