import { useState } from 'react';
import { errorMessage, isApiError } from '../../../api/errors';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { toast } from '../../../components/toast';
import { useCreateVolume } from '../api/mutations';
import { fieldOfError, SIZE_UNITS, volumeSize, type SizeUnit, type VolumeField } from '../lib/volume-form';

const input = 'rounded-md border bg-canvas px-2 py-1.5 font-mono';

/** Creates a volume. The name's rules are the cluster's: its refusal (400, or 409 for a taken name) shows at the field. */
export function CreateVolumeDialog({ open, onClose, maxPerVolume }: { open: boolean; onClose: () => void; maxPerVolume?: string | undefined }) {
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<SizeUnit>('Gi');
  const [errors, setErrors] = useState<Partial<Record<VolumeField, string>>>({});
  const create = useCreateVolume();
  const close = () => {
    setName('');
    setAmount('1');
    setUnit('Gi');
    setErrors({});
    create.reset();
    onClose();
  };
  function submit() {
    const size = volumeSize(amount, unit);
    const next: typeof errors = {};
    if (!name) next.name = 'Give the volume a name.';
    if ('problem' in size) next.size = size.problem;
    setErrors(next);
    if (next.name || next.size || 'problem' in size) return;
    create.mutate(
      { name, size: size.size },
      {
        onSuccess: () => {
          toast(`Created volume ${name}`, 'success');
          close();
        },
        onError: (e) => {
          const message = errorMessage(e);
          setErrors({ [fieldOfError(isApiError(e) ? e.status : 0, message)]: message });
        },
      },
    );
  }
  const nameHelp = errors.name ?? 'Lowercase letters, digits and hyphens, starting and ending with a letter or digit.';
  const sizeHelp = errors.size ?? (maxPerVolume ? `At most ${maxPerVolume} per volume on this cluster.` : 'Mi, Gi or Ti: 1 Gi is 1,024 Mi.');
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create volume"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" busy={create.isPending} onClick={submit}>
            Create volume
          </Button>
        </>
      }
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="volume-name" className="font-medium">
            Name
          </label>
          <input
            id="volume-name"
            value={name}
            onChange={(e) => setName(e.target.value.trim())}
            aria-invalid={!!errors.name}
            aria-describedby="volume-name-help"
            autoComplete="off"
            spellCheck={false}
            className={`${input} ${errors.name ? 'border-danger' : 'border-line'}`}
          />
          <span id="volume-name-help" aria-live="polite" className={errors.name ? 'text-danger' : 'text-muted'}>
            {nameHelp}
          </span>
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">Size</legend>
          <div className="flex gap-2">
            <input
              aria-label="Size"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={!!errors.size}
              aria-describedby="volume-size-help"
              className={`${input} w-28 ${errors.size ? 'border-danger' : 'border-line'}`}
            />
            <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as SizeUnit)} className={`${input} border-line`}>
              {SIZE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u === 'Mi' ? 'MiB (Mi)' : u === 'Gi' ? 'GiB (Gi)' : 'TiB (Ti)'}
                </option>
              ))}
            </select>
          </div>
          <span id="volume-size-help" aria-live="polite" className={errors.size ? 'text-danger' : 'text-muted'}>
            {sizeHelp}
          </span>
        </fieldset>
        {errors.form && (
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-danger">
            {errors.form}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
