import { useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { Name } from '../../../components/name';
import { clusterConfigQuery } from '../../../lib/cluster/config';
import { prefillState } from '../../../lib/service-prefill/prefill';
import { useSession } from '../../../lib/session/session';
import { allowedGroups } from '../../../lib/session/vos';
import { volumeQueries } from '../../../lib/volumes/queries';
import { applyChoices, choiceProblems, defaultChoices, type CrateTemplate, type DeployChoices } from '../lib/deploy';

const input = 'w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm aria-[invalid=true]:border-danger';

function Field({ label, hint, problem, children }: { label: string; hint?: string; problem?: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children(id, describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="text-xs text-danger">
          <Name value={problem} />
        </p>
      )}
    </div>
  );
}

const MEMORY = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti)$/;

/**
 * The user's choices for a crate (name, CPU, memory, the secrets its FDL declares, its bucket, a volume, a
 * VO), applied to the published service and handed to the editor, which opens on its review: nothing is
 * created here. Secrets go in navigation state, never in the URL.
 */
export function DeployDialog({
  open,
  onClose,
  template,
  crateName,
  crateHref,
  afterCreate,
}: {
  open: boolean;
  onClose: () => void;
  template: CrateTemplate;
  crateName: string;
  crateHref: string;
  /** Where to go once created, `{name}` for the new service's name. */
  afterCreate: string;
}) {
  const navigate = useNavigate();
  const session = useSession();
  const [choices, setChoices] = useState<DeployChoices>(() => defaultChoices(template));
  const [tried, setTried] = useState(false);
  const volumes = useQuery({ ...volumeQueries.list(), enabled: open, retry: false });
  const clusterConfig = useQuery({ ...clusterConfigQuery(), enabled: open && session?.method === 'oidc', retry: false });
  const vos = session?.method === 'oidc' ? allowedGroups(session.user.entitlements, clusterConfig.data?.config?.oidc_groups ?? []) : [];
  const problems = choiceProblems(choices, template);
  const shown = tried ? problems : {};
  const set = (patch: Partial<DeployChoices>) => setChoices((c) => ({ ...c, ...patch }));
  // Split into amount and unit when the crate's memory reads so; the split stays while the amount is edited.
  const [split] = useState(() => MEMORY.exec(choices.memory) !== null);
  const mem = split ? (/^(.*?)(Ki|Mi|Gi|Ti)$/.exec(choices.memory) ?? [choices.memory, choices.memory, 'Gi']) : null;

  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    void navigate('/services/new', {
      state: prefillState({
        value: applyChoices(template, choices),
        template: template.value,
        source: { label: `Hub: ${crateName}`, href: crateHref },
        afterCreate,
        review: true,
      }),
    });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Deploy ${crateName}`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="hub-deploy">
            Review in the editor
          </Button>
        </>
      }
    >
      <form
        id="hub-deploy"
        noValidate
        className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto pr-1"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="text-muted">The editor opens with these choices applied to the crate&apos;s FDL, for you to review before it is created.</p>
        <Field label="Service name" problem={shown.name}>
          {(id, d) => (
            <input id={id} className={input} value={choices.name} onChange={(e) => set({ name: e.target.value })} aria-invalid={!!shown.name} aria-describedby={d} autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="CPU (cores)" problem={shown.cpu}>
            {(id, d) => <input id={id} className={input} inputMode="decimal" value={choices.cpu} onChange={(e) => set({ cpu: e.target.value.trim() })} aria-invalid={!!shown.cpu} aria-describedby={d} />}
          </Field>
          {mem ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 font-medium">Memory</legend>
              <div className="flex gap-1">
                <input aria-label="Memory amount" className={input} inputMode="decimal" value={mem[1]} onChange={(e) => set({ memory: `${e.target.value.trim()}${mem[2]}` })} />
                <select aria-label="Memory unit" className="rounded-md border border-line bg-surface px-1.5 text-sm" value={mem[2]} onChange={(e) => set({ memory: `${mem[1]}${e.target.value}` })}>
                  {['Mi', 'Gi'].concat(['Mi', 'Gi'].includes(mem[2]!) ? [] : [mem[2]!]).map((u) => (
                    <option key={u} value={u}>
                      {u === 'Mi' ? 'MiB' : u === 'Gi' ? 'GiB' : u}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          ) : (
            <Field label="Memory" hint="An amount such as 512Mi or 2Gi" problem={shown.memory}>
              {(id, d) => <input id={id} className={input} value={choices.memory} onChange={(e) => set({ memory: e.target.value.trim() })} aria-invalid={!!shown.memory} aria-describedby={d} />}
            </Field>
          )}
        </div>
        {mem && shown.memory && (
          <p className="text-xs text-danger">
            <Name value={shown.memory} />
          </p>
        )}
        {template.secrets.map((s) => (
          <Field key={s} label={`Secret ${s}`} hint="Kept by OSCAR as a secret; it never appears in a URL." problem={shown[`secret:${s}`]}>
            {(id, d) => (
              <input
                id={id}
                type="password"
                className={input}
                value={choices.secrets[s] ?? ''}
                onChange={(e) => set({ secrets: { ...choices.secrets, [s]: e.target.value } })}
                aria-invalid={!!shown[`secret:${s}`]}
                aria-describedby={d}
                autoComplete="new-password"
              />
            )}
          </Field>
        ))}
        {template.bucket !== null && (
          <Field label="Bucket for input and output" hint={`Files go in ${choices.bucket || '…'}/input and results come out in ${choices.bucket || '…'}/output.`} problem={shown.bucket}>
            {(id, d) => <input id={id} className={input} value={choices.bucket ?? ''} onChange={(e) => set({ bucket: e.target.value.trim() })} aria-invalid={!!shown.bucket} aria-describedby={d} spellCheck={false} />}
          </Field>
        )}
        {volumes.data && volumes.data.length > 0 && (
          <div className="grid grid-cols-2 gap-3">
            <Field label="Volume">
              {(id) => (
                <select
                  id={id}
                  className={input}
                  value={choices.volume?.name ?? ''}
                  onChange={(e) => set({ volume: e.target.value ? { name: e.target.value, mountPath: choices.volume?.mountPath ?? '/data' } : null })}
                >
                  <option value="">None</option>
                  {(volumes.data ?? []).map((v) => (
                    <option key={v.name} value={v.name}>
                      {v.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {choices.volume && (
              <Field label="Mounted at" problem={shown.volume}>
                {(id, d) => (
                  <input id={id} className={input} value={choices.volume?.mountPath ?? ''} onChange={(e) => set({ volume: { name: choices.volume!.name, mountPath: e.target.value.trim() } })} aria-invalid={!!shown.volume} aria-describedby={d} />
                )}
              </Field>
            )}
          </div>
        )}
        {vos.length > 0 && (
          <Field label="Virtual organisation">
            {(id) => (
              <select
                id={id}
                className={input}
                value={choices.vo && vos.includes(choices.vo) ? choices.vo : ''}
                onChange={(e) => set({ vo: e.target.value || template.value.service.vo || '' })}
              >
                <option value="">{template.value.service.vo ? `As the crate says (${template.value.service.vo})` : 'None'}</option>
                {vos.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </form>
    </Dialog>
  );
}
