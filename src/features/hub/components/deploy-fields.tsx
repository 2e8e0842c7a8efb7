// The deploy dialog's fields: a labelled field with its hint and problem, and the CPU and memory pair used
// both for the OSCAR service and for a KServe model server.
import { useId, useState, type ReactNode } from 'react';
import { Name } from '../../../components/name';

export const inputClass = 'w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm aria-[invalid=true]:border-danger';

/**
 * A label, its control, a hint and the problem in words, tied to the control by aria-describedby. `prefix`
 * is read before the visible label only (screen readers), where a group repeats a label ("Model server CPU").
 */
export function Field({
  label,
  prefix,
  hint,
  problem,
  children,
}: {
  label: string;
  prefix?: string | undefined;
  hint?: string | undefined;
  problem?: string | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {prefix && <span className="sr-only">{prefix} </span>}
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
const UNITS = ['Mi', 'Gi'];
const unitLabel = (u: string) => (u === 'Mi' ? 'MiB' : u === 'Gi' ? 'GiB' : u);

/**
 * CPU cores and memory. Memory is split into amount and unit when the published value reads so (the split
 * stays while the amount is edited); otherwise it is one field with a hint. `prefix` names the group for
 * screen readers ("Model server"); `placeholders` show what an empty field means.
 */
export function ResourceFields({
  cpu,
  memory,
  onCpu,
  onMemory,
  problems,
  prefix,
  cpuHint,
  memoryHint = 'An amount such as 512Mi or 2Gi',
  placeholders,
}: {
  cpu: string;
  memory: string;
  onCpu: (v: string) => void;
  onMemory: (v: string) => void;
  problems: { cpu?: string | undefined; memory?: string | undefined };
  prefix?: string;
  cpuHint?: string;
  memoryHint?: string;
  placeholders?: { cpu: string; memory: string };
}) {
  const [split] = useState(() => MEMORY.exec(memory) !== null);
  const mem = split ? (/^(.*?)(Ki|Mi|Gi|Ti)$/.exec(memory) ?? [memory, memory, 'Gi']) : null;
  const problemId = useId();
  const named = (s: string) => (prefix ? `${prefix} ${s.charAt(0).toLowerCase()}${s.slice(1)}` : s);
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label="CPU (cores)" prefix={prefix} hint={cpuHint} problem={problems.cpu}>
        {(id, d) => (
          <input
            id={id}
            className={inputClass}
            inputMode="decimal"
            value={cpu}
            placeholder={placeholders?.cpu}
            onChange={(e) => onCpu(e.target.value.trim())}
            aria-invalid={!!problems.cpu}
            aria-describedby={d}
          />
        )}
      </Field>
      {mem ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">
            {prefix && <span className="sr-only">{prefix} </span>}
            Memory
          </legend>
          <div className="flex gap-1">
            <input
              aria-label={named('Memory amount')}
              className={inputClass}
              inputMode="decimal"
              value={mem[1]}
              onChange={(e) => onMemory(`${e.target.value.trim()}${mem[2]}`)}
              aria-invalid={!!problems.memory}
              aria-describedby={problems.memory ? problemId : undefined}
            />
            <select aria-label={named('Memory unit')} className="rounded-md border border-line bg-surface px-1.5 text-sm" value={mem[2]} onChange={(e) => onMemory(`${mem[1]}${e.target.value}`)}>
              {UNITS.concat(UNITS.includes(mem[2]!) ? [] : [mem[2]!]).map((u) => (
                <option key={u} value={u}>
                  {unitLabel(u)}
                </option>
              ))}
            </select>
          </div>
          {problems.memory && (
            <p id={problemId} className="text-xs text-danger">
              <Name value={problems.memory} />
            </p>
          )}
        </fieldset>
      ) : (
        <Field label="Memory" prefix={prefix} hint={memoryHint} problem={problems.memory}>
          {(id, d) => (
            <input
              id={id}
              className={inputClass}
              value={memory}
              placeholder={placeholders?.memory}
              onChange={(e) => onMemory(e.target.value.trim())}
              aria-invalid={!!problems.memory}
              aria-describedby={d}
              spellCheck={false}
            />
          )}
        </Field>
      )}
    </div>
  );
}
