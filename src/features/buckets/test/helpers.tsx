// Test helpers for the buckets feature: its routes in a memory router with a Toaster, and where the router
// is. The demo cluster and session set-up shared with the uploads tests: src/test/buckets.tsx.
import { Toaster } from '../../../components/toast';
import { LocationProbe, renderRoutes, withLocation } from '../../../test/render';
import { Component as BucketRoute } from '../routes/bucket-route';
import { Component as BucketsRoute } from '../routes/buckets-route';

export function renderBuckets(url: string) {
  return renderRoutes(
    [
      { path: '/buckets', element: withLocation(<BucketsRoute />) },
      { path: '/buckets/:bucket/*', element: withLocation(<BucketRoute />) },
      { path: '*', element: <LocationProbe /> },
    ],
    { url, extra: <Toaster /> },
  );
}

/** Where the router is now. */
export function location(): string {
  return document.querySelector('[data-testid=location]')?.textContent ?? '';
}
