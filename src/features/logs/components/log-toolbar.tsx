import { clsx } from 'clsx';
import { Button } from '../../../components/button';

function ToggleButton({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={clsx(
        'h-8 rounded-md border px-2.5 text-sm',
        pressed ? 'border-accent bg-accent-soft font-medium text-fg' : 'border-line bg-surface text-muted hover:bg-raised hover:text-fg',
      )}
    >
      {children}
    </button>
  );
}

/** Follow, wrap and timestamps toggles, copying the selected lines and downloading the log. */
export function LogToolbar({
  follow,
  onFollow,
  wrap,
  onWrap,
  stamps,
  onStamps,
  copyLabel,
  onCopy,
  onDownload,
  canDownload,
}: {
  follow: boolean;
  onFollow: (on: boolean) => void;
  wrap: boolean;
  onWrap: (on: boolean) => void;
  stamps: boolean;
  onStamps: (on: boolean) => void;
  copyLabel: string | null;
  onCopy: () => void;
  onDownload: () => void;
  canDownload: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <ToggleButton pressed={follow} onClick={() => onFollow(!follow)}>
        Follow
      </ToggleButton>
      <ToggleButton pressed={wrap} onClick={() => onWrap(!wrap)}>
        Wrap lines
      </ToggleButton>
      <ToggleButton pressed={stamps} onClick={() => onStamps(!stamps)}>
        Timestamps
      </ToggleButton>
      {copyLabel && (
        <Button size="sm" onClick={onCopy}>
          {copyLabel}
        </Button>
      )}
      <Button size="sm" onClick={onDownload} disabled={!canDownload}>
        Download log
      </Button>
    </div>
  );
}
