// Loads the demo cluster's HTTP server (mocks/http-server.ts, TypeScript) through Vite's SSR loader, for
// the command-line demo server (scripts/demo-server.mjs) and the benchmarks (bench/support.mjs). Close
// the returned `vite` when done.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function loadDemoServer() {
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const { startDemoServer } = await vite.ssrLoadModule('/mocks/http-server.ts');
  return { vite, startDemoServer };
}
