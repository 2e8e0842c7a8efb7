import { useSyncExternalStore } from 'react';
import { clsx } from 'clsx';
import { Name } from './name';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error' | 'warning';
  message: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a short message in the corner; errors stay until dismissed, others go after a few seconds. */
export function toast(message: string, kind: Toast['kind'] = 'info'): number {
  const id = nextId++;
  toasts = [...toasts, { id, kind, message }];
  emit();
  if (kind !== 'error') setTimeout(() => dismissToast(id), 6000);
  return id;
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const STYLE: Record<Toast['kind'], string> = {
  info: 'border-line bg-surface',
  success: 'border-ok/50 bg-ok-soft',
  error: 'border-danger/50 bg-danger-soft',
  warning: 'border-warn/50 bg-warn-soft',
};

export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => toasts, () => toasts);
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
      <div role="status" aria-live="polite" className="contents">
        {list
          .filter((t) => t.kind !== 'error')
          .map((t) => (
            <ToastItem key={t.id} t={t} />
          ))}
      </div>
      <div role="alert" aria-live="assertive" className="contents">
        {list
          .filter((t) => t.kind === 'error')
          .map((t) => (
            <ToastItem key={t.id} t={t} />
          ))}
      </div>
    </div>
  );
}

function ToastItem({ t }: { t: Toast }) {
  return (
    <div className={clsx('pointer-events-auto flex items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg', STYLE[t.kind])}>
      <p className="flex-1 break-words">
        <Name value={t.message} />
      </p>
      <button
        type="button"
        onClick={() => dismissToast(t.id)}
        className="rounded px-1 text-muted hover:text-fg"
        aria-label="Dismiss notification"
      >
        ×
      </button>
    </div>
  );
}
