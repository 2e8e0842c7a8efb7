import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { DEMO_ENDPOINT } from '../src/api/demo';

export const worker = setupWorker(
  http.get(`${DEMO_ENDPOINT}/system/info`, () => HttpResponse.json({ version: 'v4.1.2' })),
  http.get(`${DEMO_ENDPOINT}/system/services`, () => HttpResponse.json([{ name: 'cowsay', image: 'ghcr.io/grycap/cowsay', script: '' }])),
);

export async function startDemo(): Promise<void> {
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
