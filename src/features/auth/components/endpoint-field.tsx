import { forwardRef } from 'react';
import { clsx } from 'clsx';
import { forgetCluster, useKnownClusters } from '../recent-clusters';
import { DEV_PROXY_ENDPOINT, devProxyTarget, endpointLabel } from '../endpoint';
import { TextField } from './text-field';

interface EndpointFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The cluster address, with the clusters used before (and the dev proxy) one click away. */
export const EndpointField = forwardRef<HTMLInputElement, EndpointFieldProps>(function EndpointField({ value, onChange, error }, ref) {
  const known = useKnownClusters();
  const proxy = devProxyTarget();
  const choices = [
    ...(proxy && !known.some((k) => k.endpoint === DEV_PROXY_ENDPOINT) ? [{ endpoint: DEV_PROXY_ENDPOINT, removable: false }] : []),
    ...known.map((k) => ({ endpoint: k.endpoint, removable: true })),
  ];
  return (
    <div className="flex flex-col gap-2">
      <TextField
        ref={ref}
        id="login-endpoint"
        label="Cluster endpoint"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="https://oscar.example.org"
        value={value}
        onChange={onChange}
        error={error}
        hint="The address of the OSCAR cluster, as in its dashboard URL."
      />
      {choices.length > 0 && (
        <div className="flex flex-col gap-1">
          <h3 id="known-clusters" className="text-xs font-medium text-muted">
            Your clusters
          </h3>
          <ul aria-labelledby="known-clusters" className="flex flex-wrap gap-1.5">
            {choices.map((c) => {
              const selected = c.endpoint === value.trim().replace(/\/+$/, '');
              const label = c.endpoint === DEV_PROXY_ENDPOINT ? `Dev proxy → ${proxy}` : endpointLabel(c.endpoint);
              return (
                <li
                  key={c.endpoint}
                  className={clsx(
                    'flex items-center rounded-full border text-xs',
                    selected ? 'border-accent bg-accent-soft' : 'border-line bg-raised',
                  )}
                >
                  <button
                    type="button"
                    aria-pressed={selected}
                    title={c.endpoint}
                    onClick={() => onChange(c.endpoint)}
                    className={clsx('rounded-full py-1 pl-3 hover:underline', c.removable ? 'pr-1' : 'pr-3')}
                  >
                    {label}
                  </button>
                  {c.removable && (
                    <button
                      type="button"
                      aria-label={`Forget ${label}`}
                      title="Forget this cluster"
                      onClick={() => forgetCluster(c.endpoint)}
                      className="mr-1 rounded-full px-1.5 py-0.5 text-muted hover:bg-line hover:text-fg"
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
});
