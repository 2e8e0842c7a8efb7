// The first visit's JS stays within its limit (the aim is lower: bench/bundle-size.mjs prints both and what
// the entry chunk is made of). Reads the build the suite serves; needs no browser.
import { expect, test } from '@playwright/test';
import { bundleReport, FIRST_VISIT_LIMIT_KB } from './support/bundle';

test('the first visit loads at most the budgeted JS (gzip)', () => {
  const r = bundleReport(process.env.LAGOON_DIST ?? 'dist');
  expect(r.firstFiles.length, 'index.html names its entry script').toBeGreaterThan(0);
  // The lazily loaded pieces stay out of it: the editor, the charts and the upload engine.
  const first = r.firstFiles.map((f) => f.file).join(' ');
  expect(first).not.toMatch(/monaco|CartesianChart|upload-manager/);
  expect(r.firstTotal, `first visit ${(r.firstTotal / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(FIRST_VISIT_LIMIT_KB * 1024);
});
