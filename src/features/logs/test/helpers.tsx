// Test helpers for the log views: the set-up of their pages' tests, their routes in a memory router, and
// the layout the virtualised lines need (the generic pieces are in src/test/).
import type { ReactNode } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { Toaster } from '../../../components/toast';
import { serveDemoCluster, type NodeDemo } from '../../../test/demo';
import { fakeLayout as fakeBoxes } from '../../../test/layout';
import { LocationProbe, renderRoutes as renderTestRoutes, withLocation } from '../../../test/render';
import { signIn } from '../../../test/session';
import { Component as DeploymentRoute } from '../routes/deployment-route';
import { Component as JobLogRoute } from '../routes/job-log-route';

/**
 * jsdom has no layout: give scroll containers a size so the virtualizer renders a window of rows, and
 * the scrolling calls it makes.
 */
export function fakeLayout(height = 400): void {
  fakeBoxes({ height, width: 1200 });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1200);
  Element.prototype.scrollIntoView = vi.fn();
  // The virtualizer scrolls with element.scrollTo, which jsdom lacks.
  Element.prototype.scrollTo = function scrollTo(this: Element, opts?: ScrollToOptions | number) {
    if (typeof opts === 'object') {
      if (opts.top !== undefined) this.scrollTop = opts.top;
      if (opts.left !== undefined) this.scrollLeft = opts.left;
    }
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
}

/**
 * Call at the top level of a page's test file: the demo cluster answering, signed in, the layout, and
 * fake timers (the pages poll) that tests move along with the cluster's clock.
 */
export function servePages(): NodeDemo {
  const demo = serveDemoCluster();
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    signIn();
    fakeLayout(400);
  });
  afterEach(() => vi.useRealTimers());
  return demo;
}

/** The job log and deployment pages at `url`, with the toasts they raise. */
export function renderRoutes(url: string) {
  return renderTestRoutes(
    [
      { path: '/jobs/:service/:job', element: withLocation(<JobLogRoute />) },
      { path: '/services/:name/deployment', element: withLocation(<DeploymentRoute />) },
      { path: '*', element: <LocationProbe /> },
    ],
    { url, extra: <Toaster /> },
  );
}

/** Renders any element inside a router (for the viewer on its own). */
export function renderInRouter(el: ReactNode, url = '/') {
  return renderTestRoutes(
    [
      {
        path: '*',
        element: (
          <>
            {el}
            <Toaster />
            <LocationProbe />
          </>
        ),
      },
    ],
    { url },
  );
}
