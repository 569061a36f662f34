import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, creditCodeFault, creditCodeProblem, isValidCreditCode } from './credit-code';

/** A valid code built from the algorithm, from a deterministic seed. */
function validCode(seed: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const pick = () => CREDIT_CODE_ALPHABET[next() % 31];
  const division = String(430400 + (next() % 100)).padStart(6, '0'); // 衡阳 area codes
  const first17 = `9${pick()}${division}${Array.from({ length: 9 }, pick).join('')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

describe('unified social credit code (GB 32100-2015)', () => {
  it('computes the check character with the weights 3^i mod 31', () => {
    // Worked by hand: all zeros but a 1 in the first place → sum 1 → 31 - 1 = 30 → 'Y'.
    expect(creditCodeCheckCharacter('10000000000000000')).toBe('Y');
    // A 1 in the last place: weight 3^16 mod 31 = 28 → 31 - 28 = 3.
    expect(creditCodeCheckCharacter('00000000000000001')).toBe('3');
    // Sum a multiple of 31 → check 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('agrees with codes printed on real business licences', () => {
    // Cross-checks the weights against the standard's own users, beside the generated codes below.
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
  });

  it('accepts codes built by the algorithm', () => {
    for (let seed = 1; seed <= 200; seed++) expect(creditCodeProblem(validCode(seed))).toBeNull();
  });

  it('refuses a code whose check character is wrong, naming the right one', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const code = validCode(seed);
      const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[17]) + 1 + (seed % 29)) % 31];
      expect(creditCodeProblem(code.slice(0, 17) + wrong)).toBe(`the check character should be ${code[17]}, not ${wrong}`);
    }
  });

  it('catches a single changed character and most swaps of neighbours', () => {
    const code = validCode(7);
    for (let i = 8; i < 17; i++) {
      const changed = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[i]) + 1) % 31];
      expect(isValidCreditCode(code.slice(0, i) + changed + code.slice(i + 1))).toBe(false);
    }
  });

  it('refuses the wrong length, letters outside the alphabet and a division that is not digits', () => {
    expect(creditCodeProblem('91430400')).toBe('a credit code has 18 characters, not 8');
    const code = validCode(3);
    for (const bad of ['I', 'O', 'Z', 'S', 'V', 'a']) {
      expect(creditCodeProblem(code.slice(0, 10) + bad + code.slice(11))).toMatch(/other than I, O, Z, S, V/);
    }
    expect(creditCodeProblem(code.slice(0, 3) + 'A' + code.slice(4))).toMatch(/digits in positions 3–8/);
  });

  it('names each fault with what the console words it by', () => {
    const code = validCode(5);
    expect(creditCodeFault(code)).toBeNull();
    expect(creditCodeFault('91430400')).toEqual({ fault: 'length', length: 8 });
    expect(creditCodeFault(code.slice(0, 3) + 'A' + code.slice(4))).toEqual({ fault: 'shape' });
    expect(creditCodeFault(code.slice(0, 10) + 'O' + code.slice(11))).toEqual({ fault: 'shape' });
    const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[17]) + 1) % 31];
    expect(creditCodeFault(code.slice(0, 17) + wrong)).toEqual({ fault: 'check', expected: code[17], actual: wrong });
  });
});
