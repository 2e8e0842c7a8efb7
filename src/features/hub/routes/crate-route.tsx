import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { CodeView } from '../../../components/code-view';
import type { Field } from '../../../components/field-list';
import { Name } from '../../../components/name';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { EmptyState, Loading } from '../../../components/states';
import { parseSourceSpec } from '../../../lib/config/hub';
import { invokePrefillState, sampleInput } from '../../../lib/invoke-prefill/invoke-prefill';
import { hubQueries, partPath } from '../api/queries';
import { CrateIcon } from '../components/crate-icon';
import { DeployDialog } from '../components/deploy-dialog';
import { DeployedBanner } from '../components/deployed-banner';
import { Readme } from '../components/readme';
import { SourceProblem } from '../components/source-problem';
import { TypeBadges } from '../components/type-badges';
import { useSources } from '../hooks/use-sources';
import type { CrateEntry } from '../lib/catalogue';
import { readTemplate } from '../lib/deploy';
import { crateHref } from '../lib/links';
import type { CrateMeta } from '../lib/ro-crate';
import { sourceKey, type HubSource } from '../lib/sources';
import { imageType, useObjectUrl } from '../hooks/use-object-url';
import type { HubConfig } from '../../../lib/config/hub';

type OkCrate = Extract<CrateEntry, { ok: true }>;

