import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { polyfillDialog } from './dialog-polyfill';

polyfillDialog();

// waitFor and findBy* wait for a condition; their timeout only says when to give up on one that never
// comes. Testing Library's default (1 s) is a guess at the machine's speed: a page that makes 75 requests
// through MSW and draws three charts takes several seconds on a loaded 2-core CI machine, and tests that
// were right failed there. They give up at 20 s, before the test's own 30 s (vite.config.ts), so a
// failure shows waitFor's message and the DOM rather than a bare "test timed out". expect.poll has the
// same limit (vite.config.ts, test.expect.poll). This is no fix for a race: a test that waits for
// something that may or may not happen needs a fake clock, or the event itself to await.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => {
  // Pure-logic tests run in Node (no DOM, no storage); component tests in jsdom.
  if (typeof document === 'undefined') return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
