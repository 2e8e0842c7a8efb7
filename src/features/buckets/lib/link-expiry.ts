// How long a shared or requested link may live. Lagoon signs a link itself when the session has the
// cluster's S3 keys (SigV4 allows up to 7 days); otherwise OSCAR's presign signs it, and OSCAR 4.1 refuses
// more than an hour ("Invalid expiration requested: … Allowed range is 1-3600 seconds", presign_bucket.go).

/** OSCAR's presign: 1 to 3600 seconds, 900 when not asked. */
export const OSCAR_PRESIGN_MAX_SECONDS = 3600;

export interface Expiry {
  seconds: number;
  label: string;
}

const ALL: readonly Expiry[] = [
  { seconds: 900, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  // SigV4's longest.
  { seconds: 604_800, label: '7 days' },
];

/** The choices that will work: up to 7 days when Lagoon signs, up to an hour through OSCAR's presign. */
export function linkExpiries(signsItself: boolean): readonly Expiry[] {
  return signsItself ? ALL.filter((e) => e.seconds >= 3600) : ALL.filter((e) => e.seconds <= OSCAR_PRESIGN_MAX_SECONDS);
}

/** The choice to show: the user's when it is offered, else the preferred one if offered, else the longest. */
export function chosenExpiry(offered: readonly Expiry[], picked: number | null, preferred: number): number {
  if (picked !== null && offered.some((e) => e.seconds === picked)) return picked;
  if (offered.some((e) => e.seconds === preferred)) return preferred;
  return offered.at(-1)!.seconds;
}