/** Label/value pairs for the narrow side column: the label on the left only as wide as it needs. */
function Facts({ fields }: { fields: Field[] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-4 gap-y-2 text-sm">
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt className="font-medium text-muted">{f.label}</dt>
          <dd className={f.muted ? 'text-muted italic' : 'break-words'}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TextFile({ config, source, crate, path, label }: { config: HubConfig; source: HubSource; crate: OkCrate; path: string; label: string }) {
  const q = useQuery(hubQueries.text(config, source, partPath(crate, path)));
  if (q.isPending) return <Loading label={`Loading ${path}…`} />;
  if (q.isError) return <SourceProblem source={source} error={q.error} onRetry={() => void q.refetch()} />;
  return <CodeView code={q.data} label={label} />;
}

function SampleInput({ config, source, crate, meta }: { config: HubConfig; source: HubSource; crate: OkCrate; meta: CrateMeta }) {
  const input = meta.input;
  const type = input ? imageType(input.id) : null;
  const bytes = useQuery({ ...hubQueries.bytes(config, source, partPath(crate, input?.id ?? '')), enabled: !!input });
  const url = useObjectUrl(type ? bytes.data : undefined, type ?? 'application/octet-stream');
  if (!input) return <p className="text-sm text-muted">This crate ships no sample input.</p>;
  const sample = bytes.data ? sampleInput(input.id, input.encodingFormat, bytes.data) : null;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p>
        <span className="font-mono">
          <Name value={input.id} />
        </span>
        {input.encodingFormat && (
          <span className="text-muted">
            {' '}
            (<Name value={input.encodingFormat} />)
          </span>
        )}
      </p>
      {input.description && (
        <p className="text-muted">
          <Name value={input.description} />
        </p>
      )}
      {url ? (
        <img src={url} alt={`The sample input, ${input.id}`} className="max-h-48 w-fit max-w-full rounded border border-line" />
      ) : sample && sample.kind !== 'file' ? (
        <pre className="max-h-40 overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-xs whitespace-pre-wrap">{sample.text}</pre>
      ) : null}
    </div>
  );
}

export function Component() {
  const crateId = useParams().crate ?? '';
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const sources = useSources();
  const sourceParam = params.get('source');
  const source = sources.find(sourceParam) ?? (sourceParam ? parseSourceSpec(sourceParam) : null) ?? undefined;
  const catalogue = useQuery({ ...hubQueries.catalogue(sources.config, source ?? { owner: '', repo: '', branch: '' }), enabled: !!source && !sources.loading });
  const crate = catalogue.data?.crates.find((c) => c.id === crateId);
  const ok = crate?.ok ? crate : undefined;
  const meta = ok?.meta;
  usePageTitle(meta ? meta.name : `Hub: ${crateId}`);
  const fdl = useQuery({ ...hubQueries.text(sources.config, source!, partPath(ok ?? { path: '' }, meta?.fdl?.id ?? '')), enabled: !!meta?.fdl });
  const script = useQuery({ ...hubQueries.text(sources.config, source!, partPath(ok ?? { path: '' }, meta?.script?.id ?? '')), enabled: !!meta?.script });
  const sample = useQuery({ ...hubQueries.bytes(sources.config, source!, partPath(ok ?? { path: '' }, meta?.input?.id ?? '')), enabled: !!meta?.input });
  const readme = useQuery({ ...hubQueries.text(sources.config, source!, partPath(ok ?? { path: '' }, meta?.readme?.id ?? '')), enabled: !!meta?.readme });
  const [deploying, setDeploying] = useState(false);
  const deployed = params.get('deployed');

  const isDefault = source ? sources.isDefault(source) : true;
  const here = source ? crateHref(crateId, source, isDefault) : `/hub/${encodeURIComponent(crateId)}`;
  const crumbs = <Breadcrumbs items={[{ label: 'Hub', to: '/hub' }, { label: meta?.name ?? crateId }]} />;

  if (!source) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        {crumbs}
        <h1 className="sr-only">Crate</h1>
        <EmptyState title="This link names no source the Hub can read" action={<ButtonLink to="/hub">Back to the Hub</ButtonLink>}>
          A source is a GitHub repository written owner/repository@branch.
        </EmptyState>
      </div>
    );
  }
  if (catalogue.isPending || sources.loading) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        {crumbs}
        <h1 className="sr-only">Crate {crateId}</h1>
        <Loading label="Loading the crate…" />
      </div>
    );
  }
  if (catalogue.isError) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        {crumbs}
        <h1 className="text-2xl font-semibold">
          <Name value={crateId} />
        </h1>
        <SourceProblem source={source} error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      </div>
    );
  }
  if (!crate || !ok || !meta) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        {crumbs}
        <h1 className="sr-only">
          Crate <Name value={crateId} />
        </h1>
        <EmptyState title={crate && !crate.ok ? `${crate.name ?? crate.id} cannot be deployed` : `No crate named ${crateId}`} action={<ButtonLink to="/hub">Back to the Hub</ButtonLink>}>
          {crate && !crate.ok ? <Name value={crate.reason} /> : `${sourceKey(source)} has no crate in a folder of that name.`}
        </EmptyState>
      </div>
    );
  }

  const template = fdl.data !== undefined ? readTemplate(fdl.data, script.data ?? null, meta.script?.id) : null;
  const types = meta.serviceTypes;
  const mode = types.includes('synchronous') ? 'sync' : types.includes('asynchronous') ? 'async' : null;
  const tryIt = () => {
    if (!deployed || !meta.input || !sample.data || !mode) return;
    void navigate(`/services/${encodeURIComponent(deployed)}/invoke`, {
      state: invokePrefillState({ input: sampleInput(meta.input.id, meta.input.encodingFormat, sample.data), mode, source: { label: `Hub: ${meta.name}`, href: here } }),
    });
  };

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      {crumbs}
      <div className="flex flex-wrap items-start gap-4">
        <CrateIcon config={sources.config} source={source} crate={ok} size="lg" />
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <h1 className="text-2xl font-semibold break-words">
            <Name value={meta.name} />
          </h1>
          <TypeBadges types={types} />
          <p className="max-w-prose text-sm text-muted">
            <Name value={meta.description} />
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Button variant="primary" disabled={!template?.ok} busy={fdl.isPending} onClick={() => setDeploying(true)}>
            Deploy…
          </Button>
          {template && !template.ok && (
            <p role="alert" className="max-w-xs text-right text-xs text-danger">
              <Name value={template.reason} />
            </p>
          )}
          {fdl.isError && (
            <p role="alert" className="max-w-xs text-right text-xs text-danger">
              The FDL could not be fetched: <Name value={fdl.error.message} />
            </p>
          )}
        </div>
      </div>

      {deployed && (
        <DeployedBanner
          name={deployed}
          tryLabel={mode && meta.input ? `Try it with the crate's sample input (${meta.input.id}), sent ${mode === 'sync' ? 'synchronously' : 'as a job'}.` : null}
          onTry={tryIt}
          trying={sample.isPending}
          onDismiss={() =>
            setParams(
              (p) => {
                p.delete('deployed');
                return p;
              },
              { replace: true },
            )
          }
        />
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Section title="About">
          {!meta.readme ? (
            <p className="text-sm text-muted">This crate has no README.</p>
          ) : readme.isPending ? (
            <Loading label="Loading the README…" />
          ) : readme.isError ? (
            <SourceProblem source={source} error={readme.error} onRetry={() => void readme.refetch()} />
          ) : (
            <Readme text={readme.data} config={sources.config} source={source} folder={ok.path} files={ok.files} />
          )}
        </Section>
        <div className="flex flex-col gap-4">
          <Section title="Resources">
            <Facts
              fields={[
                { label: 'CPU', value: meta.cpu ? `${meta.cpu} cores` : 'Not given', muted: !meta.cpu },
                { label: 'Memory', value: meta.memory ? <Name value={meta.memory} /> : 'Not given', muted: !meta.memory },
                { label: 'GPU', value: meta.gpu && meta.gpu !== '0' ? <Name value={meta.gpu} /> : 'None', muted: !meta.gpu || meta.gpu === '0' },
              ]}
            />
          </Section>
          <Section title="Input">
            <SampleInput config={sources.config} source={source} crate={ok} meta={meta} />
            {meta.tests.length > 0 && (
              <div className="mt-3 flex flex-col gap-2 border-t border-line pt-3 text-sm">
                <h3 className="font-medium">Acceptance tests</h3>
                <ul className="flex flex-col gap-2">
                  {meta.tests.map((t, i) => (
                    <li key={i}>
                      <Name value={t.name} />
                      {t.expected && (
                        <span className="text-muted">
                          {' '}
                          — expects “<Name value={t.expected} />”
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Section>
          <Section title="Details">
            <Facts
              fields={[
                { label: 'Version', value: meta.version ? <Name value={meta.version} /> : 'Not given', muted: !meta.version },
                {
                  label: 'License',
                  value: meta.license ? (
                    meta.license.url ? (
                      <a href={meta.license.url} target="_blank" rel="noopener noreferrer" className="text-accent underline underline-offset-2">
                        <Name value={meta.license.name} />
                      </a>
                    ) : (
                      <Name value={meta.license.name} />
                    )
                  ) : (
                    'Not given'
                  ),
                  muted: !meta.license,
                },
                { label: 'Authors', value: meta.authors.length ? <Name value={meta.authors.map((a) => a.name).join(', ')} /> : 'Not given', muted: meta.authors.length === 0 },
                { label: 'Source', value: <Name value={`${sourceKey(source)} · ${ok.path}`} /> },
              ]}
            />
          </Section>
        </div>
      </div>

      <Section title="Files" description="As published: deploying opens them in the editor with your choices applied.">
        <div className="flex flex-col gap-3">
          {[meta.fdl, meta.script].map(
            (part) =>
              part && (
                <details key={part.id} className="rounded-md border border-line">
                  <summary className="cursor-pointer px-3 py-2 font-mono text-sm">
                    <Name value={part.id} />
                  </summary>
                  <div className="p-2">
                    <TextFile config={sources.config} source={source} crate={ok} path={part.id} label={part.id} />
                  </div>
                </details>
              ),
          )}
        </div>
      </Section>

      <p className="text-sm">
        <Link to="/hub" className="text-accent underline-offset-4 hover:underline">
          Back to the catalogue
        </Link>
      </p>

      {template?.ok && deploying && (
        <DeployDialog
          open={deploying}
          onClose={() => setDeploying(false)}
          template={template.template}
          crateName={meta.name}
          crateHref={here}
          afterCreate={crateHref(crateId, source, isDefault, { deployed: '{name}' }).replace('%7Bname%7D', '{name}')}
        />
      )}
    </div>
  );
}
