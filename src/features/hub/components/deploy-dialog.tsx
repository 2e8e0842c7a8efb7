import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { clusterConfigQuery } from '../../../lib/cluster/config';
import { prefillState } from '../../../lib/service-prefill/prefill';
import { useSession } from '../../../lib/session/session';
import { allowedGroups } from '../../../lib/session/vos';
import { volumeQueries } from '../../../lib/volumes/queries';
import { applyChoices, choiceProblems, defaultChoices, KSERVE_DEFAULTS, type CrateTemplate, type DeployChoices, type KserveResources } from '../lib/deploy';
import { Field, inputClass as input, ResourceFields } from './deploy-fields';

/**
 * The user's choices for a crate (name, CPU, memory, a KServe model server's CPU, memory and GPU, the secrets its FDL declares, its bucket, a volume, a
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
  const setKserve = (patch: Partial<KserveResources>) => setChoices((c) => (c.kserve ? { ...c, kserve: { ...c.kserve, ...patch } } : c));

  const form = useRef<HTMLFormElement>(null);
  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length > 0) {
      // Once the problems are shown: the first field refused takes the focus, its words read with it.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
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
        ref={form}
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
        {choices.kserve ? (
          <>
            <fieldset className="flex flex-col gap-2 rounded-md border border-line p-3">
              <legend className="px-1 font-semibold">OSCAR service</legend>
              <p className="text-xs text-muted">The service&apos;s own container, which runs the crate&apos;s script.</p>
              <ServiceResources choices={choices} set={set} problems={shown} />
            </fieldset>
            <fieldset className="flex flex-col gap-2 rounded-md border border-line p-3" aria-describedby="hub-deploy-kserve-about">
              <legend className="px-1 font-semibold">KServe model server</legend>
              <p id="hub-deploy-kserve-about" className="text-xs text-muted">
                Serves the model beside the service, with resources of its own (the FDL&apos;s <span className="font-mono">kserve</span> section). Leave an amount empty for
                OSCAR&apos;s default.
              </p>
              <ResourceFields
                prefix="Model server"
                cpu={choices.kserve.cpu}
                memory={choices.kserve.memory}
                onCpu={(cpu) => setKserve({ cpu })}
                onMemory={(memory) => setKserve({ memory })}
                problems={{ cpu: shown['kserve.cpu'], memory: shown['kserve.memory'] }}
                placeholders={{ cpu: `${KSERVE_DEFAULTS.cpu} (default)`, memory: `${KSERVE_DEFAULTS.memory} (default)` }}
              />
              <div className="flex flex-col gap-1">
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={choices.kserve.gpu} onChange={(e) => setKserve({ gpu: e.target.checked })} aria-describedby="hub-deploy-kserve-gpu" />
                  <span>
                    <span className="sr-only">Model server: </span>Use a GPU
                  </span>
                </label>
                <p id="hub-deploy-kserve-gpu" className="text-xs text-muted">
                  Asks Kubernetes for one GPU (the FDL&apos;s <span className="font-mono">enable_gpu</span>): the model server waits until a node with a free GPU can take it.
                </p>
              </div>
            </fieldset>
          </>
        ) : (
          <ServiceResources choices={choices} set={set} problems={shown} />
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

/** The OSCAR service's own CPU and memory. */
function ServiceResources({ choices, set, problems }: { choices: DeployChoices; set: (patch: Partial<DeployChoices>) => void; problems: { cpu?: string | undefined; memory?: string | undefined } }) {
  return <ResourceFields cpu={choices.cpu} memory={choices.memory} onCpu={(cpu) => set({ cpu })} onMemory={(memory) => set({ memory })} problems={problems} />;
}
