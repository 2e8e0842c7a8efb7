// Test helpers for the jobs list: its route in a memory router, with the toasts it raises (the generic
// pieces, session, demo cluster in Node, layout, are in src/test/).
import { Toaster } from '../../../components/toast';
import { LocationProbe, renderRoutes, withLocation } from '../../../test/render';
import { Component as JobsRoute } from '../routes/jobs-route';

export function renderJobs(url: string) {
  return renderRoutes(
    [
      { path: '/jobs', element: withLocation(<JobsRoute />) },
      { path: '*', element: <LocationProbe /> },
    ],
    { url, extra: <Toaster /> },
  );
}
