// What a demo job prints and writes, by what kind of service it is (fish detector, grayify, cowsay…):
// faas-supervisor's log lines around the script's own output, and the file it leaves in the output path.
// Deterministic from the job's name, so a restored snapshot rebuilds the same log.
import type { Service } from '../../src/api/types';
import type { Rng } from '../prng';
import { greyscalePng, toBase64 } from '../png';
import type { StoredObject } from './buckets';
import { splitPath } from './common';
import type { LogLine, StoredJob } from './jobs';

function supervisorStamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())},${pad(d.getUTCMilliseconds(), 3)}`;
}

/** What the service's script prints, by what kind of service it is. */
function scriptOutput(svc: Service, file: string, r: Rng): string[] {
  const n = svc.name + ' ' + svc.image;
  if (/gray|imagemagick/.test(n)) return [`SCRIPT: Invoked script.sh. File available in ${file}`, `Converting ${file} to grayscale`, 'convert: done (640x480, 8-bit Gray)'];
  if (/fish/.test(n)) return [`Loading model weights from /opt/model/fish-detector.pt`, `Processing ${file}`, `Detected ${r.int(1, 9)} fish (mean confidence ${(0.7 + r.next() * 0.29).toFixed(2)})`];
  if (/pose/.test(n)) return [`Running PoseNet on ${file}`, `Found ${r.int(1, 4)} person(s), 17 keypoints each`, 'Writing annotated image and keypoints JSON'];
  if (/dog/.test(n)) return [`Classifying ${file}`, `Top-1: ${r.pick(['Beagle', 'Border collie', 'Golden retriever', 'Pug', 'Dalmatian'])} (${(0.6 + r.next() * 0.39).toFixed(3)})`];
  if (/fire/.test(n)) return [`Analysing ${file} for fire and smoke`, `fire: ${r.chance(0.3) ? 'detected' : 'not detected'}, smoke: ${r.chance(0.4) ? 'detected' : 'not detected'}`];
  if (/mask|blurry|anon/.test(n)) return [`Blurring faces in ${file}`, `${r.int(0, 6)} face(s) found`];
  if (/thermal/.test(n)) return ['Submitting to Vega via interLink (slurm)', `Running thermal bridge detection on ${file}`, `${r.int(2, 40)} thermal bridges found`];
  if (/wordcount|compss/.test(n)) return ['Starting COMPSs runtime (3 workers)', `Counting words in ${file}`, `Total words: ${r.int(1000, 90000)}`];
  if (/sleep/.test(n)) return [`Sleeping for ${svc.environment?.variables?.SLEEP_SECONDS ?? '30'} seconds`, 'Woke up'];
  if (/cowsay/.test(n)) return [' ______', '< Moo! >', ' ------', '        \\   ^__^', '         \\  (oo)\\_______', '            (__)\\       )\\/\\', '                ||----w |', '                ||     ||'];
  return [`Processing ${file}`, `Processed ${r.int(10, 900)} records`];
}

export function buildJobLog(svc: Service, job: StoredJob, r: Rng): LogLine[] {
  const duration = job.finishAt - job.startAt;
  const quiet = /CRITICAL|ERROR/.test(svc.log_level ?? '');
  const inputKey = job.input?.key ?? 'event.json';
  const file = `/tmp/tmp${r.alnum(8)}/${inputKey.slice(inputKey.lastIndexOf('/') + 1)}`;
  const out: string[] = [];
  const sup = (level: string, msg: string) => (quiet ? null : `${level}|${msg}`);
  const lines: (string | null)[] = [
    sup('INFO', "Reading 'STORAGE_AUTH' environment variables"),
    job.input
      ? sup('INFO', `Downloading item from bucket '${job.input.bucket}' with key '${job.input.key}'`)
      : sup('INFO', 'Received event payload (async invocation)'),
    job.input ? sup('INFO', `Successful download of file '${job.input.key}' from bucket '${job.input.bucket}' in path '${file}'`) : null,
    sup('INFO', 'Executing user script'),
  ];
  for (const l of lines) if (l) out.push(l);
  for (const l of scriptOutput(svc, file, r)) out.push(`OUT|${l}`);
  if (job.outcome === 'Failed') {
    out.push('OUT|Traceback (most recent call last):');
    out.push('OUT|  File "/opt/app/predict.py", line 42, in <module>');
    out.push(`OUT|    ${r.pick(['raise RuntimeError("CUDA out of memory")', 'img = load_image(path)', 'model.load_state_dict(torch.load(weights))'])}`);
    out.push(`OUT|${r.pick(['RuntimeError: CUDA out of memory', 'OSError: cannot identify image file', 'FileNotFoundError: [Errno 2] No such file or directory'])}`);
    out.push('ERROR|Error executing user script: exit status 1');
  } else {
    const outPath = (svc.output ?? [])[0]?.path;
    if (outPath) out.push(`INFO|Uploading file '/tmp/tmp${r.alnum(8)}/output' to bucket '${splitPath(outPath).bucket}'`);
    if (!quiet) out.push('INFO|Script execution finished successfully');
  }
  const step = duration / (out.length + 1);
  return out.map((entry, i) => {
    const at = Math.round(step * (i + 0.5) + r.next() * step * 0.4);
    const [level, msg] = [entry.slice(0, entry.indexOf('|')), entry.slice(entry.indexOf('|') + 1)];
    const text = level === 'OUT' ? msg : `${supervisorStamp(job.startAt + at)} - supervisor - ${level} - ${msg}`;
    return { at, text };
  });
}

export function outputFor(svc: Service, base: string, r: Rng): { file: string; object: Pick<StoredObject, 'size' | 'contentType' | 'body' | 'binary'> } {
  const n = svc.name + ' ' + svc.image;
  if (/gray|imagemagick|pose|mask|blurry|anon/.test(n)) {
    const seed = r.int(0, 255);
    const png = greyscalePng(32, 32, (x, y) => (x * 8 + y * 4 + seed) % 256);
    return { file: `${base}.png`, object: { size: png.length, contentType: 'image/png', body: toBase64(png), binary: true } };
  }
  if (/fish|dog|plant|fire|thermal/.test(n)) {
    const body = JSON.stringify({ file: base, detections: r.int(0, 9), confidence: Number((0.5 + r.next() / 2).toFixed(3)) });
    return { file: `${base}.json`, object: { size: body.length, contentType: 'application/json', body } };
  }
  if (/zip/.test(n)) return { file: `${base}.zip`, object: { size: r.int(20_000, 900_000), contentType: 'application/zip' } };
  const body = `${svc.name} processed ${base}\n`;
  return { file: `${base}.txt`, object: { size: body.length, contentType: 'text/plain', body } };
}
