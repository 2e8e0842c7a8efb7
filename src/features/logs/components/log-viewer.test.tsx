import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LogBuffer } from '../lib/append';
import { fakeLayout, renderInRouter } from '../test/helpers';
import { LogViewer } from './log-viewer';

const ESC = '\x1b';

function viewer(buffer: LogBuffer, url = '/jobs/s/j', live = true) {
  return renderInRouter(<LogViewer buffer={buffer} label="Log of job j" fileName="j.log" loaded live={live} empty="Nothing yet" />, url);
}

function lines(n: number, from = 1): string {
  return Array.from({ length: n }, (_, i) => `2025-06-02T10:00:00.${String(i).padStart(3, '0')}000000Z line ${i + from}${(i + from) % 10 === 0 ? ' ERROR disk full' : ''}`).join('\n') + '\n';
}

function region() {
  return screen.getByRole('region', { name: 'Log of job j' });
}

function location() {
  return screen.getByTestId('location').textContent ?? '';
}

beforeEach(() => fakeLayout(400));

describe('LogViewer: what it shows', () => {
  it('shows lines as plain text with their numbers, as a labelled region, and only a window of them', () => {
    const b = new LogBuffer();
    b.applyText(lines(5000));
    viewer(b);
    const r = region();
    expect(within(r).getByRole('link', { name: 'Line 1' })).toHaveAttribute('href', '#L1');
    expect(r).toHaveTextContent('line 1');
    // Virtualised: 5,000 lines, a few dozen rows in the DOM.
    expect(r.querySelectorAll('[data-line]').length).toBeLessThan(120);
    expect(screen.getByText(/5,000 lines/)).toBeInTheDocument();
  });

  it('renders colours as spans, markup as text, and strips escapes that could act on the page', () => {
    const b = new LogBuffer();
    const before = document.title;
    b.applyText(`${ESC}[31mERROR${ESC}[0m <script>window.pwned=1</script> <img src=x onerror="window.pwned=2">\n${ESC}]0;HACKED${ESC}\\${ESC}[2J${ESC}[Hcleared?\nbell\x07 nul\x00\n`);
    viewer(b);
    const r = region();
    expect(r.querySelector('script')).toBeNull();
    expect(r.querySelector('img')).toBeNull();
    expect(r).toHaveTextContent('<script>window.pwned=1</script>');
    const red = within(r).getByText('ERROR');
    expect(red.tagName).toBe('SPAN');
    expect(red.className).toMatch(/text-red/);
    expect(r).toHaveTextContent('cleared?');
    expect(r.textContent).not.toContain('HACKED');
    expect(r.textContent).not.toContain(ESC);
    expect(r).toHaveTextContent('bell\u2407 nul\u2400');
    expect(document.title).toBe(before);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('keeps a colour opened on one line on the next lines until it is reset, as a terminal does', () => {
    const b = new LogBuffer();
    b.applyText(`${ESC}[32mstarting green\nstill green\n${ESC}[1mgreen and bold${ESC}[0m plain\nplain line\n`);
    viewer(b);
    const r = region();
    expect(within(r).getByText('still green').className).toMatch(/text-green/);
    const bold = within(r).getByText('green and bold');
    expect(bold.className).toMatch(/text-green/);
    expect(bold.className).toMatch(/font-bold/);
    expect(r.querySelector('[data-line="4"] span[class*="text-green"]')).toBeNull();
    expect(within(r).getByText('plain line').className).not.toMatch(/text-/);
  });

  it('cuts a 10 MB line for display and says how much is hidden', () => {
    const b = new LogBuffer();
    b.applyText(`short\n${'x'.repeat(10 * 1024 * 1024)}\n`);
    viewer(b);
    expect(screen.getByText(/10,475,?\d* more characters not shown/)).toBeInTheDocument();
  });

  it('toggles wrap and timestamps, and remembers both', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    b.applyText(lines(3));
    const { unmount } = viewer(b);
    expect(region().querySelector('time')).toHaveTextContent('10:00:00.000');
    await user.click(screen.getByRole('button', { name: 'Timestamps' }));
    expect(region().querySelector('time')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Wrap lines' }));
    expect(screen.getByRole('button', { name: 'Wrap lines' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('lagoon.logs.timestamps')).toBe('false');
    expect(localStorage.getItem('lagoon.logs.wrap')).toBe('true');
    unmount();
    viewer(b);
    expect(screen.getByRole('button', { name: 'Timestamps' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Wrap lines' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('downloads the whole log', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const b = new LogBuffer();
    b.applyText(lines(3000));
    viewer(b);
    await user.click(screen.getByRole('button', { name: 'Timestamps' }));
    await user.click(screen.getByRole('button', { name: 'Download log' }));
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const fr = new FileReader();
      fr.onload = () => resolve(String(fr.result));
      fr.readAsText(created[0]!);
    });
    expect(text.split('\n')).toHaveLength(3001);
    expect(text.startsWith('line 1\nline 2\n')).toBe(true);
  });
});

describe('LogViewer: search', () => {
  it('counts, highlights and steps through matches, wrapping around', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    b.applyText(lines(30));
    viewer(b);
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'error');
    expect(await screen.findByText('3 matches')).toBeInTheDocument();
    expect(region().querySelectorAll('mark')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('1 of 3 matches')).toBeInTheDocument();
    expect(region().querySelector('mark[data-current]')?.closest('[data-line]')).toHaveAttribute('data-line', '10');
    await user.keyboard('{Enter}');
    expect(screen.getByText('2 of 3 matches')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(screen.getByText('3 of 3 matches')).toBeInTheDocument();
  });

  it('matches case only when asked', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    b.applyText(lines(30));
    viewer(b);
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'Error');
    expect(await screen.findByText('3 matches')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Match case' }));
    expect(await screen.findByText('No matches')).toBeInTheDocument();
  });

  it('takes regular expressions and explains an invalid one inline', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    b.applyText(lines(30));
    viewer(b);
    await user.click(screen.getByRole('button', { name: 'Regular expression' }));
    const box = screen.getByRole('searchbox', { name: 'Search the log' });
    await user.type(box, 'line [[12]0 ERROR'); // [[ types a literal [
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'line (2');
    expect(await screen.findByText(/Invalid regular expression: .*unterminated group/i)).toHaveAttribute('role', 'alert');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    // The lines stay on screen while the expression is being fixed.
    expect(region()).toHaveTextContent('line 1');
  });

  it('shows only matching lines, keeping their own numbers', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    b.applyText(lines(100));
    viewer(b);
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'disk full');
    await user.click(screen.getByRole('checkbox', { name: 'Only matching lines' }));
    const shown = [...region().querySelectorAll('[data-line]')].map((r) => r.getAttribute('data-line'));
    expect(shown).toEqual(['10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    expect(screen.getByText(/showing 10 matching/)).toBeInTheDocument();
  });

  it('finds matches in lines that arrive later', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    const first = lines(10);
    b.applyText(first);
    viewer(b);
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'disk');
    expect(await screen.findByText('1 match')).toBeInTheDocument();
    act(() => void b.applyText(first + lines(10, 11)));
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
  });
});

