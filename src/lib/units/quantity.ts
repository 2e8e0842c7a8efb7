// Kubernetes resource quantities (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/).
// OSCAR passes `memory`, `cpu`, `total_memory`, … straight to Kubernetes, which refuses anything
// outside this grammar, so the dashboard checks and converts them with the same rules.

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The value in base units (bytes for memory, cores for CPU). */
  value: number;
  /** The suffix as written: '', 'm', 'k', 'Ki', 'e3', … */
  suffix: string;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// <signedNumber><suffix>, where a number may be "1", "1.5", "1." or ".5"; the exponent form is
// e/E followed by a signed integer. The "n" and "u" suffixes are accepted by the apimachinery parser
// although the grammar in the docs leaves them out.
const QUANTITY_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([KMGTPE]i)|([eE][+-]?\d+)|([numkMGTPE]?))$/;

/** Parses a Kubernetes quantity; numbers are accepted as YAML files often write `cpu: 1.0`. */
export function parseQuantity(input: string | number): Quantity | null {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, suffix: '', format: 'DecimalSI' } : null;
  }
  if (typeof input !== 'string') return null;
  const match = QUANTITY_RE.exec(input);
  if (!match) return null;
  const [, num, binary, exponent, decimal] = match;
  const base = Number(num);
  if (!Number.isFinite(base)) return null;
  if (binary) {
    return { value: base * (BINARY[binary] ?? NaN), suffix: binary, format: 'BinarySI' };
  }
  if (exponent) {
    const value = base * 10 ** Number(exponent.slice(1));
    return Number.isFinite(value) ? { value, suffix: exponent, format: 'DecimalExponent' } : null;
  }
  const suffix = decimal ?? '';
  return { value: base * (DECIMAL[suffix] ?? NaN), suffix, format: 'DecimalSI' };
}

export function isQuantity(input: unknown): boolean {
  return (typeof input === 'string' || typeof input === 'number') && parseQuantity(input) !== null;
}

/** Memory in bytes, rounded up the way Kubernetes rounds sub-byte amounts. */
export function memoryToBytes(input: string | number): number | null {
  const q = parseQuantity(input);
  return q ? Math.ceil(q.value - 1e-9) : null;
}

/** CPU in cores (0.5 for "500m"). */
export function cpuToCores(input: string | number): number | null {
  const q = parseQuantity(input);
  return q ? q.value : null;
}

/** CPU in millicores; Kubernetes keeps at most millicore precision and rounds up. */
export function cpuToMillicores(input: string | number): number | null {
  const cores = cpuToCores(input);
  return cores === null ? null : Math.ceil(cores * 1000 - 1e-9);
}

const BINARY_DESC = Object.entries(BINARY).sort((a, b) => b[1] - a[1]);
const DECIMAL_UP = Object.entries(DECIMAL)
  .filter(([, f]) => f > 1)
  .sort((a, b) => b[1] - a[1]);

/**
 * Formats bytes as the shortest exact quantity, preferring binary units on a tie because that is
 * what people write for memory (512Mi, 2Gi); 2000000000 becomes 2G rather than 1953125Ki.
 */
export function bytesToMemory(bytes: number): string {
  if (!Number.isFinite(bytes)) throw new RangeError(`not a finite number of bytes: ${bytes}`);
  const whole = Math.ceil(bytes);
  if (whole === 0) return '0';
  const exact = (units: [string, number][]) => {
    const hit = units.find(([, factor]) => whole % factor === 0);
    return hit ? `${whole / hit[1]}${hit[0]}` : String(whole);
  };
  const binary = exact(BINARY_DESC);
  const decimal = exact(DECIMAL_UP);
  return decimal.length < binary.length ? decimal : binary;
}

/** Formats cores as Kubernetes would canonicalise them: whole cores as "2", fractions as "500m". */
export function coresToCpu(cores: number): string {
  if (!Number.isFinite(cores)) throw new RangeError(`not a finite number of cores: ${cores}`);
  const milli = Math.ceil(cores * 1000 - 1e-9);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** A short human label: 1.5 GiB, 512 MiB, 300 B. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(Math.round(value)) : String(Number(value.toFixed(value < 10 ? 2 : 1)));
  return `${rounded} ${units[unit]}`;
}
