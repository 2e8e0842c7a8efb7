// The demo cluster's failure simulation, for a "simulate failures" control in the app. The mocks load
// on demand, so the app's first load does not carry them.
export type DemoControls = typeof import('../../mocks/faults');

export async function demoControls(): Promise<DemoControls> {
  return import('../../mocks/faults');
}
