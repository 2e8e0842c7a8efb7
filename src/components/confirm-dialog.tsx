import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { Name } from './name';
import { visibleText } from '../lib/text/hidden-chars';

/** Confirms a destructive action. With `confirmText`, the user must type it (e.g. the object's name). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmText,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmText?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  // A name with hidden characters cannot be typed as stored; what is shown ([U+202E] and all) counts too.
  const ok = !confirmText || typed === confirmText || typed === visibleText(confirmText);
  const close = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="danger"
            busy={busy}
            disabled={!ok}
            onClick={() => {
              setTyped('');
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        {children}
        {confirmText && (
          <label className="flex flex-col gap-1">
            <span>
              Type <strong className="font-mono">
                <Name value={confirmText} />
              </strong> to confirm
            </span>
            <input
              className="rounded-md border border-line bg-canvas px-2 py-1.5 font-mono"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
            />
          </label>
        )}
      </div>
    </Dialog>
  );
}
