import { describe, expect, it } from 'vitest';
import { invokePrefillState, readInvokePrefill, sampleInput } from './invoke-prefill';

const enc = (s: string) => new TextEncoder().encode(s);

describe('invoke prefill', () => {
  it('reads back what invokePrefillState wrote, and refuses what is not one', () => {
    const state = invokePrefillState({
      input: { kind: 'file', name: 'input.png', type: 'image/png', bytes: new Uint8Array([137, 80]) },
      mode: 'async',
      source: { label: 'Hub: YOLOv8', href: '/hub/yolov8' },
    });
    expect(readInvokePrefill(state)).toEqual(state.invokePrefill);
    expect(readInvokePrefill(null)).toBeNull();
    expect(readInvokePrefill({ prefill: {} })).toBeNull();
    expect(readInvokePrefill({ invokePrefill: { input: { kind: 'file', name: 'x', type: 'y', bytes: 'AAAA' } } })).toBeNull();
    // An off-site link back is dropped; a mode it does not know is left to the page's default.
    expect(
      readInvokePrefill({ invokePrefill: { input: { kind: 'text', text: 'hi' }, mode: 'later', source: { label: 'x', href: 'https://evil.example' } } }),
    ).toEqual({ input: { kind: 'text', text: 'hi' } });
  });

  it('sends JSON as JSON whatever its declared type, text as text, and images as files', () => {
    expect(sampleInput('input.txt', 'text/plain', enc('{"message": "Hello there. Mootastic!"}'))).toEqual({
      kind: 'json',
      text: '{"message": "Hello there. Mootastic!"}',
    });
    expect(sampleInput('input.txt', 'text/plain', enc('Hello'))).toEqual({ kind: 'text', text: 'Hello' });
    expect(sampleInput('input.json', 'text/json', enc('{"text":"hi"}')).kind).toBe('json');
    const jpg = sampleInput('fish/input.jpg', 'image/jpg', new Uint8Array([255, 216]));
    expect(jpg).toMatchObject({ kind: 'file', name: 'input.jpg', type: 'image/jpeg' });
    // Declared text that is not UTF-8 goes as bytes.
    expect(sampleInput('input.txt', 'text/plain', new Uint8Array([0xff, 0xfe, 0x00])).kind).toBe('file');
  });
});
