import type { Service } from '../../../api/types';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { serviceBuckets } from '../lib/service-facts';
import { Name } from '../../../components/name';

/** Confirms deleting services, naming each one and what OSCAR removes with it. */
export function DeleteServicesDialog({
  open,
  services,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  services: readonly Service[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const n = services.length;
  const only = n === 1 ? services[0] : undefined;
  const buckets = [...new Set(services.flatMap(serviceBuckets))].sort();
  const long = n > 6;
  return (
    <ConfirmDialog
      open={open}
      title={only ? `Delete the service ${only.name}?` : `Delete ${n} services?`}
      confirmLabel={only ? 'Delete service' : `Delete ${n} services`}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{only ? 'This service will be deleted:' : 'These services will be deleted:'}</p>
      <ul
        aria-label="Services to delete"
        // A long list scrolls, so it must be reachable by keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={long ? 0 : undefined}
        className="max-h-40 overflow-auto rounded-md border border-line bg-canvas px-3 py-2 font-mono text-sm"
      >
        {services.map((s) => (
          <li key={s.name} className="truncate">
            <Name value={s.name} />
          </li>
        ))}
      </ul>
      {buckets.length > 0 ? (
        <p>
          OSCAR also deletes the {buckets.length === 1 ? 'bucket' : 'buckets'} it created for{' '}
          {only ? 'it' : 'them'}, with every file inside:{' '}
          <span className="font-mono break-words">{buckets.join(', ')}</span>. Buckets that existed before the
          service was created are kept.
        </p>
      ) : (
        <p>{only ? 'It uses' : 'They use'} no buckets on the cluster&apos;s MinIO, so no files are deleted.</p>
      )}
      <p>{only ? 'Its' : 'Their'} jobs and job logs go too. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
