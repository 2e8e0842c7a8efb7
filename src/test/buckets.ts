// Storage test set-up shared by the buckets and uploads features: the demo cluster behind a signed-in
// session, Node's Blob and File, and the layout jsdom lacks (the tables are virtualised).
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { afterEach, beforeEach, vi } from 'vitest';
import { configure } from '@testing-library/react';
import { forgetS3Credentials } from '../lib/s3/oscar';
import { serveDemoCluster, type NodeDemo, type TestCluster } from './demo';
import { fakeLayout } from './layout';
import { signIn, TEST_ENDPOINT } from './session';

export const BASE = TEST_ENDPOINT;

/** Call at the top level of a test file: a fresh demo cluster on BASE and a Basic session before each test. */
export function setUpBucketTests(prepare?: (cluster: TestCluster) => void): NodeDemo {
  const demo = serveDemoCluster(BASE, prepare);
  // Room for a loaded 2-core machine: every step goes through MSW and React.
  configure({ asyncUtilTimeout: 5_000 });
  beforeEach(() => {
    signIn();
    // The S3 keys are cached per endpoint and user: each test's cluster makes its own.
    forgetS3Credentials();
    vi.stubGlobal('Blob', NodeBlob);
    vi.stubGlobal('File', NodeFile);
    fakeLayout();
  });
  afterEach(() => demo.server.events.removeAllListeners());
  return demo;
}

/** Every request the app sends from now on in this test, as URLs. */
export function recordRequests(demo: NodeDemo): URL[] {
  const seen: URL[] = [];
  demo.server.events.on('request:start', ({ request }) => void seen.push(new URL(request.url)));
  return seen;
}
