import { clsx } from 'clsx';

const SHOW_LIMIT = 100_000;

/**
 * Text from an answer, always as text: React escapes it, nothing is parsed as HTML. Very long text is
 * cut for display (the download has it all). The block is focusable so keyboard users can scroll it.
 */
export function TextBlock({ text, label, className }: { text: string; label: string; className?: string }) {
  const cut = text.length > SHOW_LIMIT;
  return (
    <div className="flex flex-col gap-1">
      <pre
        role="region"
        aria-label={label}
        // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className={clsx(
          'max-h-[32rem] overflow-auto rounded-md border border-line bg-canvas p-3 font-mono text-[0.8125rem] leading-5 whitespace-pre',
          className,
        )}
      >
        {cut ? text.slice(0, SHOW_LIMIT) : text}
      </pre>
      {cut && (
        <p className="text-xs text-muted">
          Showing the first {SHOW_LIMIT.toLocaleString()} characters; download the answer for the rest.
        </p>
      )}
    </div>
  );
}
