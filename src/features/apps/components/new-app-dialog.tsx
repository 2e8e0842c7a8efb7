import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { resolveEndpoint } from '../../../api/client';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { clusterConfigQuery } from '../../../lib/cluster/config';
import { prefillState } from '../../../lib/service-prefill/prefill';
import { sessionRefreshToken } from '../../../lib/session/refresh-token';
import { useSession } from '../../../lib/session/session';
import { voChoice } from '../../../lib/session/vo-choice';
import { volumeQueries } from '../../../lib/volumes/queries';
import { appQueries } from '../api/queries';
import type { AppDef } from '../lib/apps';
import { fillTemplate, JUNO_IMAGES } from '../lib/fill';
import { checkForm, type AppForm, type FormField } from '../lib/form';
import { fetchTemplate, TemplateError } from '../lib/template';
import { generateName, randomToken } from '../lib/token';

const input = 'rounded-md border bg-canvas px-2 py-1.5';

function freshForm(app: AppDef): AppForm {
  const name = generateName(app.prefix);
  return {
    name,
    cpu: app.cpu,
    memoryAmount: app.memory.amount,
    memoryUnit: app.memory.unit,
    vo: '',
    // The file browser browses a volume first, as the dashboard offers it; the others keep a folder in a bucket.
    storageKind: app.id === 'file-browsers' ? 'volume' : 'bucket',
    bucket: name,
    volume: '',
    flavour: 'minimal',
    adminPassword: '',
    credentialSecret: '',
    useRefreshToken: true,
  };
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      <span id={`${id}-help`} aria-live="polite" className={error ? 'text-sm text-danger' : 'text-sm text-muted'}>
        {error ?? hint}
      </span>
    </div>
  );
}

/**
 * "New <app>": what the OSCAR Dashboard asks (PARITY A1–A4), then the published template filled with it,
 * handed to the editor's review (lib/service-prefill) before anything is created. A template that cannot
 * be fetched is said here, with its URL, and what the user typed stays.
 */
export function NewAppDialog({ app, open, onClose }: { app: AppDef; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={`New ${app.one}`}>
      {open && <NewAppForm app={app} onClose={onClose} />}
    </Dialog>
  );
}

