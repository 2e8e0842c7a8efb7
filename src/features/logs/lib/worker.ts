// The Web Worker that parses followed job logs (see ./feed.ts): started by the log view with
// `new Worker(new URL(…/lib/worker.ts, import.meta.url), { type: 'module' })`.
import { serveLogParser, type FeedPort } from './feed';

serveLogParser(self as unknown as FeedPort);
