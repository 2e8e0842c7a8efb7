import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import { SecretValue } from './secret-value';
import { Name } from './name';

// Keys whose values are credentials wherever they appear (storage providers, clusters, config, unknown
// fields). Matched on the key's last word so that e.g. `token_endpoint` (a URL) stays visible.
const SECRET_WORDS = /(^|_)(token|password|passwd|secret|secrets|secret_key|access_key|private_key|api_key|credentials?|authorization)$/;

export function isSecretKey(key: string): boolean {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return SECRET_WORDS.test(snake);
}

const ACRONYMS = new Set(['id', 'url', 'uri', 'api', 'cpu', 'gpu', 'ssl', 'tls', 'oidc', 'vo', 'sgx', 'rse', 'io', 'ip', 'dns', 'http', 'https', 'llm']);

/** "access_key" → "Access key", "ssl_verify" → "SSL verify". Keys that are not schema-like are returned as they are. */
export function humanizeKey(key: string): string {
  // Field names are lower snake/camel case; anything else (an ID such as "oscar-eu", an env var name,
  // a header) is data and is shown exactly.
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(key)) return key;
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/_+|\s+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Renders any JSON value readably: scalars as text, arrays as lists, objects as nested definition lists.
 * Values under secret-looking keys are masked until revealed. Used where a field has no dedicated view,
 * so that nothing the server sends is silently hidden.
 */
export function ValueView({
  value,
  name = '',
  secret = false,
  depth = 0,
  rawKeys = false,
}: {
  value: unknown;
  name?: string;
  secret?: boolean;
  depth?: number;
  /** The object is a map keyed by names (cluster IDs, variables): show its keys exactly. */
  rawKeys?: boolean;
}): ReactNode {
  // Everything under a secret key is secret too (e.g. the values of a `secrets` map).
  const masked = secret || (name !== '' && isSecretKey(name));
  if (masked && (typeof value === 'string' || value == null)) {
    return <SecretValue value={value == null ? '' : value} label={humanizeKey(name || 'value')} />;
  }
  if (value === null || value === undefined || value === '') return <span className="text-muted italic">Not set</span>;
  if (typeof value === 'boolean') return <span>{value ? 'Yes' : 'No'}</span>;
  if (typeof value === 'number' || typeof value === 'bigint') return <span>{String(value)}</span>;
  if (typeof value === 'string') return <Name value={value} className="break-words" />;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-muted italic">None</span>;
    if (!masked && value.every((v) => typeof v !== 'object' || v === null)) {
      return <Name value={value.map((v) => String(v)).join(', ')} className="break-words" />;
    }
    return (
      <ol className="flex list-decimal flex-col gap-2 pl-5">
        {value.map((v, i) => (
          <li key={i}>
            <ValueView value={v} name={name} secret={masked} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <span className="text-muted italic">None</span>;
  return (
    <dl
      className={clsx(
        'grid items-baseline gap-x-4',
        depth === 0
          ? 'grid-cols-1 gap-y-3 text-sm sm:grid-cols-[minmax(8rem,14rem)_1fr]'
          : 'grid-cols-[minmax(6rem,max-content)_1fr] gap-y-1 border-l-2 border-line pl-3',
      )}
    >
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className={clsx('text-muted', depth === 0 && 'font-medium', rawKeys && 'font-mono')}><Name value={rawKeys ? k : humanizeKey(k)} />
          </dt>
          <dd className="min-w-0">
            <ValueView value={v} name={k} secret={masked} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
