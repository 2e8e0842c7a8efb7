import type { StatusInfo } from '../../../api/types';
import { Badge } from '../../../components/badge';
import { FieldList } from '../../../components/field-list';
import { Section } from '../../../components/section';
import { cleanValue } from '../../../lib/metrics/series';
import { NO_VALUE } from '../../../lib/units/format';

const count = (v: unknown) => {
  const n = cleanValue(v).value;
  return n === null ? NO_VALUE : n.toLocaleString('en-US');
};

const STATE_ORDER = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'];

/** OSCAR's own deployment: replicas, pods by state, jobs, and the OIDC it accepts. */
export function OscarPanel({ oscar }: { oscar: StatusInfo['oscar'] }) {
  if (!oscar) {
    return (
      <Section title="OSCAR">
        <p className="text-sm text-muted">The cluster did not report OSCAR’s state.</p>
      </Section>
    );
  }
  const d = oscar.deployment;
  const states = Object.entries(oscar.pods?.states ?? {}).sort(
    ([a], [b]) =>
      (STATE_ORDER.indexOf(a) + 1 || 99) - (STATE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const total =
    cleanValue(oscar.pods?.total).value ?? states.reduce((s, [, n]) => s + (cleanValue(n).value ?? 0), 0);
  const created = d?.creation_timestamp ? new Date(d.creation_timestamp) : null;
  return (
    <Section
      title="OSCAR"
      actions={<Badge tone={oscar.ready ? 'ok' : 'danger'}>{oscar.ready ? 'Ready' : 'Not ready'}</Badge>}
      description={oscar.deployment_name ? `Deployment ${oscar.deployment_name}` : undefined}
    >
      <FieldList
        fields={[
          {
            label: 'Replicas',
            value: `${count(d?.ready_replicas)} ready, ${count(d?.available_replicas)} available, of ${count(d?.replicas)}`,
          },
          { label: 'Update strategy', value: d?.strategy || NO_VALUE },
          {
            label: 'Created',
            value:
              created && !Number.isNaN(created.getTime())
                ? created.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
                : NO_VALUE,
          },
          { label: 'Jobs', value: count(oscar.jobs_count) },
          { label: 'OIDC login', value: oscar.oidc?.enabled ? 'Enabled' : 'Disabled' },
          {
            label: 'OIDC issuers',
            value: oscar.oidc?.issuers?.length ? (
              <ul>
                {oscar.oidc.issuers.map((i) => (
                  <li key={i} className="break-all">
                    {i}
                  </li>
                ))}
              </ul>
            ) : (
              NO_VALUE
            ),
          },
          {
            label: 'OIDC groups',
            value: oscar.oidc?.groups?.length ? oscar.oidc.groups.join(', ') : NO_VALUE,
          },
        ]}
      />
      <h3 className="mt-4 mb-2 text-sm font-semibold">Pods by state</h3>
      {states.length === 0 ? (
        <p className="text-sm text-muted">No pods reported.</p>
      ) : (
        <ul aria-label="Pods by state" className="flex flex-col gap-1.5">
          {states.map(([state, n]) => {
            const v = cleanValue(n).value ?? 0;
            return (
              <li key={state} className="grid grid-cols-[6rem_1fr_4rem] items-center gap-3 text-sm">
                <span>{state}</span>
                <span aria-hidden="true" className="h-2 rounded-full bg-raised">
                  <span
                    className={`block h-full rounded-full ${state === 'Failed' ? 'bg-danger' : state === 'Pending' ? 'bg-warn' : 'bg-accent'}`}
                    style={{ width: `${total ? (v / total) * 100 : 0}%` }}
                  />
                </span>
                <span className="text-right tabular-nums">{count(n)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

/** MinIO, the cluster's object store: how many buckets and objects it holds. */
export function MinioPanel({ minio }: { minio: StatusInfo['minio'] }) {
  return (
    <Section title="MinIO storage">
      {minio ? (
        <FieldList
          fields={[
            { label: 'Buckets', value: count(minio.buckets_count) },
            { label: 'Objects', value: count(minio.total_objects) },
          ]}
        />
      ) : (
        <p className="text-sm text-muted">The cluster did not report MinIO’s state.</p>
      )}
    </Section>
  );
}
