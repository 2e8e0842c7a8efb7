// Secrets: OSCAR never shows their values, so a secret already on the cluster is "set, unchanged"
// until the user replaces it, and the request leaves it alone (see lib/secrets.ts).
import { Badge } from '../../../../components/badge';
import { Button } from '../../../../components/button';
import type { SecretPlan } from '../../lib/secrets';
import { FieldMessages, inputClass } from './fields';
import { fieldId, useField, useForm } from './form-context';
import { pathKey } from '../../hooks/use-service-editor';
import { useMapRows, type MapRow } from './use-map-rows';

interface Row extends MapRow {
  /** The user asked to type a new value for a secret on the cluster. */
  replacing?: boolean;
}

const PATH = ['environment', 'secrets'];

export function SecretsField({ plan }: { plan: SecretPlan }) {
  const f = useField(PATH);
  const { issues, baselineSecrets } = useForm();
  const base = new Set(baselineSecrets ?? []);
  const { rows, setRows, update, nextId } = useMapRows<Row>(f);
  const patch = (id: number, p: Partial<Row>) => update(rows.map((r) => (r.id === id ? { ...r, ...p } : r)));

  return (
    <fieldset id={f.id} tabIndex={-1} className="flex flex-col gap-2 outline-none" aria-describedby={`${f.id}-hint`}>
      <legend className="text-sm font-medium">Secrets</legend>
      <p id={`${f.id}-hint`} className="text-xs text-muted">
        Passed to the script as environment variables, stored by OSCAR as a Kubernetes secret. OSCAR never shows their
        values again.
      </p>
      {rows.length === 0 && <p className="text-sm text-muted">None.</p>}
      {rows.map((r, i) => {
        const key = r.key.trim();
        const onCluster = base.has(key);
        const errors = issues.errors.get(pathKey([...PATH, key])) ?? [];
        const rid = fieldId([...PATH, key || `row${r.id}`]);
        const unchanged = onCluster && r.value === '' && !r.replacing;
        return (
          <div key={r.id} className="flex flex-col gap-1">
            <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-2">
              {onCluster ? (
                <span className="truncate font-mono text-sm">{key}</span>
              ) : (
                <input
                  aria-label={`Secret name ${i + 1}`}
                  value={r.key}
                  placeholder="NAME"
                  readOnly={f.readOnly}
                  spellCheck={false}
                  className={`${inputClass(false)} font-mono`}
                  onChange={(e) => patch(r.id, { key: e.target.value })}
                />
              )}
              {unchanged ? (
                <span className="flex items-center gap-2">
                  <Badge tone="ok">Set, unchanged</Badge>
                  <Button size="sm" disabled={f.readOnly} onClick={() => patch(r.id, { replacing: true })}>
                    Replace value
                  </Button>
                </span>
              ) : (
                <span className="flex items-center gap-2">
                  <input
                    id={rid}
                    type="password"
                    aria-label={`Value of secret ${key || i + 1}`}
                    value={r.value}
                    placeholder={onCluster ? 'New value' : 'Value'}
                    autoComplete="new-password"
                    readOnly={f.readOnly}
                    aria-invalid={errors.length > 0 || undefined}
                    aria-describedby={errors.length ? `${rid}-error` : undefined}
                    className={inputClass(errors.length > 0)}
                    onChange={(e) => patch(r.id, { value: e.target.value })}
                  />
                  {onCluster && (
                    <Button size="sm" variant="ghost" onClick={() => patch(r.id, { value: '', replacing: false })}>
                      Keep current
                    </Button>
                  )}
                </span>
              )}
              <Button size="sm" variant="ghost" disabled={f.readOnly} aria-label={`Remove secret ${key || i + 1}`} onClick={() => update(rows.filter((x) => x.id !== r.id))}>
                Remove
              </Button>
            </div>
            <FieldMessages id={rid} errors={errors} warnings={[]} />
          </div>
        );
      })}
      {plan.removed.length > 0 && (
        <p className="text-sm text-muted">
          Removed: {plan.removed.join(', ')}.{' '}
          <Button size="sm" variant="ghost" onClick={() => update([...rows, ...plan.removed.map((key, i) => ({ id: nextId + i, key, value: '' }))])}>
            Undo
          </Button>
        </p>
      )}
      {plan.clearing.length > 0 && (
        <p role="status" className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
          OSCAR replaces all secrets together. Because you changed {[...plan.changed, ...plan.added, ...plan.removed].join(', ')},{' '}
          <strong>{plan.clearing.join(', ')}</strong> will be cleared unless you replace {plan.clearing.length === 1 ? 'its value' : 'their values'} too.
        </p>
      )}
      {plan.removed.length > 0 && Object.keys(f.value ?? {}).length === 0 && (
        <p className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
          This update cannot remove them: OSCAR leaves secrets alone when an update lists none. To remove every secret,
          delete and recreate the service.
        </p>
      )}
      <div>
        <Button size="sm" disabled={f.readOnly} onClick={() => setRows([...rows, { id: nextId, key: '', value: '' }])}>
          Add secret
        </Button>
      </div>
    </fieldset>
  );
}