describe('LogViewer: line links and copy', () => {
  it('puts the clicked line in the URL hash, extends it with Shift, and copies those lines', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const b = new LogBuffer();
    b.applyText(lines(30));
    viewer(b);
    await user.click(within(region()).getByRole('link', { name: 'Line 3' }));
    expect(location()).toBe('/jobs/s/j#L3');
    expect(within(region()).getByRole('link', { name: 'Line 3' })).toHaveAttribute('aria-current', 'location');
    await user.keyboard('{Shift>}');
    await user.click(within(region()).getByRole('link', { name: 'Line 5' }));
    await user.keyboard('{/Shift}');
    expect(location()).toBe('/jobs/s/j#L3-L5');
    await user.click(screen.getByRole('button', { name: 'Copy lines 3–5' }));
    expect(writeText).toHaveBeenCalledWith('2025-06-02T10:00:00.002000000Z line 3\n2025-06-02T10:00:00.003000000Z line 4\n2025-06-02T10:00:00.004000000Z line 5');
    expect(await screen.findByText('Copied 3 lines')).toBeInTheDocument();
  });

  it('opens a shared link at its line, highlighted, without following', async () => {
    // jsdom has no layout: the scroll range is what 3,000 rows of 20 px would make.
    vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockReturnValue(3000 * 20);
    const b = new LogBuffer();
    b.applyText(lines(3000));
    viewer(b, '/jobs/s/j#L1200');
    await waitFor(() => expect(region().querySelector('[data-line="1200"]')).not.toBeNull());
    const row = region().querySelector('[data-line="1200"]');
    expect(within(row as HTMLElement).getByRole('link', { name: 'Line 1200' })).toHaveAttribute('aria-current', 'location');
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('says when a linked line is past the end of a finished log', () => {
    const b = new LogBuffer();
    b.applyText(lines(20));
    renderInRouter(<LogViewer buffer={b} label="Log of job j" fileName="j.log" loaded live={false} empty="" />, '/x#L500');
    expect(screen.getByText('Line 500 is past the end of this log, which has 20 lines.')).toBeInTheDocument();
  });
});

describe('LogViewer: follow', () => {
  it('stays put when the reader scrolls up, counts new lines, and jumps back on request', async () => {
    const user = userEvent.setup();
    const b = new LogBuffer();
    let text = lines(200);
    b.applyText(text);
    viewer(b);
    const r = region();
    let scrollHeight = 200 * 20;
    vi.spyOn(r, 'scrollHeight', 'get').mockImplementation(() => scrollHeight);
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
    // At the bottom, then the reader scrolls up.
    r.scrollTop = scrollHeight - 400;
    fireEvent.scroll(r);
    r.scrollTop = 1000;
    fireEvent.scroll(r);
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    text += lines(25, 201);
    scrollHeight = 225 * 20;
    act(() => void b.applyText(text));
    const badge = await screen.findByRole('button', { name: /25 new lines/ });
    expect(r.scrollTop).toBe(1000);
    await user.click(badge);
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.queryByRole('button', { name: /new lines/ })).toBeNull());
  });

  it('follows again when the reader scrolls back to the bottom', () => {
    const b = new LogBuffer();
    b.applyText(lines(200));
    viewer(b);
    const r = region();
    vi.spyOn(r, 'scrollHeight', 'get').mockReturnValue(4000);
    r.scrollTop = 3600;
    fireEvent.scroll(r);
    r.scrollTop = 100;
    fireEvent.scroll(r);
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    r.scrollTop = 3600;
    fireEvent.scroll(r);
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  });
});
