// npm run demo:server — the demo cluster (mocks/) over real HTTP on 127.0.0.1, with CORS as OSCAR's
// ingress answers it. Point Lagoon (hosted), the OSCAR Dashboard or oscar-cli at it:
//
//   npm run demo:server                          # API on http://127.0.0.1:8080 (user oscar / lagoon-demo)
//   npm run demo:server -- --port 9000 --ui dist # and a built UI at /ui/, served as OSCAR's gin does
//   npm run demo:server -- --trust https://aai.egi.eu/auth/realms/egi   # accept tokens from an issuer
//
// The mocks use Vite features (import.meta.glob for the seed's FDL files), so they are loaded through
// Vite's SSR module loader rather than compiled separately: the server runs the very same modules.
import { loadDemoServer } from './demo-module.mjs';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const out = { port: 8080, host: '127.0.0.1', ui: undefined, trust: [], log: false, config: path.join(root, 'public/config.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--port') out.port = Number(next());
    else if (a === '--host') out.host = next();
    else if (a === '--ui') out.ui = next();
    else if (a === '--trust') out.trust.push(next());
    else if (a === '--config') out.config = next();
    else if (a === '--log') out.log = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run demo:server -- [--port 8080] [--host 127.0.0.1] [--ui <built dist>] [--trust <issuer>]... [--config public/config.json] [--log]');
      process.exit(0);
    } else {
      console.error(`unknown option ${a} (try --help)`);
      process.exit(2);
    }
  }
  return out;
}

/** The providers in config.json are trusted, as the browser demo does. */
function issuersFrom(file) {
  try {
    const config = JSON.parse(readFileSync(file, 'utf8'));
    return (config.oidcProviders ?? []).map((p) => p.authority).filter((a) => typeof a === 'string');
  } catch {
    return [];
  }
}

const args = parseArgs(process.argv.slice(2));
const { vite, startDemoServer } = await loadDemoServer();
const demo = await startDemoServer({
  port: args.port,
  host: args.host,
  staticDir: args.ui,
  trustedIssuers: [...issuersFrom(args.config), ...args.trust],
  log: args.log,
});
console.log(`Demo OSCAR cluster on ${demo.url}  (user oscar, password lagoon-demo)${args.ui ? `\nUI (as OSCAR serves it) on ${demo.url}/ui/` : ''}`);

const stop = async () => {
  await demo.close();
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
