// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useNow } from './chart-now';

let hidden = false;
function setHidden(value: boolean) {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useNow, the clock of recent ranges', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    hidden = false;
  });

  it('moves forward every interval while the page is visible, not while hidden, and at once on return', () => {
    vi.useFakeTimers({ now: new Date('2025-06-02T10:00:30Z') });
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => (hidden ? 'hidden' : 'visible'));
    const { result } = renderHook(() => useNow(60_000));
    // Whole minutes, so renders within a minute ask for the same range.
    expect(new Date(result.current[0]).toISOString()).toBe('2025-06-02T10:00:00.000Z');
    act(() => vi.advanceTimersByTime(60_000));
    expect(new Date(result.current[0]).toISOString()).toBe('2025-06-02T10:01:00.000Z');

    act(() => setHidden(true));
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(new Date(result.current[0]).toISOString()).toBe('2025-06-02T10:01:00.000Z');
    act(() => setHidden(false));
    expect(new Date(result.current[0]).toISOString()).toBe('2025-06-02T10:06:00.000Z');
  });

  it('stays still without an interval, and "refresh now" moves it to the present', () => {
    vi.useFakeTimers({ now: new Date('2025-06-02T10:00:30Z') });
    const { result } = renderHook(() => useNow(null));
    act(() => vi.advanceTimersByTime(10 * 60_000));
    expect(new Date(result.current[0]).toISOString()).toBe('2025-06-02T10:00:00.000Z');
    act(() => result.current[1]());
    expect(new Date(result.current[0]).toISOString()).toBe('2025-06-02T10:10:30.000Z');
  });
});
