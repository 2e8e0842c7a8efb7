// "This link expires in 3 hours" / "This link expired on …": the words the public upload page shows.

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const rel = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** In the largest unit that fits: "in 7 days", "in 3 hours", "in 12 minutes", "in 40 seconds". */
export function fromNow(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  // Rounded: a 7-day link made a minute ago expires "in 7 days", not "in 6".
  if (s >= 2 * 86_400) return rel.format(Math.round(s / 86_400), 'day');
  if (s >= 2 * 3600) return rel.format(Math.round(s / 3600), 'hour');
  if (s >= 2 * 60) return rel.format(Math.round(s / 60), 'minute');
  return rel.format(s, 'second');
}

export function describeExpiry(expiresAt: number | null, now: number): { expired: boolean; text: string } {
  if (expiresAt === null) return { expired: false, text: 'This link does not say when it expires.' };
  const date = when.format(new Date(expiresAt));
  if (expiresAt <= now) return { expired: true, text: `This link expired on ${date}.` };
  return { expired: false, text: `This link expires ${fromNow(expiresAt - now)} (${date}).` };
}