function NewAppForm({ app, onClose }: { app: AppDef; onClose: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const session = useSession();
  const [form, setForm] = useState<AppForm>(() => freshForm(app));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  // Made once per dialog, never shown: they travel to the editor in navigation state only.
  const [secrets] = useState(() => ({ jupyterToken: randomToken(128), credentialSecret: randomToken(32) }));
  const refreshToken = app.id === 'terminals' ? sessionRefreshToken() : undefined;
  const config = useQuery({ ...clusterConfigQuery(), retry: false });
  const sources = useQuery(appQueries.config());
  const volumes = useQuery({ ...volumeQueries.list(), enabled: form.storageKind === 'volume' });
  const buckets = useQuery({ ...appQueries.bucketNames(), enabled: form.storageKind === 'bucket' });
  const choice = voChoice({
    method: session?.method === 'oidc' ? 'oidc' : 'basic',
    entitlements: session?.user.entitlements,
    clusterGroups: config.data ? (config.data.config?.oidc_groups ?? []) : undefined,
    current: form.vo || undefined,
  });
  const vo = choice.kind === 'select' && !form.vo ? (choice.options[0] ?? '') : form.vo;
  const set = <K extends keyof AppForm>(k: K, v: AppForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  // The bucket follows the name while the user has not chosen another one.
  const rename = (name: string) => setForm((f) => ({ ...f, name, bucket: f.bucket === f.name ? name : f.bucket }));

  const review = useMutation({
    mutationFn: async () => {
      const source = (await sources.refetch()).data?.config[app.id];
      if (!source) throw new Error('The template sources could not be read.');
      return fetchTemplate(source);
    },
  });

  function submit() {
    const { errors: next, choices } = checkForm(app, { ...form, vo }, {
      voRequired: session?.method === 'oidc' && choice.kind === 'select',
      ...secrets,
      refreshToken,
      endpoint: session ? resolveEndpoint(session.endpoint) : '',
    });
    setErrors(next);
    if (!choices) return;
    review.mutate(undefined, {
      onSuccess: (template) => {
        const value = fillTemplate(app, template, choices);
        void navigate('/services/new', {
          state: prefillState({
            value,
            template,
            source: { label: app.title, href: `/apps/${app.id}` },
            afterCreate: `/apps/${app.id}?created={name}`,
            review: true,
          }),
        });
      },
    });
  }

  const err = (k: FormField) => (errors[k] ? { 'aria-invalid': true as const } : {});
  const border = (k: FormField) => (errors[k] ? 'border-danger' : 'border-line');
  const failure = review.error;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="text-sm text-muted">{app.about}</p>
      <Field id={`${id}-name`} label="Name" error={errors.name} hint="Generated for you; lowercase letters, digits and hyphens.">
        <div className="flex gap-2">
          <input id={`${id}-name`} value={form.name} onChange={(e) => rename(e.target.value.trim())} aria-describedby={`${id}-name-help`} autoComplete="off" spellCheck={false} className={`${input} flex-1 font-mono ${border('name')}`} {...err('name')} />
          <Button type="button" size="sm" onClick={() => rename(generateName(app.prefix))}>
            New name
          </Button>
        </div>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id={`${id}-cpu`} label="CPU cores" error={errors.cpu}>
          <input id={`${id}-cpu`} inputMode="decimal" value={form.cpu} onChange={(e) => set('cpu', e.target.value)} aria-describedby={`${id}-cpu-help`} className={`${input} font-mono ${border('cpu')}`} {...err('cpu')} />
        </Field>
        <Field id={`${id}-memory`} label="Memory" error={errors.memory}>
          <div className="flex gap-2">
            <input id={`${id}-memory`} inputMode="decimal" value={form.memoryAmount} onChange={(e) => set('memoryAmount', e.target.value)} aria-describedby={`${id}-memory-help`} className={`${input} w-20 min-w-0 flex-1 font-mono ${border('memory')}`} {...err('memory')} />
            <select aria-label="Memory unit" value={form.memoryUnit} onChange={(e) => set('memoryUnit', e.target.value as 'Mi' | 'Gi')} className={`${input} border-line`}>
              <option value="Mi">MiB (Mi)</option>
              <option value="Gi">GiB (Gi)</option>
            </select>
          </div>
        </Field>
      </div>
      <Field id={`${id}-vo`} label="Virtual organisation" error={errors.vo} hint={choice.kind === 'select' ? choice.hint : choice.hint}>
        {choice.kind === 'select' ? (
          <select id={`${id}-vo`} value={vo} onChange={(e) => set('vo', e.target.value)} aria-describedby={`${id}-vo-help`} className={`${input} ${border('vo')}`} {...err('vo')}>
            {choice.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <>
            <input id={`${id}-vo`} list={`${id}-vos`} value={form.vo} onChange={(e) => set('vo', e.target.value.trim())} aria-describedby={`${id}-vo-help`} className={`${input} ${border('vo')}`} {...err('vo')} />
            <datalist id={`${id}-vos`}>
              {choice.suggestions.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Storage</legend>
        <div className="flex gap-4">
          {(['bucket', 'volume'] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name={`${id}-storage`} checked={form.storageKind === k} onChange={() => set('storageKind', k)} />
              {k === 'bucket' ? 'A bucket (mounted as a folder)' : 'A volume'}
            </label>
          ))}
        </div>
        {form.storageKind === 'bucket' ? (
          <>
            <input aria-label="Bucket" list={`${id}-buckets`} value={form.bucket} onChange={(e) => set('bucket', e.target.value.trim())} aria-describedby={`${id}-storage-help`} className={`${input} font-mono ${border('storage')}`} {...err('storage')} />
            <datalist id={`${id}-buckets`}>
              {(buckets.data ?? []).map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
          </>
        ) : (
          <select aria-label="Volume" value={form.volume} onChange={(e) => set('volume', e.target.value)} aria-describedby={`${id}-storage-help`} className={`${input} ${border('storage')}`} {...err('storage')}>
            <option value="">{volumes.isPending ? 'Loading volumes…' : volumes.data === null ? 'This cluster has no volumes' : 'Choose a volume'}</option>
            {(volumes.data ?? []).map((v) => (
              <option key={v.name} value={v.name}>
                {v.name} {v.size ? `(${v.size})` : ''}
              </option>
            ))}
          </select>
        )}
        <span id={`${id}-storage-help`} aria-live="polite" className={errors.storage ? 'text-sm text-danger' : 'text-sm text-muted'}>
          {errors.storage ??
            (form.storageKind === 'bucket'
              ? `The ${app.one} keeps its files in this bucket, at ${'/mnt/' + (form.bucket || '<bucket>')}. A bucket that does not exist is created.`
              : volumes.isError
                ? 'The volumes could not be listed.'
                : `Mounted at /mnt/volumes/${form.volume || '<volume>'}. Volumes are made on the Volumes page.`)}
        </span>
      </fieldset>
      {app.id === 'notebooks' && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">Image</legend>
          {(['minimal', 'full'] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name={`${id}-flavour`} checked={form.flavour === k} onChange={() => set('flavour', k)} />
              {JUNO_IMAGES[k]}
            </label>
          ))}
          <span className="text-sm text-muted">A 128-character Jupyter token is made for you in this browser; Lagoon uses it when you open the notebook.</span>
        </fieldset>
      )}
      {app.id === 'flows' && (
        <>
          <Field id={`${id}-password`} label="Admin password" error={errors.adminPassword} hint="Node-RED asks for it (user admin). Kept as a secret of the service.">
            <input id={`${id}-password`} type="password" autoComplete="new-password" value={form.adminPassword} onChange={(e) => set('adminPassword', e.target.value)} aria-describedby={`${id}-password-help`} className={`${input} ${border('adminPassword')}`} {...err('adminPassword')} />
          </Field>
          <Field id={`${id}-secret`} label="Credentials secret (optional)" hint="Sent as the service’s SECRET, as the OSCAR Dashboard does (the published script does not read it yet). Left empty, a random one is made.">
            <input id={`${id}-secret`} type="password" autoComplete="off" value={form.credentialSecret} onChange={(e) => set('credentialSecret', e.target.value)} aria-describedby={`${id}-secret-help`} className={`${input} border-line`} />
          </Field>
        </>
      )}
      {app.id === 'terminals' &&
        (refreshToken ? (
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={form.useRefreshToken} onChange={(e) => set('useRefreshToken', e.target.checked)} />
            <span>
              Set up oscar-cli in the terminal with my login’s refresh token <span className="text-muted">(kept as a secret of the service; it acts as you until it expires or is revoked)</span>
            </span>
          </label>
        ) : (
          <p className="text-sm text-muted">Your session has no OIDC refresh token, so oscar-cli in the terminal starts without your login.</p>
        ))}
      {failure && (
        <div role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          <p className="font-medium text-danger">Could not load the {app.title} template.</p>
          <p>{failure.message}</p>
          {failure instanceof TemplateError && <p className="font-mono text-xs break-all">{failure.url}</p>}
          <p>What you typed is kept: try again.</p>
        </div>
      )}
      {sources.data?.problem && <p className="text-sm text-muted">{sources.data.problem} (using the published templates).</p>}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={review.isPending}>
          Review
        </Button>
      </div>
    </form>
  );
}
