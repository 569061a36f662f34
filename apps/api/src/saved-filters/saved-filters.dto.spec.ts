import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldMessages } from '../common/validation';
import { filtersProblem, MAX_FILTER_KEYS, SaveFilterDto } from './saved-filters.dto';

const check = async (body: object) => fieldMessages(await validate(plainToInstance(SaveFilterDto, body), { whitelist: true, forbidNonWhitelisted: true }));

describe('saved filter bodies', () => {
  it('accepts a list view, a trimmed name and text parameters', async () => {
    expect(await check({ view: 'duty-board', name: ' 逾期 ', filters: { state: 'assigned,returned', 'x.y_z-1': '' }, shared: true })).toEqual({});
    expect(await check({ view: 'overdue', name: 'n', filters: {} })).toEqual({});
  });

  it('names what is wrong with the filters', () => {
    expect(filtersProblem(null)).toMatch(/object/);
    expect(filtersProblem(['a'])).toMatch(/object/);
    expect(filtersProblem({ overdue: true })).toBe('filters.overdue must be text');
    expect(filtersProblem({ '1st': 'x' })).toMatch(/not a parameter name/);
    expect(filtersProblem({ q: 'x'.repeat(1001) })).toMatch(/at most 1000 characters/);
    expect(filtersProblem(Object.fromEntries(Array.from({ length: MAX_FILTER_KEYS + 1 }, (_, i) => [`k${i}`, 'v'])))).toMatch(/at most 30/);
    expect(filtersProblem({ q: 'x'.repeat(1000) })).toBeNull();
  });

  it('reports each field by name', async () => {
    expect(Object.keys(await check({ view: 'elsewhere', name: '   ', filters: { a: 1 }, shared: 'no' })).sort()).toEqual(['filters', 'name', 'shared', 'view']);
  });
});
