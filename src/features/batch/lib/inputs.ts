// Which objects of a bucket a batch runs on: under the prefix, not a folder marker, and ending with one of
// the suffixes when any are given (a service's input `suffix` rules, editable before starting).
import type { Service } from '../../../api/types';

export function normalisePrefix(prefix: string): string {
  return prefix.replace(/^\/+/, '');
}

export function parseSuffixes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

export function isBatchInput(key: string, prefix: string, suffixes: readonly string[]): boolean {
  if (key.endsWith('/')) return false;
  if (!key.startsWith(normalisePrefix(prefix))) return false;
  if (suffixes.length === 0) return true;
  const lower = key.toLowerCase();
  return suffixes.some((s) => lower.endsWith(s.toLowerCase()));
}

/** The service's first MinIO input path, as the form's default bucket and prefix, with its suffixes. */
export function defaultSource(service: Pick<Service, 'input'>): { bucket: string; prefix: string; suffixes: string[] } {
  const input = (service.input ?? []).find((i) => i.path && (!i.storage_provider || i.storage_provider.startsWith('minio')));
  if (!input?.path) return { bucket: '', prefix: '', suffixes: [] };
  const clean = input.path.replace(/^\/+/, '');
  const i = clean.indexOf('/');
  const bucket = i < 0 ? clean : clean.slice(0, i);
  const rest = i < 0 ? '' : clean.slice(i + 1).replace(/\/+$/, '');
  return { bucket, prefix: rest ? `${rest}/` : '', suffixes: input.suffix ?? [] };
}
