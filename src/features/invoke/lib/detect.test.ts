import { zipSync } from 'fflate';
import { greyscalePng } from '../../../../mocks/png';
import { bytesToBase64 } from './base64';
import { detectBody, sniffMagic } from './detect';
import { listZip } from './zip';

const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'utf8'));
const png = greyscalePng(8, 4, (x, y) => x * 20 + y);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const pdf = enc('%PDF-1.7\n1 0 obj << >> endobj\n');
const wav = Uint8Array.from([...enc('RIFF'), 36, 0, 0, 0, ...enc('WAVEfmt ')]);
const mp4 = Uint8Array.from([0, 0, 0, 24, ...enc('ftypisom'), 0, 0, 2, 0, ...enc('isomiso2')]);
const zip = zipSync({ 'result/labels.json': enc('{"a":1}'), 'result/mask.png': png });

describe('sniffMagic', () => {
  it.each([
    ['PNG', png, 'image', 'image/png'],
    ['JPEG', jpeg, 'image', 'image/jpeg'],
    ['GIF', enc('GIF89a\x01\x00'), 'image', 'image/gif'],
    ['WAV', wav, 'audio', 'audio/wav'],
    ['MP4', mp4, 'video', 'video/mp4'],
    ['WebM', Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 1]), 'video', 'video/webm'],
    ['PDF', pdf, 'pdf', 'application/pdf'],
    ['ZIP', zip, 'zip', 'application/zip'],
    ['gzip', Uint8Array.from([0x1f, 0x8b, 8, 0]), 'binary', 'application/gzip'],
  ])('knows %s by its signature', (_, bytes, kind, mime) => {
    expect(sniffMagic(bytes)).toMatchObject({ kind, mime });
  });

  it('does not take text starting with BM for a bitmap', () => {
    expect(sniffMagic(enc('BMW 320d, 2019, diesel'))).toBeNull();
  });
});

describe('detectBody', () => {
  it('finds a PNG inside base64 text, as the imagemagick service prints it', () => {
    const body = enc(`${bytesToBase64(png).replace(/(.{76})/g, '$1\n')}\n`);
    const info = detectBody(body, { contentType: 'text/plain; charset=utf-8' });
    expect(info).toMatchObject({ kind: 'image', mime: 'image/png', base64: true, problems: [] });
    expect(Array.from(info.bytes)).toEqual(Array.from(png));
  });

  it('finds raw images, PDFs and zips by their bytes whatever the header says', () => {
    expect(detectBody(jpeg, { contentType: 'application/octet-stream' })).toMatchObject({
      kind: 'image',
      base64: false,
    });
    expect(detectBody(pdf, { contentType: 'text/plain' })).toMatchObject({ kind: 'pdf', problems: [] });
    expect(detectBody(enc(bytesToBase64(zip)))).toMatchObject({ kind: 'zip', base64: true });
  });

  it('reads JSON and keeps the parsed value', () => {
    const info = detectBody(enc('{"predictions": [0.9, 0.1]}'), { contentType: 'application/json' });
    expect(info).toMatchObject({ kind: 'json', json: { predictions: [0.9, 0.1] }, problems: [] });
  });

  it('shows cowsay as text, and base64 of text as the decoded text', () => {
    expect(detectBody(enc(' _____\n< moo >\n -----\n'))).toMatchObject({ kind: 'text', base64: false });
    const info = detectBody(enc(bytesToBase64(enc('Hello from the other side'))));
    expect(info).toMatchObject({ kind: 'text', base64: true, text: 'Hello from the other side' });
  });

  it('keeps words and hex digests that fit the base64 alphabet as text', () => {
    expect(detectBody(enc('Processed'))).toMatchObject({ kind: 'text', base64: false });
    expect(detectBody(enc('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'))).toMatchObject(
      { kind: 'text', base64: false },
    );
  });

  it('calls non-text, non-signature bytes binary, and long base64 of them binary too', () => {
    const random = Uint8Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 251);
    expect(detectBody(random)).toMatchObject({ kind: 'binary', base64: false });
    expect(detectBody(enc(bytesToBase64(random)))).toMatchObject({ kind: 'binary', base64: true });
  });

  it('flags an answer that claims to be an image but is not', () => {
    const info = detectBody(enc('Traceback (most recent call last):\n  File "run.py"'), {
      contentType: 'image/png',
    });
    expect(info.kind).toBe('text');
    expect(info.problems[0]).toMatch(/says it is image\/png, but its bytes are not an image/);
  });

  it('recognises HTML and script so they are shown as text, never rendered', () => {
    for (const html of [
      '<!DOCTYPE html><html><body>502</body></html>',
      'ok <script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
    ]) {
      const info = detectBody(enc(html), { contentType: 'text/html' });
      expect(info).toMatchObject({ kind: 'text', html: true });
      expect(info.notes.join(' ')).toMatch(/never run/);
      expect(info.problems).toEqual([]);
    }
  });

  it('judges a preview of a large answer without failing on a cut character or cut JSON', () => {
    const text = `{"items": [${'"é",'.repeat(1000)}`;
    const cut = enc(text).subarray(0, 1001); // ends inside a two-byte "é"
    expect(detectBody(cut, { partial: true, contentType: 'application/json' })).toMatchObject({
      kind: 'text',
      problems: [],
    });
    const b64 = enc(bytesToBase64(png)).subarray(0, 41);
    expect(detectBody(b64, { partial: true })).toMatchObject({ kind: 'image', base64: true });
  });

  it('calls an empty answer empty', () => {
    expect(detectBody(new Uint8Array())).toMatchObject({ kind: 'empty' });
  });
});

describe('listZip', () => {
  it('lists entries with sizes without inflating them', () => {
    const r = listZip(zip);
    expect(r.ok && r.entries.map((e) => [e.name, e.size])).toEqual([
      ['result/labels.json', 7],
      ['result/mask.png', png.length],
    ]);
  });

  it('reports a broken archive instead of throwing', () => {
    const r = listZip(zip.subarray(0, 30));
    expect(r.ok).toBe(false);
  });
});
