// The create-volume form's pure parts: the size as a Kubernetes quantity from a number and a unit, and
// which field a server refusal belongs to (OSCAR answers 400 for a bad name or size, 409 for a taken name).
import type { ManagedVolume } from '../../../api/types';

export const SIZE_UNITS = ['Mi', 'Gi', 'Ti'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

/** "5" + "Gi" → "5Gi"; null with the reason when the number is not a positive amount. */
export function volumeSize(amount: string, unit: SizeUnit): { size: string } | { problem: string } {
  const t = amount.trim();
  if (!t) return { problem: 'Give the size.' };
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) <= 0) return { problem: 'The size is a positive number, such as 5 or 1.5.' };
  return { size: `${t}${unit}` };
}

export type VolumeField = 'name' | 'size' | 'form';

/** Where to show the server's words: a 409 and a 400 about the name at the name, one about the size at the size. */
export function fieldOfError(status: number, message: string): VolumeField {
  if (status === 409) return 'name';
  if (status === 400) {
    if (/\bsize\b|exceeds|quota/i.test(message)) return 'size';
    if (/\bname\b/i.test(message)) return 'name';
  }
  return 'form';
}

/** The services a volume is mounted by, as "svc (at /data)". */
export function attachmentsText(v: ManagedVolume): string {
  return (v.attachments ?? []).map((a) => `${a.service_name ?? '?'}${a.mount_path ? ` (at ${a.mount_path})` : ''}`).join(', ');
}
