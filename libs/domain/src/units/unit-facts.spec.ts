import { creditCodeCheckCharacter } from './credit-code';
import { DomainErrorCode } from '../errors';
import type { Actor, Role } from '../roles';
import { UNIT_FACT_LIMITS, unitFactProblems, unitFactSourceError, unitFactSourceRefusal } from './unit-facts';

const CODE = `91430400MA4L0AB12${creditCodeCheckCharacter('91430400MA4L0AB12')}`;

describe('unitFactProblems: what the record can hold', () => {
  it('accepts text, counts and sums up to the limits', () => {
    expect(
      unitFactProblems({
        creditCode: CODE,
        name: '名'.repeat(UNIT_FACT_LIMITS.text.name),
        address: 'a'.repeat(UNIT_FACT_LIMITS.text.address),
        employees: UNIT_FACT_LIMITS.maxCount,
        insured: { pension: UNIT_FACT_LIMITS.maxCount },
        arrears: 99_999_999_999_999,
      }),
    ).toEqual({});
  });

  it('refuses longer text, larger counts and sums, and NUL characters, naming the field', () => {
    expect(
      unitFactProblems({
        creditCode: CODE,
        name: '名'.repeat(UNIT_FACT_LIMITS.text.name + 1),
        address: 'No. 1\u0000',
        contactEmail: `${'a'.repeat(320)}@b.cn`,
        employees: UNIT_FACT_LIMITS.maxCount + 1,
        insured: { medical: 99_999_999_999 },
        arrears: 1e14,
      }),
    ).toEqual({
      name: ['at most 300 characters'],
      address: ['contains a NUL character'],
      contactEmail: ['at most 320 characters'],
      employees: ['at most 10,000,000'],
      'insured.medical': ['at most 10,000,000'],
      arrears: ['less than 100,000,000,000,000 yuan'],
    });
  });

  it('keeps the earlier messages for negative or fractional counts and sums', () => {
    expect(unitFactProblems({ creditCode: CODE, employees: -1, arrears: 1.234 })).toEqual({
      employees: ['a whole number ≥ 0'],
      arrears: ['yuan ≥ 0 with at most two decimals'],
    });
  });
});

describe('unitFactSourceRefusal: whose data a caller records (the access policy’s unit-facts.record)', () => {
  const actor = (role: Role, departmentId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, departmentId });

  it('lets an officer record their own department’s facts, the office any named department’s', () => {
    expect(unitFactSourceRefusal(actor('department_officer', 'd1'), undefined)).toBeNull();
    expect(unitFactSourceRefusal(actor('department_officer', 'd1'), 'd1')).toBeNull();
    expect(unitFactSourceRefusal(actor('department_officer', 'd1'), 'd2')).toBe("A department officer records facts from their own department's data only");
    expect(unitFactSourceRefusal(actor('office'), 'd2')).toBeNull();
    expect(unitFactSourceRefusal(actor('office'), undefined)).toBe('The office names the department the facts come from (source.departmentId)');
    expect(unitFactSourceRefusal(actor('viewer'), 'd1')).toBe('A user with role viewer may not record facts about units');
  });

  it('answers the office’s missing source as a field, anyone else’s refusal as not permitted', () => {
    const missing = unitFactSourceError(actor('office'), undefined, 'departmentId');
    expect([missing?.code, missing?.details]).toEqual([
      DomainErrorCode.InvalidUnitFacts,
      { fields: { departmentId: ['The office names the department the facts come from (source.departmentId)'] } },
    ]);
    expect(unitFactSourceError(actor('department_officer', 'd1'), 'd2', 'departmentId')?.code).toBe(DomainErrorCode.ActionNotPermitted);
    expect(unitFactSourceError(actor('inspector', 't1'), 'd1', 'departmentId')?.code).toBe(DomainErrorCode.ActionNotPermitted);
    expect(unitFactSourceError(actor('department_officer', 'd1'), 'd1', 'departmentId')).toBeNull();
  });
});
