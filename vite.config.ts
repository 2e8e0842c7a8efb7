/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// OSCAR sends no CORS headers itself (see ../shared/oscar-api/NOTES.md), so in development the
// dev server can proxy a real cluster: OSCAR_ENDPOINT=https://oscar.example.org npm start
// and pick "Dev proxy" on the login screen.
const oscarEndpoint = process.env.OSCAR_ENDPOINT?.replace(/\/+$/, '');
export const PROXY_PREFIX = '/oscar-proxy';

// 'embedded' is the build OSCAR's Dockerfile makes: scripts/deploy_container.cjs writes LAGOON_DEPLOY=embedded
// to .env.production.local, read here for `vite build` only (or LAGOON_DEPLOY=embedded in the environment).
// Relative asset URLs so it works under /ui/, hash routing, same-origin API: docs/decisions/007-deploy-modes.md.
const building = process.argv.includes('build');
const deployEnv = building ? loadEnv('production', process.cwd(), 'LAGOON_').LAGOON_DEPLOY : process.env.LAGOON_DEPLOY;
const DEPLOY = deployEnv === 'embedded' ? 'embedded' : 'hosted';

export default defineConfig({
  base: DEPLOY === 'embedded' ? './' : '/',
  plugins: [react(), tailwindcss()],
  define: {
    'import.meta.env.LAGOON_PROXY_TARGET': JSON.stringify(oscarEndpoint ?? ''),
    'import.meta.env.LAGOON_DEPLOY': JSON.stringify(DEPLOY),
  },
  server: {
    port: 5173,
    proxy: oscarEndpoint
      ? {
          [PROXY_PREFIX]: {
            target: oscarEndpoint,
            changeOrigin: true,
            secure: process.env.OSCAR_INSECURE !== '1',
            rewrite: (path) => path.slice(PROXY_PREFIX.length),
          },
        }
      : undefined,
  },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  test: {
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Component tests drive real user events through React; on a loaded 2-core CI machine 5 s is too tight.
    testTimeout: 30_000,
    // expect.poll gives up as waitFor does (src/test/setup.ts says why), not after its default 1 s.
    expect: { poll: { timeout: 20_000 } },
    // Pure logic (*.test.ts) runs in Node, components (*.test.tsx) in jsdom: building a jsdom window for
    // every file cost about 40 s of the unit suite's 3.5 min. A .test.ts that needs the DOM or web storage
    // says so in its first line: // @vitest-environment jsdom
    projects: [
      { extends: true, test: { name: 'logic', include: ['src/**/*.test.ts', 'mocks/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'components', include: ['src/**/*.test.tsx'], environment: 'jsdom' } },
    ],
  },
});
