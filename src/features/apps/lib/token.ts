// Secrets the apps need, made in the browser from the platform's random source.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of [A-Za-z0-9], uniformly (rejection sampling keeps the modulo from biasing). */
export function randomToken(length = 128, random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const b of random(new Uint8Array(length))) {
      if (b < limit && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

const WORDS = ['amber', 'brisk', 'coral', 'delta', 'ember', 'fjord', 'gale', 'harbor', 'isle', 'jade', 'kelp', 'lagoon', 'marsh', 'nimbus', 'orca', 'pearl', 'quill', 'reef', 'shoal', 'tide', 'umber', 'vale', 'wave', 'yarrow'];

/** A readable service name: `<prefix>-<word>-<6 random letters/digits>`, within OSCAR's rules. */
export function generateName(prefix: string, random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const [b = 0] = random(new Uint8Array(1));
  return `${prefix}-${WORDS[b % WORDS.length]}-${randomToken(6, random).toLowerCase()}`;
}
