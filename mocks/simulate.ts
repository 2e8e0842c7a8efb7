// What a synchronous call (/run/{service}) answers: a small simulation of the service's script, chosen
// by its name and image — cowsay draws a cow, plant classification returns JSON predictions, an
// imagemagick-like service returns a base64 PNG, a sleep service waits (and stops if the call is
// aborted), anything else echoes what it got.
import type { Service } from '../src/api/types';
import { greyscalePng, toBase64 } from './png';
import { createRng, hashString } from './prng';

export interface RunResult {
  body: string;
  contentType: string;
  /** Seconds of CPU the call is counted for in the metrics. */
  cpuSeconds: number;
  status?: number;
}

function cow(message: string): string {
  const lines = message.replace(/\r/g, '').split('\n').flatMap((l) => l.match(/.{1,39}/g) ?? ['']);
  const width = Math.max(...lines.map((l) => l.length));
  const border = (a: string) => ` ${a.repeat(width + 2)}`;
  const body =
    lines.length === 1
      ? [`< ${lines[0]} >`]
      : lines.map((l, i) => {
          const [open, close] = i === 0 ? ['/', '\\'] : i === lines.length - 1 ? ['\\', '/'] : ['|', '|'];
          return `${open} ${l.padEnd(width)} ${close}`;
        });
  return [
    border('_'),
    ...body,
    border('-'),
    '        \\   ^__^',
    '         \\  (oo)\\_______',
    '            (__)\\       )\\/\\',
    '                ||----w |',
    '                ||     ||',
    '',
  ].join('\n');
}

/**
 * The file the script reads, from the request body, as faas-supervisor writes it (its UnknownEvent): a
 * JSON body as it is, else the body base64-decoded (oscar-cli and the OSCAR Dashboard send files that
 * way), else, when it is not valid base64, the raw bytes. Line breaks are ignored, as `base64` wraps its
 * output; any other character outside the alphabet (a space: "moo from a test") makes the body plain
 * text, where Python's lenient decoder would drop it and decode the rest into junk.
 */
export function supervisorInput(body: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(body);
  try {
    JSON.parse(text);
    return body;
  } catch {
    // not JSON: try base64
  }
  const b64 = text.replace(/\r?\n/g, '');
  if (!b64 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return body;
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** The input as text when it is UTF-8 (what `cat` would show), null for binary input. */
function utf8(input: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return null;
  }
}

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('The call was aborted', 'AbortError'));
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new DOMException('The call was aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

export async function simulateRun(svc: Service, body: Uint8Array, signal: AbortSignal): Promise<RunResult> {
  const what = `${svc.name} ${svc.image}`;
  const input = supervisorInput(body);
  // Seeded by the body as sent, so an answer does not change with how the input is read.
  const r = createRng(hashString(`${svc.name}:${body.length}:${body[0] ?? 0}`));
  const textIn = new TextDecoder().decode(input);
  const vars = svc.environment?.variables ?? {};

  if (/sleep/.test(what)) {
    const seconds = Number(vars.SLEEP_SECONDS ?? '30');
    await abortable((Number.isFinite(seconds) ? seconds : 30) * 1000, signal);
    return { body: `Slept for ${seconds}s\n`, contentType: 'text/plain; charset=utf-8', cpuSeconds: 0.1 };
  }
  if (/cowsay/.test(what)) {
    let message = textIn.trim();
    if (vars.INPUT_TYPE === 'json') {
      try {
        const parsed = JSON.parse(textIn) as unknown;
        if (parsed && typeof parsed === 'object' && 'message' in parsed) message = String((parsed as { message: unknown }).message);
      } catch {
        // cowsay says whatever it is given
      }
    }
    const secrets = svc.environment?.secrets;
    if (secrets && 'COWSAY_SECRET' in secrets) message = `${message || 'Moo'} (secret is ${secrets.COWSAY_SECRET ? 'set' : 'missing'})`;
    return { body: cow(message || 'Moo!'), contentType: 'text/plain; charset=utf-8', cpuSeconds: 0.3 };
  }
  if (/gray|imagemagick/.test(what)) {
    const seed = r.int(0, 255);
    const png = greyscalePng(48, 32, (x, y) => (Math.sin((x + seed) / 5) * 60 + Math.cos(y / 4) * 60 + 128) % 256);
    return { body: toBase64(png), contentType: 'text/plain; charset=utf-8', cpuSeconds: 1.2 };
  }
  if (/plant/.test(what)) {
    const species = ['Quercus ilex', 'Olea europaea', 'Pinus halepensis', 'Rosmarinus officinalis', 'Lavandula angustifolia', 'Ceratonia siliqua', 'Pistacia lentiscus'];
    const scores = species.map(() => r.next() ** 3);
    const total = scores.reduce((a, b) => a + b, 0);
    const ranked = species.map((label, i) => ({ label, probability: (scores[i] ?? 0) / total })).sort((a, b) => b.probability - a.probability).slice(0, 5);
    const body = JSON.stringify({
      status: 'OK',
      predictions: { labels: ranked.map((x) => x.label), probabilities: ranked.map((x) => Number(x.probability.toFixed(4))) },
      info: { model: 'plants-classification-tf', input_bytes: input.length },
    });
    return { body, contentType: 'application/json', cpuSeconds: 2.4 };
  }
  if (/dog/.test(what)) {
    const breeds = ['Beagle', 'Border collie', 'Golden retriever', 'Pug', 'Dalmatian', 'Labrador retriever'];
    const body = JSON.stringify({ predictions: breeds.slice(0, 3).map((b) => ({ label: b, probability: Number(r.next().toFixed(3)) })) });
    return { body, contentType: 'application/json', cpuSeconds: 1.8 };
  }
  if (/kserve|sklearn/.test(what)) {
    return { body: JSON.stringify({ predictions: [r.int(0, 2), r.int(0, 2)] }), contentType: 'application/json', cpuSeconds: 0.4 };
  }
  if (/qwen|llm|vllm/.test(what)) {
    const body = JSON.stringify({
      id: `chatcmpl-${r.hex(12)}`,
      object: 'chat.completion',
      model: svc.name,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! This answer comes from the Lagoon demo cluster.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: Math.ceil(input.length / 4), completion_tokens: 12, total_tokens: Math.ceil(input.length / 4) + 12 },
    });
    return { body, contentType: 'application/json', cpuSeconds: 6 };
  }
  const echo = utf8(input) ?? '';
  return {
    body: `${svc.name}: processed ${input.length} bytes\n${echo.slice(0, 2000)}${echo.endsWith('\n') || !echo ? '' : '\n'}`,
    contentType: 'text/plain; charset=utf-8',
    cpuSeconds: 0.5,
  };
}
