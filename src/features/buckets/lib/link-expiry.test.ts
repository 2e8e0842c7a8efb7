import { describe, expect, it } from 'vitest';
import { chosenExpiry, linkExpiries, OSCAR_PRESIGN_MAX_SECONDS } from './link-expiry';

describe('link expiries', () => {
  it("offers up to 7 days when Lagoon signs, and never more than OSCAR's hour through its presign", () => {
    expect(linkExpiries(true).map((e) => e.label)).toEqual(['1 hour', '1 day', '7 days']);
    expect(linkExpiries(false).map((e) => e.label)).toEqual(['15 minutes', '1 hour']);
    expect(Math.max(...linkExpiries(false).map((e) => e.seconds))).toBe(OSCAR_PRESIGN_MAX_SECONDS);
  });

  it("keeps the user's choice while it is offered, else falls back to what is", () => {
    expect(chosenExpiry(linkExpiries(true), 604_800, 86_400)).toBe(604_800);
    expect(chosenExpiry(linkExpiries(true), null, 86_400)).toBe(86_400);
    // A day asked for where only OSCAR signs: the longest it allows.
    expect(chosenExpiry(linkExpiries(false), 86_400, 86_400)).toBe(3600);
    expect(chosenExpiry(linkExpiries(false), 900, 3600)).toBe(900);
  });
});
