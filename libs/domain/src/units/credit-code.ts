/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V) — registration
 * authority (1), unit type (1), administrative division (6 digits), organisation code (9),
 * and a check character computed over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31, as the standard tabulates. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('the check character is computed over 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not in the credit-code alphabet`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** What is wrong with a text as a credit code, for the API's and the console's own wording. */
export type CreditCodeFault = { fault: 'length'; length: number } | { fault: 'shape' } | { fault: 'check'; expected: string; actual: string };

/** The first fault of a text as a credit code, or null when it is one. Lower-case input is not accepted: codes are printed in capitals. */
export function creditCodeFault(code: string): CreditCodeFault | null {
  if (code.length !== 18) return { fault: 'length', length: code.length };
  if (!SHAPE.test(code)) return { fault: 'shape' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return { fault: 'check', expected, actual: code[17] };
  return null;
}

/** Why a text is not a valid credit code, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  const found = creditCodeFault(code);
  switch (found?.fault) {
    case undefined:
      return null;
    case 'length':
      return `a credit code has 18 characters, not ${found.length}`;
    case 'shape':
      return 'a credit code uses digits and capitals other than I, O, Z, S, V, with digits in positions 3–8';
    case 'check':
      return `the check character should be ${found.expected}, not ${found.actual}`;
  }
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
