import { describe, expect, it } from 'vitest';
import { generateName, randomToken } from './token';
import { serviceNameProblem } from '../../../lib/fdl/service-schema';

describe('randomToken', () => {
  it('is 128 characters of letters and digits by default, and two differ', () => {
    const a = randomToken();
    const b = randomToken();
    expect(a).toHaveLength(128);
    expect(a).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(a).not.toBe(b);
  });

  it('draws from crypto.getRandomValues, skipping bytes that would bias the alphabet', () => {
    // 248 and above are dropped (256 % 62 = 8); 0 → "A", 61 → "9", 62 → "A" again; each draw of 4 bytes
    // gives 255, 0, 61, 62, so the first draw yields three characters and the second one more ("A").
    const bytes = [255, 0, 61, 62];
    const random = (a: Uint8Array) => {
      a.fill(0);
      a.set(bytes.slice(0, a.length));
      return a;
    };
    expect(randomToken(4, random)).toBe('A9AA');
  });
});

describe('generateName', () => {
  it('starts with the app prefix and is a valid OSCAR service name', () => {
    for (const prefix of ['juno', 'flows', 'terminal', 'filebrowser']) {
      const name = generateName(prefix);
      expect(name.startsWith(`${prefix}-`)).toBe(true);
      expect(serviceNameProblem(name)).toBeNull();
    }
  });
});
