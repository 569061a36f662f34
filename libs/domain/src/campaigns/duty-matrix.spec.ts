import { DomainError, DomainErrorCode } from '../errors';
import { DOMAIN_DUTY_MATRIX, DUTY_ROUTE_KEY, resolveDutyRoute } from './duty-matrix';

describe('duty matrix', () => {
  it('has one route per kind and key, each a valid slug', () => {
    const ids = DOMAIN_DUTY_MATRIX.map((r) => `${r.kind}:${r.key}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const route of DOMAIN_DUTY_MATRIX) expect(route.key).toMatch(DUTY_ROUTE_KEY);
  });

  it('routes the Hengyang round-two sectors as docs/domain.md ("The duty matrix") says', () => {
    expect(resolveDutyRoute(DOMAIN_DUTY_MATRIX, 'sector', 'internet_bars').departmentCode).toBe('CULT');
    expect(resolveDutyRoute(DOMAIN_DUTY_MATRIX, 'sector', 'entertainment').departmentCode).toBe('PSB');
    expect(resolveDutyRoute(DOMAIN_DUTY_MATRIX, 'function', 'new_unit_lists').departmentCode).toBe('SAMR');
  });

  it('names what is missing when no route fits', () => {
    try {
      resolveDutyRoute(DOMAIN_DUTY_MATRIX, 'sector', 'coal');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(DomainErrorCode.NoDutyRoute);
      expect((error as DomainError).message).toContain('sector "coal"');
    }
  });
});
