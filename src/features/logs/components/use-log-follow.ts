import { useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

/**
 * Follow mode, as in a terminal: while the view sits at the bottom, new lines scroll into view; once
 * the reader scrolls up it stays put and counts what arrived below; back at the bottom (by scrolling or
 * the "new lines" button) it follows again. Only an upward scroll stops following, so the view's own
 * scrolling to new lines never does.
 */
export function useLogFollow({
  scrollRef,
  rowCount,
  lineCount,
  version,
  initial,
}: {
  scrollRef: RefObject<HTMLDivElement | null>;
  rowCount: number;
  lineCount: number;
  version: number;
  initial: boolean;
}) {
  const [follow, setFollowState] = useState(initial);
  const [leftAt, setLeftAt] = useState(0);
  const lastTop = useRef(0);

  function setFollow(on: boolean) {
    setFollowState(on);
    if (!on) setLeftAt(lineCount);
  }

  function onScroll(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
    if (atBottom && !follow) setFollowState(true);
    else if (!atBottom && follow && el.scrollTop < lastTop.current - 2) setFollow(false);
    lastTop.current = el.scrollTop;
  }

  // Straight to the end: the browser clamps the offset, so nothing has to read the layout first
  // (virtualizer.scrollToIndex reads scrollHeight, a forced layout on every poll of a huge log).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (follow && rowCount > 0 && el) el.scrollTop = Number.MAX_SAFE_INTEGER;
  }, [follow, rowCount, version, scrollRef]);

  return { follow, setFollow, onScroll, unseen: follow ? 0 : Math.max(0, lineCount - leftAt) };
}
