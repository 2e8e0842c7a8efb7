// All the demo cluster's routes, in order: faults first, then each API area, then a 404 for anything
// else under the endpoint (the real server's Gin answers "404 page not found").
import { http } from 'msw';
import { DEMO_ENDPOINT } from '../src/api/demo';
import type { Cluster } from './cluster';
import { faultHandler } from './faults';
import { text } from './handlers/common';
import { serviceHandlers } from './handlers/services';
import { systemHandlers } from './handlers/system';

export function createHandlers(cluster: Cluster, baseUrl: string = DEMO_ENDPOINT) {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    faultHandler(base),
    ...systemHandlers(cluster, base),
    ...serviceHandlers(cluster, base),
    http.all(`${base}/*`, () => text(404, '404 page not found')),
  ];
}
