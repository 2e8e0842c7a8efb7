// OSCAR's Dockerfile runs `node scripts/deploy_container.cjs && npm run build` in its ui-build stage, then
// serves dist/ at /ui/ with gin's r.Static (no fallback to index.html). This switches the next build to the
// embedded mode: relative asset URLs, hash routing, the cluster API on the page's own origin.
// See docs/decisions/007-deploy-modes.md.
//
//   node scripts/deploy_container.cjs          # the next `npm run build` is the embedded one
//   node scripts/deploy_container.cjs --undo   # back to the hosted build
//
// It writes LAGOON_DEPLOY=embedded to .env.production.local, which Vite reads for `vite build` only (the
// file is git-ignored). The same setting can be given for one build: LAGOON_DEPLOY=embedded npm run build.
// CommonJS on purpose: the name and the way OSCAR calls it are fixed by OSCAR's Dockerfile.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', '.env.production.local');
const line = 'LAGOON_DEPLOY=embedded';

const kept = fs.existsSync(file)
  ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('LAGOON_DEPLOY='))
  : [];

if (process.argv.includes('--undo')) {
  if (kept.length) fs.writeFileSync(file, `${kept.join('\n')}\n`);
  else fs.rmSync(file, { force: true });
  console.log('deploy_container: the next build is the hosted one.');
} else {
  fs.writeFileSync(file, `${[...kept, line].join('\n')}\n`);
  console.log(`deploy_container: ${line} written to .env.production.local; the next build is the embedded one (served at /ui/).`);
}
