import type { Service, ServiceDeploymentStatus } from '../../../../api/types';
import { FieldList, type Field } from '../../../../components/field-list';
import { Section } from '../../../../components/section';
import { humanizeKey, ValueView } from '../../../../components/value-view';
import { isPresent, RUNTIME_FIELDS } from '../../lib/service-groups';
import { StatusBadge } from '../status-badge';

const VISIBILITY: Record<string, string> = {
  private: 'Private: only the owner can use it',
  public: 'Public: every user of the cluster can use it and its buckets',
  restricted: 'Restricted: the owner and the allowed users',
};

const RUNTIME_LABELS: Partial<Record<(typeof RUNTIME_FIELDS)[number], string>> = {
  isolation_level: 'Bucket isolation',
  total_cpu: 'CPU for all jobs together',
  total_memory: 'Memory for all jobs together',
  ephemeral_storage_request: 'Ephemeral storage',
  image_prefetch: 'Image cached on nodes',
  file_stage_in: 'Input file download',
  alpine: 'Alpine-based image',
  enable_sgx: 'SGX (SCONE)',
  interlink_node_name: 'InterLink node',
  cluster_id: 'Cluster ID',
  bucket_list: 'Private buckets of allowed users',
};

function orDefault(value: string | undefined, fallback: string): Field['value'] {
  return value ? value : <span className="text-muted italic">Default ({fallback})</span>;
}

export function BasicsSection({ service: s, deployment: d }: { service: Service; deployment: ServiceDeploymentStatus | undefined }) {
  const fields: Field[] = [
    { label: 'Image', value: <code className="font-mono break-all">{s.image}</code> },
    { label: 'CPU', value: orDefault(s.cpu, '0.2') },
    { label: 'Memory', value: orDefault(s.memory, '256Mi') },
    { label: 'GPU', value: s.enable_gpu ? 'Requested' : 'No' },
    { label: 'Log level', value: orDefault(s.log_level, 'INFO') },
    { label: 'Owner', value: s.owner ? <span className="break-all">{s.owner}</span> : <span className="text-muted italic">Not set</span> },
    { label: 'Visibility', value: s.visibility ? (VISIBILITY[s.visibility] ?? s.visibility) : <span className="text-muted italic">Default (private)</span> },
  ];
  if (s.visibility === 'restricted' || (s.allowed_users?.length ?? 0) > 0) {
    fields.push({
      label: 'Allowed users',
      value: s.allowed_users?.length ? (
        <ul className="flex flex-col gap-0.5">
          {s.allowed_users.map((u) => (
            <li key={u} className="font-mono text-xs break-all">
              {u}
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-muted italic">Nobody else</span>
      ),
    });
  }
  if (s.vo) fields.push({ label: 'Virtual organisation', value: s.vo });

  if (d) {
    fields.push({ label: 'Status', value: <StatusBadge state={d.state} /> });
    if (d.active_instances !== undefined) fields.push({ label: 'Running instances', value: String(d.active_instances) });
    if (d.affected_instances) fields.push({ label: 'Instances with problems', value: String(d.affected_instances) });
    if (d.reason) fields.push({ label: 'Reason', value: d.reason });
    if (d.resource_kind) fields.push({ label: 'Runs as', value: d.resource_kind });
    if (d.last_transition_time) fields.push({ label: 'Status since', value: d.last_transition_time });
  }

  const runtime: Field[] = RUNTIME_FIELDS.filter((k) => isPresent(s, k)).map((k) => ({
    label: RUNTIME_LABELS[k] ?? humanizeKey(k),
    value: <ValueView value={s[k]} name={k} />,
  }));

  return (
    <Section title="Basics">
      <FieldList fields={fields} />
      {runtime.length > 0 && (
        <>
          <h3 className="mt-5 mb-3 text-sm font-semibold">Runtime and scheduling</h3>
          <FieldList fields={runtime} />
        </>
      )}
    </Section>
  );
}
