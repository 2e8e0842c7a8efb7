import type { Service } from '../../../../api/types';
import { Section } from '../../../../components/section';
import { ValueView } from '../../../../components/value-view';

const NAMES: Record<string, string> = { minio: 'MinIO', s3: 'Amazon S3', onedata: 'Onedata', webdav: 'WebDAV', rucio: 'Rucio' };

/** Each configured provider with its settings; keys, passwords and tokens stay masked until revealed. */
export function StorageSection({ service: s }: { service: Service }) {
  const providers = Object.entries((s.storage_providers ?? {}) as Record<string, Record<string, unknown> | undefined>).flatMap(
    ([type, byId]) => Object.entries(byId ?? {}).map(([id, config]) => ({ type, id, config })),
  );
  return (
    <Section
      title="Storage providers"
      description="Where inputs and outputs live. Paths name a provider as type.id, e.g. minio.default."
    >
      {providers.length === 0 ? (
        <p className="text-sm text-muted italic">Only the cluster&apos;s own MinIO (minio.default).</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {providers.map(({ type, id, config }) => (
            <li key={`${type}.${id}`} className="flex flex-col gap-2 text-sm">
              <h3 className="font-semibold">
                {NAMES[type] ?? type} <span className="font-mono font-normal text-muted">{`${type}.${id}`}</span>
              </h3>
              <ValueView value={config} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
