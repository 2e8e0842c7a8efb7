// All the demo cluster's routes, in order: faults first, then each API area, then a 404 for anything
// else under the endpoint (the real server's Gin answers "404 page not found").
import { http } from 'msw';
import { DEMO_ENDPOINT } from '../src/api/demo';
import type { Cluster } from './cluster';
import { faultHandler } from './faults';
import { bucketHandlers } from './handlers/buckets';
import { catalogAppHandlers } from './handlers/catalog-apps';
import { text } from './handlers/common';
import { deploymentHandlers } from './handlers/deployment';
import { exposedHandlers } from './handlers/exposed';
import { federationHandlers } from './handlers/federation';
import { invokeHandlers } from './handlers/invoke';
import { jobHandlers } from './handlers/jobs';
import { metricHandlers } from './handlers/metrics';
import { quotaHandlers } from './handlers/quotas';
import { s3Handlers } from './handlers/s3';
import { serviceHandlers } from './handlers/services';
import { systemHandlers } from './handlers/system';
import { volumeHandlers } from './handlers/volumes';

export function createHandlers(cluster: Cluster, baseUrl: string = DEMO_ENDPOINT) {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    faultHandler(base),
    ...s3Handlers(cluster, base),
    ...systemHandlers(cluster, base),
    ...serviceHandlers(cluster, base),
    ...deploymentHandlers(cluster, base),
    ...exposedHandlers(cluster, base),
    ...bucketHandlers(cluster, base),
    ...jobHandlers(cluster, base),
    ...invokeHandlers(cluster, base),
    ...metricHandlers(cluster, base),
    ...quotaHandlers(cluster, base),
    ...volumeHandlers(cluster, base),
    ...federationHandlers(cluster, base),
    ...catalogAppHandlers(),
    http.all(`${base}/*`, () => text(404, '404 page not found')),
  ];
}
