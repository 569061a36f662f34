import { creditCodeCheckCharacter } from './credit-code';
import { canReadUnitImport, importRowFacts, mapImportHeader, type ImportLookups } from './unit-import';

const code = (body17: string) => `${body17}${creditCodeCheckCharacter(body17)}`;
const GOOD = code('91430400MA4L0AB12');
const lookups: ImportLookups = {
  sectorKey: (cell) => ({ restaurants: 'restaurants', 餐饮: 'restaurants' })[cell] ?? null,
  districtId: (cell) => ({ 雁峰区: 'd-yanfeng', YANFENG: 'd-yanfeng' })[cell] ?? null,
};

describe('mapImportHeader', () => {
  it('knows the Chinese and English headers, ignoring spaces, case, brackets and a BOM', () => {
    const header = mapImportHeader(['\uFEFF统一社会信用代码', '单位名称', '行业', '所属区县', '从业人数', '养老参保人数', '欠费金额（元）', 'Remarks']);
    expect(header.columns).toEqual(['creditCode', 'name', 'sector', 'district', 'employees', 'insured.pension', 'arrears', null]);
    expect(header.ignored).toEqual(['Remarks']);
    expect(header.problems).toEqual([]);
    expect(mapImportHeader(['credit_code', 'Insured_Medical', 'CONTACT_EMAIL']).columns).toEqual(['creditCode', 'insured.medical', 'contactEmail']);
  });
  it('refuses a file without a credit-code column, or with a column twice', () => {
    expect(mapImportHeader(['单位名称', '地址']).problems).toEqual([expect.stringContaining('统一社会信用代码')]);
    expect(mapImportHeader(['credit_code', '统一社会信用代码']).problems).toEqual([expect.stringContaining('two columns hold creditCode')]);
  });
});

describe('importRowFacts', () => {
  const header = mapImportHeader(['统一社会信用代码', '单位名称', '行业', '区县', '从业人数', '养老参保人数', '欠费金额', '电子邮箱']);
  it('turns a row into facts, with the registry of a registration file', () => {
    const { facts, problems } = importRowFacts([GOOD, ' 好味餐馆 ', '餐饮', '雁峰区', '12', '8', '1,250.50', 'a@b.cn'], header, 'tax_registration', lookups);
    expect(problems).toEqual([]);
    expect(facts).toEqual({
      creditCode: GOOD,
      name: '好味餐馆',
      sectorKey: 'restaurants',
      districtId: 'd-yanfeng',
      employees: 12,
      insured: { pension: 8 },
      arrears: 1250.5,
      contactEmail: 'a@b.cn',
      registeredWith: ['tax'],
    });
  });
  it('says nothing of empty cells, and an employment file names no registry', () => {
    expect(importRowFacts([GOOD, '', '', '', '30'], header, 'employment', lookups).facts).toEqual({ creditCode: GOOD, employees: 30 });
  });
  it('reports every bad field of a row', () => {
    const bad = GOOD.slice(0, 17) + (GOOD[17] === '0' ? '1' : '0');
    const { facts, problems } = importRowFacts([bad, 'x', '网游', '火星区', '-3', '2.5', 'abc', 'no-mail'], header, 'market_registration', lookups);
    expect(facts).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(['arrears', 'contactEmail', 'creditCode', 'district', 'employees', 'insured.pension', 'sector']);
  });
  it('rejects a row without a code, and an employment row that says nothing', () => {
    expect(importRowFacts(['', '某公司'], header, 'tax_registration', lookups).problems[0]).toEqual({ field: 'creditCode', reason: 'the row has no credit code' });
    expect(importRowFacts([GOOD], header, 'employment', lookups).problems.map((p) => p.field)).toEqual(['creditCode']);
  });
});

describe('canReadUnitImport', () => {
  const actor = (role: 'office' | 'viewer' | 'inspector' | 'department_officer', departmentId: string | null = null) => ({ userId: 'u', username: 'u', role, departmentId });
  it('scopes imports to their department', () => {
    expect(canReadUnitImport(actor('office'), 'd')).toBe(true);
    expect(canReadUnitImport(actor('viewer'), 'd')).toBe(true);
    expect(canReadUnitImport(actor('department_officer', 'd'), 'd')).toBe(true);
    expect(canReadUnitImport(actor('department_officer', 'e'), 'd')).toBe(false);
    expect(canReadUnitImport(actor('inspector', 'd'), 'd')).toBe(false);
  });
});
