import { useState } from 'react';
import { Button } from '../../../../components/button';
import { STORAGE_PROVIDER_KINDS, type StorageProviderKind } from '../../../../lib/fdl/service-schema';
import { inputClass, TextField } from './fields';
import { CheckField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

type FieldSpec = { key: string; label: string; secret?: boolean; check?: boolean; placeholder?: string };

const KINDS: Record<StorageProviderKind, { label: string; fields: FieldSpec[] }> = {
  minio: {
    label: 'MinIO',
    fields: [
      { key: 'endpoint', label: 'Endpoint', placeholder: 'https://minio.example.org' },
      { key: 'region', label: 'Region', placeholder: 'us-east-1' },
      { key: 'access_key', label: 'Access key' },
      { key: 'secret_key', label: 'Secret key', secret: true },
      { key: 'verify', label: 'Verify TLS certificates', check: true },
    ],
  },
  s3: {
    label: 'Amazon S3',
    fields: [
      { key: 'access_key', label: 'Access key' },
      { key: 'secret_key', label: 'Secret key', secret: true },
      { key: 'region', label: 'Region', placeholder: 'eu-west-1' },
    ],
  },
  onedata: {
    label: 'Onedata',
    fields: [
      { key: 'oneprovider_host', label: 'Oneprovider host' },
      { key: 'token', label: 'Access token', secret: true },
      { key: 'space', label: 'Space' },
    ],
  },
  webdav: {
    label: 'WebDAV (dCache, Nextcloud…)',
    fields: [
      { key: 'hostname', label: 'Host name' },
      { key: 'login', label: 'Login' },
      { key: 'password', label: 'Password', secret: true },
    ],
  },
  rucio: {
    label: 'Rucio',
    fields: [
      { key: 'host', label: 'Host' },
      { key: 'auth_host', label: 'Auth host' },
      { key: 'account', label: 'Account' },
      { key: 'rse', label: 'RSE' },
      { key: 'refresh_token', label: 'Refresh token', secret: true },
      { key: 'oidc_audience', label: 'OIDC audience' },
      { key: 'token_endpoint', label: 'Token endpoint' },
    ],
  },
};

export function ProvidersSection() {
  const { service, setField, readOnly } = useForm();
  const providers = (service.storage_providers ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const [kind, setKind] = useState<StorageProviderKind>('s3');
  const [id, setId] = useState('');
  const taken = !!providers[kind]?.[id.trim()];
  const entries = Object.entries(providers).flatMap(([k, ids]) => Object.keys(ids ?? {}).map((pid) => [k, pid] as const));
  return (
    <Section
      title="Storage providers"
      description="Other storage the inputs and outputs can use: MinIO, S3, Onedata, WebDAV, Rucio"
      defaultOpen={entries.length > 0}
      paths={[['storage_providers']]}
    >
      <p className="text-sm text-muted">
        The cluster's own MinIO needs no entry here (OSCAR adds it to every service). Refer to a provider below as{' '}
        <span className="font-mono">kind.id</span>, for example <span className="font-mono">s3.aws</span>.
      </p>
      {entries.map(([k, pid]) => {
        const spec = KINDS[k as StorageProviderKind];
        return (
          <div key={`${k}.${pid}`} className="flex flex-col gap-3 rounded-md border border-line p-3">
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold">
                {spec?.label ?? k} <span className="font-mono">{`${k}.${pid}`}</span>
              </h3>
              <Button size="sm" variant="ghost" disabled={readOnly} onClick={() => setField(['storage_providers', k, pid], undefined)}>
                Remove {k}.{pid}
              </Button>
            </div>
            {spec ? (
              <Row>
                {spec.fields.map((fs) =>
                  fs.check ? (
                    <CheckField key={fs.key} path={['storage_providers', k, pid, fs.key]} label={fs.label} defaultValue />
                  ) : (
                    <TextField
                      key={fs.key}
                      path={['storage_providers', k, pid, fs.key]}
                      label={fs.label}
                      mono
                      type={fs.secret ? 'password' : 'text'}
                      autoComplete={fs.secret ? 'new-password' : 'off'}
                      placeholder={fs.placeholder}
                    />
                  ),
                )}
              </Row>
            ) : (
              <p className="text-sm text-muted">OSCAR does not know this kind; its settings are kept as they are and shown in the YAML tab.</p>
            )}
          </div>
        );
      })}
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="new-provider-kind" className="text-sm font-medium">
            Kind
          </label>
          <select id="new-provider-kind" value={kind} disabled={readOnly} className={inputClass(false)} onChange={(e) => setKind(e.target.value as StorageProviderKind)}>
            {STORAGE_PROVIDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {KINDS[k].label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="new-provider-id" className="text-sm font-medium">
            Id
          </label>
          <input id="new-provider-id" value={id} disabled={readOnly} placeholder="aws" className={`${inputClass(taken)} font-mono`} onChange={(e) => setId(e.target.value)} />
        </div>
        <Button
          disabled={readOnly || id.trim() === '' || taken || /[\s.]/.test(id.trim())}
          onClick={() => {
            setField(['storage_providers', kind, id.trim()], { [KINDS[kind].fields[0]?.key ?? 'host']: '' });
            setId('');
          }}
        >
          Add provider
        </Button>
        {taken && <p className="text-sm text-danger">{kind}.{id.trim()} already exists.</p>}
      </div>
    </Section>
  );
}
