import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LegalLinks } from '../../../components/legal-links';
import { CommunityMark } from '../../../components/community-mark';
import { useSession } from '../../../lib/session/session';
import { assetUrl, sameOriginEndpoint } from '../../../lib/deploy/mode';
import { useSiteConfig, type Operator } from '../../../lib/config/site';

/** A legal page, readable without logging in (the login screen links here), with a way back. */
export function LegalPage({ title, external, children }: { title: string; external?: string; children: ReactNode }) {
  const session = useSession();
  const { operator } = useSiteConfig();
  return (
    <main className="mx-auto flex min-h-full w-full max-w-3xl flex-col gap-6 px-4 py-10">
      <div className="flex flex-wrap items-center gap-4">
        <Link to={session ? '/services' : '/login'} className="flex items-center gap-2 font-semibold hover:underline">
          <img src={assetUrl('favicon.svg')} alt="" className="size-7" />
          {session ? 'Back to Lagoon' : 'Back to the login'}
        </Link>
        <CommunityMark urls={[location.origin, sameOriginEndpoint() ?? session?.endpoint]} className="h-8" />
      </div>
      <article className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-6 text-sm leading-relaxed">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {external && (
          <p className="rounded-md border border-accent/40 bg-accent-soft px-4 py-3">
            {operator ? operator.name : 'The operator of this site'} publishes this document at{' '}
            <a href={external} className="underline">
              {external}
            </a>
            . The text below describes Lagoon itself.
          </p>
        )}
        {children}
      </article>
      <LegalLinks className="justify-center" />
    </main>
  );
}

/** The operator's contact as a link: mailto for an e-mail address, the page otherwise. */
export function Contact({ operator }: { operator: Operator }) {
  const href = operator.contact.includes('@') && !operator.contact.includes('/') ? `mailto:${operator.contact}` : operator.contact;
  return (
    <a href={href} className="underline">
      {operator.contact}
    </a>
  );
}

/** A row of the facts table: a term and what it is. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-line py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="font-medium">{term}</dt>
      <dd className="text-fg/90">{children}</dd>
    </div>
  );
}
