// "Create all": every imported service is created on its own; each result is listed as it comes.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Spinner } from '../../../components/button';
import { createAll, type CreateOutcome } from '../api/apply';
import { editorKeys } from '../api/queries';
import type { ImportedService } from '../lib/import-files';

export function CreateAllPanel({ services, onDone }: { services: ImportedService[]; onDone: () => void }) {
  const [results, setResults] = useState<CreateOutcome[]>([]);
  const [done, setDone] = useState(false);
  const started = useRef(false);
  const qc = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void createAll(
      services.map((s) => s.value.service),
      (o) => setResults((r) => [...r, o]),
    ).then(() => {
      setDone(true);
      void qc.invalidateQueries({ queryKey: editorKeys.all });
    });
  }, [services, qc]);

  const created = results.filter((r) => r.ok).length;
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm">
        {done ? `Created ${created} of ${services.length} services.` : `Creating ${results.length + 1} of ${services.length}…`}
      </p>
      <ul className="flex max-h-72 flex-col gap-1 overflow-auto text-sm">
        {services.map((s, i) => {
          const r = results[i];
          return (
            <li key={s.id} className="flex items-start gap-2">
              <span aria-hidden="true" className="w-4">
                {r ? (r.ok ? '✓' : '✗') : i === results.length ? <Spinner small /> : '·'}
              </span>
              <span className="min-w-0">
                <span className="font-mono">{s.name || '(no name)'}</span>
                {r && (r.ok ? <span className="text-ok"> created</span> : <span className="text-danger"> not created: {r.message}</span>)}
                {!r && <span className="sr-only"> waiting</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {done && (
        <div className="flex justify-end gap-2">
          <Button onClick={onDone}>Close</Button>
          <Button
            variant="primary"
            onClick={() => {
              onDone();
              navigate('/services');
            }}
          >
            Go to the services
          </Button>
        </div>
      )}
    </div>
  );
}
