// Writes a .gz next to every text file of a build (nginx's gzip_static then sends it as is, with no
// per-request compression): node scripts/precompress.mjs [dist]. Used by the Dockerfile and the hosted e2e.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const TEXT = /\.(js|mjs|css|html|json|svg|txt|map|ttf|wasm)$/;
let files = 0;
let before = 0;
let after = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (TEXT.test(name)) {
      const data = readFileSync(file);
      if (data.length < 1024) continue;
      const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
      if (gz.length >= data.length) continue;
      writeFileSync(`${file}.gz`, gz);
      files++;
      before += data.length;
      after += gz.length;
    }
  }
}

walk(root);
console.log(`precompress: ${files} files in ${root}, ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB gzip`);
