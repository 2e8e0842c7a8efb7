import {
  bytesToMemory,
  coresToCpu,
  cpuToCores,
  cpuToMillicores,
  formatBytes,
  isQuantity,
  memoryToBytes,
  parseQuantity,
} from './quantity';

const Ki = 1024;
const Mi = Ki * 1024;
const Gi = Mi * 1024;

describe('parseQuantity', () => {
  it.each([
    ['1Gi', Gi, 'BinarySI'],
    ['512Mi', 512 * Mi, 'BinarySI'],
    ['1.5Gi', 1.5 * Gi, 'BinarySI'],
    ['3Ti', 3 * 1024 * Gi, 'BinarySI'],
    ['2G', 2e9, 'DecimalSI'],
    ['100k', 100_000, 'DecimalSI'],
    ['1E', 1e18, 'DecimalSI'],
    ['500m', 0.5, 'DecimalSI'],
    ['0.5', 0.5, 'DecimalSI'],
    ['1.', 1, 'DecimalSI'],
    ['.5', 0.5, 'DecimalSI'],
    ['+2', 2, 'DecimalSI'],
    ['-1', -1, 'DecimalSI'],
    ['1e3', 1000, 'DecimalExponent'],
    ['1E-3', 0.001, 'DecimalExponent'],
    ['2e+2', 200, 'DecimalExponent'],
  ] as const)('reads %s', (text, value, format) => {
    const q = parseQuantity(text);
    expect(q).not.toBeNull();
    expect(q?.value).toBeCloseTo(value, 12);
    expect(q?.format).toBe(format);
  });

  it.each([
    'lots',
    '',
    ' 1Gi',
    '1Gi ',
    '1 Gi',
    '1gi',
    '1GI',
    'Gi',
    '1.2.3',
    '1e',
    '1KiB',
    '1_000',
    '0x10',
    'e3',
    '1Mi2',
    '--1',
  ])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeNull();
    expect(isQuantity(text)).toBe(false);
  });

  it('takes numbers as YAML writes them', () => {
    expect(parseQuantity(1)?.value).toBe(1);
    expect(parseQuantity(0.25)?.value).toBe(0.25);
    expect(parseQuantity(Number.NaN)).toBeNull();
    expect(parseQuantity(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('keeps the suffix as written', () => {
    expect(parseQuantity('3Mi')?.suffix).toBe('Mi');
    expect(parseQuantity('3e6')?.suffix).toBe('e6');
    expect(parseQuantity('3')?.suffix).toBe('');
  });

  it('rejects values that are not strings or numbers', () => {
    expect(isQuantity(null)).toBe(false);
    expect(isQuantity(['1Gi'])).toBe(false);
  });
});

describe('memory', () => {
  it.each([
    ['1Gi', Gi],
    ['512Mi', 512 * Mi],
    ['1.5Gi', 1.5 * Gi],
    ['2G', 2_000_000_000],
    ['1e3', 1000],
    [1024, 1024],
    ['500m', 1], // half a byte rounds up, as Kubernetes does
  ] as const)('%s is %d bytes', (text, bytes) => {
    expect(memoryToBytes(text)).toBe(bytes);
  });

  it('returns null for text that is not a quantity', () => {
    expect(memoryToBytes('lots')).toBeNull();
  });

  it.each([
    [Gi, '1Gi'],
    [512 * Mi, '512Mi'],
    [1.5 * Gi, '1536Mi'],
    [2e9, '2G'],
    [1000, '1k'],
    [1234, '1234'],
    [0, '0'],
    [4 * 1024 * Gi, '4Ti'],
  ])('%d bytes is written %s', (bytes, text) => {
    expect(bytesToMemory(bytes)).toBe(text);
  });

  it('round-trips any whole number of bytes', () => {
    for (let i = 0; i < 500; i += 1) {
      const bytes = Math.floor(Math.random() * 2 ** 45);
      expect(memoryToBytes(bytesToMemory(bytes))).toBe(bytes);
    }
    for (const bytes of [Ki, Mi, 3 * Gi, 7 * 1024 * Gi, 1e6, 5e12]) {
      expect(memoryToBytes(bytesToMemory(bytes))).toBe(bytes);
    }
  });

  it('refuses non-finite byte counts', () => {
    expect(() => bytesToMemory(Number.NaN)).toThrow(RangeError);
  });
});

describe('cpu', () => {
  it.each([
    ['1.0', 1, 1000],
    ['0.5', 0.5, 500],
    ['500m', 0.5, 500],
    ['2', 2, 2000],
    [1.5, 1.5, 1500],
    ['100m', 0.1, 100],
    ['1e-3', 0.001, 1],
    ['0.0001', 0.0001, 1], // below a millicore rounds up to one, as Kubernetes does
  ] as const)('%s is %d cores, %d millicores', (text, cores, milli) => {
    expect(cpuToCores(text)).toBeCloseTo(cores, 12);
    expect(cpuToMillicores(text)).toBe(milli);
  });

  it('returns null for text that is not a quantity', () => {
    expect(cpuToCores('fast')).toBeNull();
    expect(cpuToMillicores('fast')).toBeNull();
  });

  it.each([
    [0.5, '500m'],
    [2, '2'],
    [1.5, '1500m'],
    [0.0001, '1m'],
    [0.1, '100m'],
    [0.3, '300m'],
  ])('%d cores is written %s', (cores, text) => {
    expect(coresToCpu(cores)).toBe(text);
  });

  it('round-trips millicores', () => {
    for (let milli = 1; milli < 5000; milli += 7) {
      expect(cpuToMillicores(coresToCpu(milli / 1000))).toBe(milli);
    }
  });
});

describe('formatBytes', () => {
  it.each([
    [300, '300 B'],
    [1536, '1.5 KiB'],
    [512 * Mi, '512 MiB'],
    [1.5 * Gi, '1.5 GiB'],
    [Gi + 1, '1 GiB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
