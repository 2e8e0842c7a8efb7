import { describe, expect, it } from 'vitest';
import type { UploadSummary } from '../lib/queue';
import { summaryText } from './upload-summary';

function finished(counts: Partial<Pick<UploadSummary, 'done' | 'failed' | 'cancelled' | 'interrupted' | 'loaded'>>): UploadSummary {
  const c = { done: 0, failed: 0, cancelled: 0, interrupted: 0, loaded: 0, ...counts };
  const total = c.done + c.failed + c.cancelled + c.interrupted;
  return { total, queued: 0, uploading: 0, bytes: c.loaded, speed: 0, eta: null, finished: true, elapsed: 3000, ...c };
}

describe('the upload summary once a batch has finished', () => {
  it('says All done only when every file was uploaded', () => {
    expect(summaryText(finished({ done: 2, loaded: 2048 }))).toBe('All done: 2 uploaded (2.00 KB) in 3 s');
  });

  it('says Cancelled, with no "uploaded" and nothing "done", when the user cancelled every file', () => {
    expect(summaryText(finished({ cancelled: 1 }))).toBe('Cancelled: 1 file');
    expect(summaryText(finished({ cancelled: 3 }))).toBe('Cancelled: 3 files');
  });

  it('says Finished for a batch partly cancelled', () => {
    expect(summaryText(finished({ done: 1, cancelled: 1, loaded: 100 }))).toBe('Finished: 1 uploaded (100 B) in 3 s · 1 cancelled');
  });

  it('keeps failures and files waiting for their data in view, under Finished (what scripts wait for)', () => {
    expect(summaryText(finished({ done: 1, failed: 1, loaded: 100 }))).toBe('Finished: 1 uploaded (100 B) in 3 s · 1 failed');
    expect(summaryText(finished({ failed: 2, cancelled: 1 }))).toBe('Finished: nothing uploaded · 2 failed · 1 cancelled');
    expect(summaryText(finished({ interrupted: 1 }))).toBe('Finished: nothing uploaded · 1 waiting for their file');
  });
});

describe('the upload summary while a batch runs', () => {
  it('counts the files still to go and the bytes', () => {
    const running: UploadSummary = { ...finished({ done: 1, loaded: 1024 }), finished: false, uploading: 1, queued: 1, total: 3, bytes: 4096 };
    expect(summaryText(running)).toBe('Uploading 2 files · 1.00 KB of 4.00 KB');
  });
});
