// Country codes as names ("ES" → "Spain"); OSCAR reports ISO 3166 alpha-2 codes, but a cluster may
// send a name or "unknown", which is shown as it came.
let names: Intl.DisplayNames | null | undefined;

export function countryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      names = null;
    }
  }
  const name = names?.of(code.toUpperCase());
  return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code.toUpperCase();
}
