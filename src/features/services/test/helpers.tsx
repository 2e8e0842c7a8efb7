// Test helpers for this feature: its routes in a memory router (the generic pieces are in src/test/).
import type { ReactNode } from 'react';
import { renderRoutes, LocationProbe, withLocation } from '../../../test/render';
import { Component as ServicesRoute } from '../routes/services-route';
import { Component as ServiceDetailRoute } from '../routes/service-detail-route';

export function renderServices(url: string, options: { extra?: ReactNode } = {}) {
  return renderRoutes(
    [
      { path: '/', element: <LocationProbe />, children: [] },
      { path: '/services', element: withLocation(<ServicesRoute />) },
      { path: '/services/:name', element: withLocation(<ServiceDetailRoute />) },
      { path: '*', element: <LocationProbe /> },
    ],
    { url, ...options },
  );
}
