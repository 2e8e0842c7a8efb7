import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, within, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable, type Column, type SortState } from './table';

interface Row {
  id: string;
  n: number;
}
const COLUMNS: Column<Row>[] = [
  { id: 'id', header: 'Id', sortable: true, cell: (r) => r.id },
  { id: 'n', header: 'Number', cell: (r) => String(r.n) },
];
const make = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `row-${i}`, n: i }));

function Harness({ rows, onSort }: { rows: Row[]; onSort?: (s: SortState) => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return (
    <>
      <DataTable
        label="Things"
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.id}
        sort={{ id: 'id', dir: 'asc' }}
        onSortChange={onSort ?? (() => {})}
        selection={{ selected, onChange: setSelected, rowLabel: (r) => `Select ${r.id}`, allLabel: 'Select all' }}
      />
      <output data-testid="selected">{[...selected].join(',')}</output>
    </>
  );
}

function layout(height: number) {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(height);
}

describe('DataTable', () => {
  it('renders only a window of 5,000 rows, with their position in the whole table', () => {
    layout(440);
    render(<Harness rows={make(5000)} />);
    const table = screen.getByRole('table', { name: 'Things' });
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const rows = within(table).getAllByRole('row');
    // Header + the rows in view + overscan; far fewer than 5,000.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(40);
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    // A spacer keeps the full scroll height: 5,000 × 44 px minus what is rendered.
    const spacer = table.querySelector('tbody tr[aria-hidden="true"]:last-child td') as HTMLElement;
    expect(parseInt(spacer.style.height, 10)).toBeGreaterThan(4900 * 44);
  });

  it('renders the rows near the scroll position', () => {
    layout(440);
    render(<Harness rows={make(5000)} />);
    const scroller = screen.getByRole('table').parentElement!;
    scroller.scrollTop = 4990 * 44;
    fireEvent.scroll(scroller);
    expect(screen.getByRole('checkbox', { name: 'Select row-4999' })).toBeInTheDocument();
    const last = screen.getByText('row-4999').closest('tr')!;
    expect(last).toHaveAttribute('aria-rowindex', '5001');
    expect(screen.queryByText('row-0')).not.toBeInTheDocument();
  });

  it('sort headers are buttons and report the sort with aria-sort', async () => {
    layout(440);
    const onSort = vi.fn();
    render(<Harness rows={make(3)} onSort={onSort} />);
    expect(screen.getByRole('columnheader', { name: /Id/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.queryByRole('button', { name: 'Number' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Id' }));
    expect(onSort).toHaveBeenCalledWith({ id: 'id', dir: 'desc' });
  });

  it('selects a range with shift-click and all rows with the header checkbox', async () => {
    layout(440);
    const user = userEvent.setup();
    render(<Harness rows={make(8)} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select row-1' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select row-4' }));
    await user.keyboard('{/Shift}');
    expect(screen.getByTestId('selected')).toHaveTextContent('row-1,row-2,row-3,row-4');
    const all = screen.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    await user.click(all);
    expect(screen.getByTestId('selected').textContent?.split(',')).toHaveLength(8);
    expect(all.indeterminate).toBe(false);
    await user.click(all);
    expect(screen.getByTestId('selected')).toHaveTextContent('');
  });
});
