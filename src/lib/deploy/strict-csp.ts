// What the app does so it runs under a strict Content-Security-Policy (no 'unsafe-eval'; deploy/nginx/).

declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

/**
 * zod 4 probes `new Function` to compile fast parsers; under the CSP that probe is reported as a violation.
 * Its `z.config({ jitless: true })` would pull zod's core into the first-visit bundle, so the same setting
 * goes where zod reads it when it loads (zod/v4/core/core.js: globalThis.__zod_globalConfig ??= {}).
 */
export function preferNoEval(): void {
  globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
}
