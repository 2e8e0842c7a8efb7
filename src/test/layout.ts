// jsdom has no layout: every box measures 0 and there is no ResizeObserver. Virtualised lists and
// charts render nothing at size 0, so tests give them a size.
import { vi } from 'vitest';

/** Scroll containers report this client size (the virtualizer shows a window of rows that tall). */
export function fakeLayout({ height = 600, width = 1200 }: { height?: number; width?: number } = {}): void {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(height);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(width);
}

/** A ResizeObserver that reports `size` once for each observed element (never, without a size). */
export function fakeResizeObserver(size?: { width: number; height: number }): void {
  class FakeResizeObserver {
    constructor(private cb: ResizeObserverCallback) {}
    observe(target: Element) {
      if (!size) return;
      this.cb(
        [{ target, contentRect: { ...size } } as unknown as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
}
