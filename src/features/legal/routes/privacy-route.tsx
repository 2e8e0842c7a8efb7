// The privacy policy (the OSCAR Dashboard's #/privacy-policy): what Lagoon keeps, where, for how long, and
// whom it talks to. Facts about storage are Lagoon's own (docs/decisions/001-session-storage.md); who runs
// the site comes from config.json's "operator".
import { usePageTitle } from '../../../components/page-title';
import { appDir } from '../../../lib/deploy/mode';
import { useSiteConfig } from '../../../lib/config/site';
import { Contact, Fact, LegalPage } from '../components/legal-page';

export function Component() {
  usePageTitle('Privacy policy');
  const site = useSiteConfig();
  const op = site.operator;
  return (
    <LegalPage title="Privacy policy" external={site.privacyUrl}>
      <p>
        Lagoon is a web dashboard for OSCAR serverless clusters. It runs in your browser and talks to the OSCAR cluster you
        choose; the site that serves it keeps nothing about you.
      </p>
      <dl>
        <Fact term="Service">
          Lagoon, at <span className="font-mono">{`${location.origin}${appDir()}`}</span>
        </Fact>
        <Fact term="Data controller">
          {op ? (
            <>
              {op.name}
              {op.address && <>, {op.address}</>}. Contact: <Contact operator={op} />
            </>
          ) : (
            'The organisation that runs this site (its configuration names none: ask whoever gave you this address).'
          )}
        </Fact>
        {op?.jurisdiction && <Fact term="Jurisdiction">{op.jurisdiction}</Fact>}
        <Fact term="Personal data processed">
          <ul className="list-disc space-y-1 pl-5">
            <li>
              With the cluster&apos;s password: the cluster&apos;s address, the user name and the password, kept in this
              tab&apos;s session storage until you log out or close the tab, and sent only to that cluster.
            </li>
            <li>
              With an identity provider (EGI Check-in, Keycloak): the profile it releases (name, e-mail, subject identifier,
              entitlements) and the tokens it issues, kept in this tab&apos;s session storage until you log out or close the
              tab, and sent only to the cluster you chose.
            </li>
            <li>
              In this browser only, until you delete them: the clusters you logged in to (address and how you logged in,
              never a password or token), your theme and log-view preferences, Prometheus addresses you enter, drafts of
              services you are editing (never secret values), the history of calls you make from Lagoon (their inputs and
              answers), and what is needed to resume an interrupted upload (never file contents or credentials).
            </li>
          </ul>
        </Fact>
        <Fact term="Purpose">
          To log you in to an OSCAR cluster and act on it on your behalf: manage services, buckets, volumes and jobs, call
          services, and show usage.
        </Fact>
        <Fact term="Who receives it">
          Only the OSCAR cluster you choose (and its MinIO storage), the identity provider you choose, and a Prometheus
          server if you name one. No analytics, advertising or tracking services.
        </Fact>
        <Fact term="Cookies">Lagoon sets no cookies. It uses the browser&apos;s session storage, local storage and IndexedDB as described above.</Fact>
        <Fact term="Retention and deletion">
          Logging out or closing the tab ends the session and its credentials. Drafts are discarded from the editor, the call
          history is deleted from the Invocations page, and everything else with your browser&apos;s &ldquo;clear site
          data&rdquo;. What you create on a cluster (services, files, jobs) is kept by that cluster under its own policy.
        </Fact>
        <Fact term="Your rights">
          {op ? (
            <>
              To access, correct or delete personal data held by the operator, write to <Contact operator={op} />. To correct
              what your home organisation releases, ask its helpdesk.
            </>
          ) : (
            'Ask the operator of this site; to correct what your home organisation releases, ask its helpdesk.'
          )}
        </Fact>
      </dl>
    </LegalPage>
  );
}
