// The community a site or cluster belongs to (AI4EOSC, iMagine…), shown by its logo where config.json names
// one for the page's origin or the cluster's (lib/config/site.ts).
import { clsx } from 'clsx';
import { communityFor, logoUrl, useSiteConfig } from '../lib/config/site';

export function CommunityMark({ urls, className }: { urls: readonly (string | null | undefined)[]; className?: string }) {
  const { communities } = useSiteConfig();
  const community = communityFor(communities, urls);
  if (!community) return null;
  const mark = community.logo ? (
    <img src={logoUrl(community.logo)} alt={community.name} className="h-full w-auto" />
  ) : (
    <span className="font-semibold">{community.name}</span>
  );
  return (
    <span className={clsx('inline-flex items-center', className)} data-community={community.id}>
      {community.url ? (
        <a href={community.url} target="_blank" rel="noreferrer" className="inline-flex h-full items-center rounded focus-visible:outline-2" title={`${community.name} (opens in a new tab)`}>
          {mark}
        </a>
      ) : (
        mark
      )}
    </span>
  );
}
