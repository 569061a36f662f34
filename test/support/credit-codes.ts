import { randomBytes } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '@duban/domain';

/** A fresh valid credit code built by the GB 32100-2015 algorithm (Hengyang's division code 430400). */
export function validCreditCode(): string {
  // Nine characters of the full alphabet (31^9 codes): a file of 100,000 codes repeats none in practice.
  const random = [...randomBytes(9)].map((byte) => CREDIT_CODE_ALPHABET[byte % 31]).join('');
  const first17 = `91430400${random.slice(0, 9)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The same code with a wrong check character. */
export function withWrongCheckCharacter(code: string): string {
  const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[17]) + 1) % 31];
  return code.slice(0, 17) + wrong;
}
