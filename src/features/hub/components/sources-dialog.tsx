import { useId, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { Name } from '../../../components/name';
import { checkNewSource, sourceKey, type HubSource } from '../lib/sources';

/** The catalogue's sources: the site's (fixed) and the user's own, which they add and remove here. */
export function SourcesDialog({
  open,
  onClose,
  site,
  mine,
  onAdd,
  onRemove,
}: {
  open: boolean;
  onClose: () => void;
  site: HubSource[];
  mine: HubSource[];
  onAdd: (s: HubSource) => void;
  onRemove: (s: HubSource) => void;
}) {
  const [spec, setSpec] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const add = () => {
    const checked = checkNewSource(spec, [...site, ...mine]);
    if ('problem' in checked) return setProblem(checked.problem);
    onAdd(checked.source);
    setSpec('');
    setProblem(null);
  };
  return (
    <Dialog open={open} onClose={onClose} title="Catalogue sources" footer={<Button onClick={onClose}>Done</Button>}>
      <div className="flex flex-col gap-4">
        <p className="text-muted">
          GitHub repositories whose folders hold RO-Crates (ro-crate-metadata.json, fdl.yml, script.sh). Sources you add are kept in this
          browser only.
        </p>
        <ul aria-label="Sources" className="flex flex-col divide-y divide-line rounded-md border border-line">
          {site.map((s) => (
            <li key={sourceKey(s)} className="flex items-center justify-between gap-2 px-3 py-2">
              <span className="font-mono text-xs break-all">
                <Name value={sourceKey(s)} />
              </span>
              <span className="text-xs text-muted">This site&apos;s</span>
            </li>
          ))}
          {mine.map((s) => (
            <li key={sourceKey(s)} className="flex items-center justify-between gap-2 px-3 py-2">
              <span className="font-mono text-xs break-all">
                <Name value={sourceKey(s)} />
              </span>
              <Button size="sm" variant="ghost" aria-label={`Remove ${sourceKey(s)}`} onClick={() => onRemove(s)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label htmlFor={id} className="font-medium">
            Add a repository
          </label>
          <div className="flex gap-2">
            <input
              id={id}
              value={spec}
              onChange={(e) => setSpec(e.target.value)}
              placeholder="owner/repository@branch"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              className="min-w-0 flex-1 rounded-md border border-line bg-surface px-2.5 py-1.5 font-mono text-sm"
            />
            <Button type="submit">Add</Button>
          </div>
          {problem && (
            <p id={`${id}-problem`} className="text-danger">
              <Name value={problem} />
            </p>
          )}
        </form>
      </div>
    </Dialog>
  );
}
