import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: read aloud over the phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A password for one sign-in, after which the user must choose their own: four groups of four
 * (e.g. "k7qm-3vxp-9hdn-2rwe"), about 79 bits from the system's random source.
 */
export function newOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
