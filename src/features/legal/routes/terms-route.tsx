// The terms of use (the OSCAR Dashboard's #/terms-of-use): what Lagoon is, what using it commits you to, and
// whom to ask. The operator comes from config.json; a deployment with its own terms names them there.
import { usePageTitle } from '../../../components/page-title';
import { useSiteConfig } from '../../../lib/config/site';
import { Contact, LegalPage } from '../components/legal-page';

export function Component() {
  usePageTitle('Terms of use');
  const site = useSiteConfig();
  const op = site.operator;
  return (
    <LegalPage title="Terms of use" external={site.termsUrl}>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">What Lagoon does</h2>
        <p>
          Lagoon is a dashboard for OSCAR clusters. Everything it does on a cluster, it does with your credentials and your
          permissions there: it grants no access of its own. The cluster&apos;s policies, and those of the infrastructure and
          identity provider you log in with (for example the EGI Acceptable Use Policy for EGI Check-in accounts), apply to
          what you run and store.
        </p>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Your part</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>Use the cluster for the work it is provided for, within your quota.</li>
          <li>Do not try to reach services, buckets or data you have not been given access to.</li>
          <li>Do not run services that attack, overload or spam others, or that break the law.</li>
          <li>
            Keep passwords, tokens and service tokens to yourself. A link to request files lets anyone who has it upload
            to your folder until it expires: share it only with those you mean to.
          </li>
          <li>You answer for the data you upload and for having the right to process it.</li>
        </ul>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">No warranty</h2>
        <p>
          Lagoon is provided as it is, without warranty. Services, files and jobs live on the cluster: keep copies of what
          you cannot lose. Access may be suspended for misuse.
        </p>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Contact</h2>
        <p>
          {op ? (
            <>
              This site is run by {op.name}. Questions about these terms: <Contact operator={op} />.
            </>
          ) : (
            'Ask the operator of this site (its configuration names none).'
          )}
        </p>
      </section>
    </LegalPage>
  );
}
