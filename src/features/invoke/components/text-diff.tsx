import { clsx } from 'clsx';
import type { DiffRow, TextDiff } from '../lib/diff';

const TONE: Record<DiffRow['kind'], [string, string]> = {
  same: ['', ''],
  changed: ['bg-danger-soft', 'bg-ok-soft'],
  removed: ['bg-danger-soft', ''],
  added: ['', 'bg-ok-soft'],
};
const MARK: Record<DiffRow['kind'], [string, string]> = {
  same: ['', ''],
  changed: ['−', '+'],
  removed: ['−', ''],
  added: ['', '+'],
};

/** Two texts side by side, changed lines marked with −/+ as well as colour. */
export function TextDiffView({
  diff,
  leftTitle,
  rightTitle,
}: {
  diff: TextDiff;
  leftTitle: string;
  rightTitle: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <p role="status" className="text-sm">
        {diff.changes === 0
          ? 'The two answers are the same.'
          : `${diff.changes} ${diff.changes === 1 ? 'difference' : 'differences'}.`}
        {diff.truncated && ' Only the first lines were compared.'}
      </p>
      <div
        role="region"
        aria-label="Line by line comparison"
        // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-md border border-line bg-canvas"
      >
        <table className="w-full table-fixed border-collapse font-mono text-[0.8125rem] leading-5">
          <caption className="sr-only">
            Left: {leftTitle}. Right: {rightTitle}. Lines marked minus differ on the left, plus on the right.
          </caption>
          <colgroup>
            <col className="w-12" />
            <col className="w-5" />
            <col />
            <col className="w-12" />
            <col className="w-5" />
            <col />
          </colgroup>
          <thead className="sticky top-0 bg-surface font-sans text-xs">
            <tr>
              <th scope="col" colSpan={3} className="border-b border-line px-2 py-1 text-left font-semibold">
                {leftTitle}
              </th>
              <th
                scope="col"
                colSpan={3}
                className="border-b border-l border-line px-2 py-1 text-left font-semibold"
              >
                {rightTitle}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.map((r, i) => (
              <tr key={i}>
                <td className="px-2 text-right text-muted select-none">{r.leftNo ?? ''}</td>
                <td className={clsx('text-center select-none', TONE[r.kind][0])}>{MARK[r.kind][0]}</td>
                <td className={clsx('px-2 break-all whitespace-pre-wrap', TONE[r.kind][0])}>
                  {r.left ?? ''}
                </td>
                <td className="border-l border-line px-2 text-right text-muted select-none">
                  {r.rightNo ?? ''}
                </td>
                <td className={clsx('text-center select-none', TONE[r.kind][1])}>{MARK[r.kind][1]}</td>
                <td className={clsx('px-2 break-all whitespace-pre-wrap', TONE[r.kind][1])}>
                  {r.right ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
