import { clsx } from 'clsx';

/**
 * Read-only code with line numbers. The numbers are hidden from screen readers and from text
 * selection, so reading or copying gives the code alone. The region is focusable so a keyboard
 * user can scroll long lines.
 */
export function CodeView({ code, label, className }: { code: string; label: string; className?: string }) {
  const lines = code.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const digits = String(lines.length).length;
  return (
    <div
      role="region"
      aria-label={label}
      // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={clsx('max-h-[32rem] overflow-auto rounded-md border border-line bg-canvas', className)}
    >
      <pre className="min-w-max py-2 font-mono text-[0.8125rem] leading-5">
        <code>
          {lines.map((line, i) => (
            <span key={i} className="flex">
              <span
                aria-hidden="true"
                className="sticky left-0 shrink-0 border-r border-line bg-canvas pr-3 pl-3 text-right text-muted select-none"
                style={{ width: `${digits + 2.5}ch` }}
              >
                {i + 1}
              </span>
              <span className="pr-4 pl-3 whitespace-pre">{line || ' '}</span>
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
