// A small concurrency limit for the per-bucket metrics requests: 90 daily buckets must not become 90
// simultaneous requests to the cluster (browsers queue six per host anyway, and OSCAR queries
// Prometheus and MinIO for each). A task whose signal aborts while queued never starts.

export interface Limiter {
  /** `first` puts the task ahead of those waiting (a page's headline figures before its chart buckets). */
  run<T>(task: () => Promise<T>, signal?: AbortSignal, first?: boolean): Promise<T>;
  /** Tasks running now and waiting, for tests and benchmarks. */
  readonly active: number;
  readonly queued: number;
}

export function createLimiter(concurrency: number): Limiter {
  if (!(concurrency >= 1)) throw new Error('concurrency must be at least 1');
  let active = 0;
  const queue: { start: () => void; signal: AbortSignal | undefined; cancel: () => void }[] = [];

  const next = () => {
    while (active < concurrency && queue.length) {
      const item = queue.shift();
      if (!item) break;
      if (item.signal?.aborted) {
        item.cancel();
        continue;
      }
      item.start();
    }
  };

  return {
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal, first = false): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const abortError = () =>
          signal?.reason ?? new DOMException('The request was cancelled', 'AbortError');
        if (signal?.aborted) {
          reject(abortError());
          return;
        }
        const item = {
          signal,
          cancel: () => reject(abortError()),
          start: () => {
            active++;
            signal?.removeEventListener('abort', onAbort);
            task()
              .then(resolve, reject)
              .finally(() => {
                active--;
                next();
              });
          },
        };
        const onAbort = () => {
          const i = queue.indexOf(item);
          if (i >= 0) {
            queue.splice(i, 1);
            item.cancel();
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        if (first) queue.unshift(item);
        else queue.push(item);
        next();
      });
    },
  };
}
