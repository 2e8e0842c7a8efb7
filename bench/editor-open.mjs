// The service editor: gzipped size of the lazily loaded Monaco chunks (and proof they are not in the
// first-visit bundle), and how long the editor takes to open on a large FDL (50 services, a
// 2,000-line script) and on a service with that script, in Chromium on the production build with the
// demo cluster. Prints figures; never fails the run.
// LAGOON_DIST=<dir> measures another build directory (default dist/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { kb, launchBrowser, loginDemo, ms, servePreview } from './support.mjs';

const DIST = process.env.LAGOON_DIST || 'dist';

function sizes() {
  const dir = `${DIST}/assets`;
  const files = readdirSync(dir);
  const pick = (re) => files.filter((f) => re.test(f));
  const measure = (f) => {
    const buf = readFileSync(`${dir}/${f}`);
    return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const groups = {
    'Monaco editor (JS)': pick(/^monaco-setup-.*\.js$/),
    'Monaco editor (CSS)': pick(/^monaco-setup-.*\.css$/),
    'editor worker': pick(/^editor\.worker-.*\.js$/),
    'YAML worker (monaco-yaml)': pick(/^yaml\.worker-.*\.js$/),
    'editor route': pick(/^editor-route-.*\.(js|css)$/),
  };
  console.log('Lazily loaded editor chunks (gzip -9):');
  let total = 0;
  for (const [label, list] of Object.entries(groups)) {
    for (const f of list) {
      const m = measure(f);
      total += m.gzip;
      console.log(`  ${label.padEnd(28)} ${kb(m.gzip).padStart(10)} gzip  (${kb(m.raw)} raw)  ${m.file}`);
    }
  }
  console.log(`  ${'total'.padEnd(28)} ${kb(total).padStart(10)} gzip`);
  // The first visit loads index.html, its entry script and what it preloads: none may be Monaco.
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const firstVisit = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
  const monacoInFirst = firstVisit.filter((f) => /monaco|worker/.test(f));
  const entry = firstVisit.find((f) => /^index-.*\.js$/.test(f));
  const staticMonaco = entry ? /from"\.\/monaco-setup|import"\.\/monaco-setup/.test(readFileSync(`${dir}/${entry}`, 'utf8')) : false;
  console.log(`Monaco in the first-visit bundle: ${monacoInFirst.length || staticMonaco ? `YES (${monacoInFirst.join(', ')})` : 'no'}`);
}

function bigScript(lines) {
  const out = ['#!/bin/bash', 'set -euo pipefail'];
  for (let i = 3; i <= lines; i++) out.push(`echo "step ${i}: processing \${INPUT_FILE_PATH}" | tee -a "$TMP_OUTPUT_DIR/log.txt"  # ${'x'.repeat(i % 40)}`);
  return `${out.join('\n')}\n`;
}

function bigFdl(n) {
  const services = [];
  for (let i = 1; i <= n; i++) {
    services.push(`  - oscar-cluster:
      name: bench-service-${String(i).padStart(2, '0')}
      image: ghcr.io/grycap/cowsay
      cpu: '1.0'
      memory: 1Gi
      script: big.sh
      log_level: INFO
      environment:
        Variables:
          INPUT_TYPE: json
          INDEX: "${i}"
      input:
      - storage_provider: minio
        path: bench-service-${i}/input
      output:
      - storage_provider: minio
        path: bench-service-${i}/output
        suffix: [.png, .jpg]`);
  }
  return `functions:\n  oscar:\n${services.join('\n')}\n`;
}

const monacoReady = (page, label) =>
  page.waitForFunction(
    (l) => window.__lagoonMonaco?.editor.getEditors().some((e) => e.getContainerDomNode().closest(`[aria-label="${l}"]`) && e.getModel()),
    label,
  );

async function timings(url) {
  const browser = await launchBrowser();
  try {
    const script = bigScript(2000);
    const fdl = bigFdl(50);
    console.log(`Large FDL: 50 services, ${(fdl.length / 1024).toFixed(1)} KB; script: 2,000 lines, ${(script.length / 1024).toFixed(1)} KB`);

    // 1. Cold: a new page, Monaco not yet loaded; import the FDL and its script, open one service.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await loginDemo(page, url);
    let t = Date.now();
    await page.goto(`${url}/services/new`);
    await page.getByRole('heading', { name: 'Create service' }).waitFor();
    const routeShown = Date.now() - t;
    await monacoReady(page, 'Service script (shell)');
    const monacoCold = Date.now() - t;

    await page.getByRole('button', { name: 'Import FDL…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an FDL file' });
    t = Date.now();
    await dialog.locator('input[type=file]').first().setInputFiles([
      { name: 'bench.yaml', mimeType: 'application/yaml', buffer: Buffer.from(fdl) },
      { name: 'big.sh', mimeType: 'text/x-shellscript', buffer: Buffer.from(script) },
    ]);
    await dialog.getByText('50 services found; choose the one to edit').waitFor();
    const importParsed = Date.now() - t;
    await dialog.getByRole('radio', { name: /bench-service-50/ }).check();
    t = Date.now();
    await dialog.getByRole('button', { name: 'Edit this one' }).click();
    await page.waitForFunction(() =>
      window.__lagoonMonaco?.editor.getEditors().some((e) => e.getContainerDomNode().closest('[aria-label="Service script (shell)"]') && e.getModel()?.getLineCount() >= 2000),
    );
    await page.getByLabel('Service name').evaluate((el, v) => el.value === v || Promise.reject(new Error(el.value)), 'bench-service-50');
    const opened = Date.now() - t;
    t = Date.now();
    await page.getByRole('tab', { name: /YAML/ }).click();
    await monacoReady(page, 'Service FDL (YAML)');
    await page.getByText('No problems found in the YAML.').waitFor();
    const yamlTab = Date.now() - t;

    // Typing in the 2,000-line script: each key goes through the form value, the YAML and the checks.
    await page.getByRole('tab', { name: 'Form' }).click();
    await monacoReady(page, 'Service script (shell)');
    await page.getByRole('group', { name: 'Service script (shell)', exact: true }).locator('.view-lines').click();
    const keys = 40;
    t = Date.now();
    for (let i = 0; i < keys; i++) await page.keyboard.type('x');
    await page.waitForFunction(
      (n) => window.__lagoonMonaco.editor.getEditors().some((e) => (e.getValue().match(/x/g) ?? []).length >= n),
      keys,
    );
    const perKey = (Date.now() - t) / keys;

    // 2. Edit page of a service whose script has 2,000 lines (Monaco now in the browser's cache).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.waitForFunction(() => window.__lagoonDemo);
    await page.evaluate((s) => {
      window.__lagoonDemo.cluster.createService({ kind: 'admin', username: 'oscar' }, { name: 'bench-big', image: 'ubuntu', script: s });
    }, script);
    // The demo keeps its state across a reload after a short delay.
    await page.waitForTimeout(800);
    t = Date.now();
    await page.goto(`${url}/services/bench-big/edit`);
    await page.getByRole('heading', { name: 'Edit bench-big' }).waitFor();
    const editShown = Date.now() - t;
    await page.waitForFunction(() =>
      window.__lagoonMonaco?.editor.getEditors().some((e) => e.getModel()?.getLineCount() >= 2000),
    );
    const editReady = Date.now() - t;

    console.log(`Create page, cold: route shown ${ms(routeShown)}, Monaco ready ${ms(monacoCold)}`);
    console.log(`Import of the large FDL + script (read, parse, 50 services listed): ${ms(importParsed)}`);
    console.log(`Open one of its services in the editor (form + 2,000-line script in Monaco): ${ms(opened)}`);
    console.log(`Switch to the YAML tab (Monaco YAML + checks): ${ms(yamlTab)}`);
    console.log(`Typing in the 2,000-line script: ${ms(perKey)} per key (${keys} keys)`);
    console.log(`Edit page of a service with a 2,000-line script: page shown ${ms(editShown)}, script editor ready ${ms(editReady)}`);
  } finally {
    await browser.close();
  }
}

if (!existsSync(`${DIST}/index.html`)) {
  console.log(`${DIST}/ has no build: run "npx vite build" first.`);
} else {
  sizes();
  const server = await servePreview();
  try {
    await timings(server.url);
  } catch (e) {
    console.log(`Could not time the editor: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  } finally {
    server.stop();
  }
}
