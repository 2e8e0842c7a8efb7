import { Link } from 'react-router';
import type { Service, StorageIOConfig } from '../../../../api/types';
import { Section } from '../../../../components/section';
import { serviceBuckets } from '../../lib/service-facts';

interface IoRow {
  role: string;
  io: StorageIOConfig;
}

function filters(io: StorageIOConfig): string {
  const parts: string[] = [];
  if (io.prefix?.length) parts.push(`starts with ${io.prefix.join(' or ')}`);
  if (io.suffix?.length) parts.push(`ends with ${io.suffix.join(' or ')}`);
  if (io.options) parts.push(`options: ${io.options}`);
  return parts.join('; ');
}

export function IoSection({ service: s }: { service: Service }) {
  const rows: IoRow[] = [
    ...(s.input ?? []).map((io) => ({ role: 'Input', io })),
    ...(s.output ?? []).map((io) => ({ role: 'Output', io })),
    ...(s.mount ? [{ role: 'Mounted', io: s.mount }] : []),
  ];
  const buckets = serviceBuckets(s);
  return (
    <Section
      title="Inputs and outputs"
      description="Files uploaded to an input path start a job; the job's results are written to the output paths."
    >
      {rows.length === 0 ? (
        <p className="text-sm text-muted italic">No inputs or outputs: the service is called directly.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-sm">
            <caption className="sr-only">Inputs, outputs and mounts</caption>
            <thead>
              <tr className="text-left text-muted">
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Role
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Storage
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Path
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Files
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ role, io }, i) => (
                <tr key={i} className="border-t border-line align-top">
                  <td className="py-1.5 pr-3">{role}</td>
                  <td className="py-1.5 pr-3 font-mono">{io.storage_provider || 'minio.default'}</td>
                  <td className="py-1.5 pr-3 font-mono break-all">{io.path || '—'}</td>
                  <td className="py-1.5 text-muted">{filters(io) || 'All files'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {buckets.length > 0 && (
        <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <h3 className="font-semibold">Buckets</h3>
          <ul className="flex flex-wrap gap-2">
            {buckets.map((b) => (
              <li key={b}>
                <Link
                  to={`/buckets/${encodeURIComponent(b)}`}
                  className="rounded-md border border-line px-2 py-0.5 font-mono text-accent hover:bg-raised"
                >
                  {b}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
