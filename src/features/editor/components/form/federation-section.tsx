import { useState } from 'react';
import { Button } from '../../../../components/button';
import type { Service } from '../../../../api/types';
import { MapField } from './collection-fields';
import { inputClass, NumberField, TextField } from './fields';
import { CheckField, SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

type Member = NonNullable<NonNullable<Service['federation']>['members']>[number];

export function FederationSection() {
  const { service, setField, readOnly } = useForm();
  const members: Member[] = service.federation?.members ?? [];
  const clusters = Object.keys(service.clusters ?? {});
  const legacy = (service as Record<string, unknown>).replicas;
  const [newCluster, setNewCluster] = useState('');
  return (
    <Section
      title="Federation and replicas"
      description="Other OSCAR clusters or endpoints that take jobs when this one is busy"
      defaultOpen={service.federation !== undefined || clusters.length > 0 || legacy !== undefined}
      paths={[['federation'], ['clusters'], ['replicas']]}
    >
      {Array.isArray(legacy) && (
        <p className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
          This service lists {legacy.length} replica{legacy.length === 1 ? '' : 's'} the pre-4.1 way (<span className="font-mono">replicas:</span>). They
          are kept as they are; edit them in the YAML tab, or add them as members below for OSCAR 4.1 and later.
        </p>
      )}
      <Row cols={4}>
        <TextField path={['federation', 'group_id']} label="Federation group" mono />
        <SelectField path={['federation', 'topology']} label="Topology" emptyLabel="None" options={['none', 'star', 'mesh'].map((v) => ({ value: v, label: v }))} />
        <SelectField path={['federation', 'delegation']} label="Delegation" emptyLabel="Default" options={['static', 'random', 'load-based'].map((v) => ({ value: v, label: v }))} />
        <NumberField path={['federation', 'rescheduler_threshold']} label="Delegate after (seconds queued)" />
      </Row>
      {members.map((m, i) => (
        <div key={i} className="flex flex-col gap-3 rounded-md border border-line p-3">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-semibold">Member {i + 1}</h3>
            <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField(['federation', 'members'], members.length === 1 ? undefined : members.filter((_, j) => j !== i))}>
              Remove member {i + 1}
            </Button>
          </div>
          <Row cols={3}>
            <SelectField path={['federation', 'members', i, 'type']} label="Type" emptyLabel="oscar" options={[{ value: 'oscar', label: 'oscar: another OSCAR cluster' }, { value: 'endpoint', label: 'endpoint: an HTTP URL' }]} />
            {m.type === 'endpoint' ? (
              <TextField path={['federation', 'members', i, 'url']} label="URL" mono placeholder="https://…" />
            ) : (
              <TextField path={['federation', 'members', i, 'cluster_id']} label="Cluster id" mono hint="One of the clusters below." />
            )}
            <TextField path={['federation', 'members', i, 'service_name']} label="Service name there" mono />
          </Row>
          <Row cols={3}>
            <NumberField path={['federation', 'members', i, 'priority']} label="Priority (0 is highest)" />
            <CheckField path={['federation', 'members', i, 'ssl_verify']} label="Verify TLS certificates" defaultValue />
          </Row>
          <MapField path={['federation', 'members', i, 'headers']} label="Headers sent with delegated jobs" keyLabel="Header" addLabel="Add header" />
        </div>
      ))}
      <div>
        <Button size="sm" disabled={readOnly} onClick={() => setField(['federation', 'members'], [...members, { type: 'oscar' }])}>
          Add member
        </Button>
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-medium">Clusters</legend>
        <p className="text-xs text-muted">How to reach the clusters members refer to.</p>
        {clusters.map((id) => (
          <div key={id} className="flex flex-col gap-3 rounded-md border border-line p-3">
            <div className="flex items-center justify-between">
              <h3 className="font-mono text-sm font-semibold">{id}</h3>
              <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField(['clusters', id], undefined)}>
                Remove cluster {id}
              </Button>
            </div>
            <Row cols={4}>
              <TextField path={['clusters', id, 'endpoint']} label="Endpoint" mono placeholder="https://oscar.example.org" />
              <TextField path={['clusters', id, 'auth_user']} label="User" mono />
              <TextField path={['clusters', id, 'auth_password']} label="Password" type="password" autoComplete="new-password" />
              <CheckField path={['clusters', id, 'ssl_verify']} label="Verify TLS certificates" defaultValue />
            </Row>
          </div>
        ))}
        <div className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="new-cluster-id" className="text-sm font-medium">
              Cluster id
            </label>
            <input id="new-cluster-id" value={newCluster} disabled={readOnly} placeholder="oscar-eu" className={`${inputClass(false)} font-mono`} onChange={(e) => setNewCluster(e.target.value)} />
          </div>
          <Button
            disabled={readOnly || newCluster.trim() === '' || clusters.includes(newCluster.trim())}
            onClick={() => {
              setField(['clusters', newCluster.trim()], { endpoint: '' });
              setNewCluster('');
            }}
          >
            Add cluster
          </Button>
        </div>
      </fieldset>
    </Section>
  );
}
