import { creditCodeCheckCharacter } from '../units/credit-code';
import {
  canReadUnitImport,
  HEADER_SEARCH_ROWS,
  importRowFacts,
  mapImportHeader,
  missingImportHeaderProblems,
  quotedCell,
  searchImportHeader,
  type ImportLookups,
} from './unit-import';

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

describe('searchImportHeader', () => {
  it('finds the header under a title and a blank line, as departments export them', () => {
    expect(searchImportHeader(['2026年10月新设立登记企业名单', null, null], 1)).toEqual({ kind: 'above_header' });
    expect(searchImportHeader([null, null], 2)).toEqual({ kind: 'above_header' });
    const found = searchImportHeader(['序号', '统一社会信用代码', '企业名称', 12], 3);
    expect(found).toMatchObject({ kind: 'header', header: { columns: [null, 'creditCode', 'name', null], ignored: ['序号', '12'] } });
  });
  it('gives up after the first rows, and refuses a header with a column twice', () => {
    expect(searchImportHeader(['单位名称'], HEADER_SEARCH_ROWS - 1)).toEqual({ kind: 'above_header' });
    expect(searchImportHeader(['单位名称'], HEADER_SEARCH_ROWS)).toEqual({ kind: 'refused', problems: [expect.stringContaining('in the first 10 rows')] });
    expect(searchImportHeader(['credit_code', '信用代码'], 1)).toEqual({ kind: 'refused', problems: [expect.stringContaining('two columns hold creditCode')] });
    expect(missingImportHeaderProblems(0)).toEqual(['the file is empty']);
    expect(missingImportHeaderProblems(2)).toEqual([expect.stringContaining('统一社会信用代码')]);
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
  it('rejects what the record cannot hold (a name too long, a count too large, a NUL) as row problems', () => {
    const { facts, problems } = importRowFacts([GOOD, '名'.repeat(301), '', '', '99999999999', '', '', ''], header, 'employment', lookups);
    expect(facts).toBeNull();
    expect(problems).toEqual([
      { field: 'name', reason: 'at most 300 characters' },
      { field: 'employees', reason: 'at most 10,000,000' },
    ]);
    expect(importRowFacts([GOOD, 'a\u0000b'], header, 'employment', lookups).problems).toEqual([{ field: 'name', reason: 'contains a NUL character' }]);
  });
  it('quotes a bad cell readably in its reason: control characters shown, long text cut', () => {
    expect(quotedCell('a\u0000b\tc')).toBe('"a\uFFFDb\uFFFDc"');
    expect(quotedCell('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
    const { problems } = importRowFacts([GOOD, '某公司', '网'.repeat(200)], header, 'employment', lookups);
    expect(problems).toEqual([{ field: 'sector', reason: `"${'网'.repeat(60)}…" is not a sector of the duty matrix` }]);
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
