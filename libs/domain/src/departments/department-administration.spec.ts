import { DomainErrorCode } from '../errors';
import { assertMay } from '../access';
import { duplicateCodeRows, inactiveUnitsRefusal, mapUnitImportHeader, UNIT_PHONE, unitChanges, unitImportCells, unitKindOf, unitStateRefusal } from './department-administration';

const actor = (role: 'admin' | 'office' | 'viewer') => ({ userId: 'u', username: 'u', role, departmentId: null });

describe('department administration', () => {
  it('is the system administrator’s alone', () => {
    expect(() => assertMay(actor('admin'), 'department.administer')).not.toThrow();
    for (const role of ['office', 'viewer'] as const) {
      expect(() => assertMay(actor(role), 'department.administer')).toThrow(expect.objectContaining({ code: DomainErrorCode.ActionNotPermitted }));
    }
  });

  it('names only the fields that change, an unset value as null, districts as a set', () => {
    const before = { name: '税务局', liaisonName: null, liaisonPhone: '0734-1', districtIds: ['a', 'b'] };
    expect(unitChanges(before, { name: '税务局', liaisonName: '王芳', liaisonPhone: null, districtIds: ['b', 'a'] })).toEqual({
      from: { liaisonName: null, liaisonPhone: '0734-1' },
      to: { liaisonName: '王芳', liaisonPhone: null },
    });
    expect(unitChanges(before, { name: '税务局', districtIds: ['a', 'b'], headName: undefined })).toBeNull();
    expect(unitChanges({ districtIds: ['a'] }, { districtIds: ['a', 'c'] })).toEqual({ from: { districtIds: ['a'] }, to: { districtIds: ['a', 'c'] } });
  });

  it('refuses a state the unit is in already, and names every deactivated unit', () => {
    expect(unitStateRefusal({ code: 'TAX', name: '税务局', active: true }, 'active')?.code).toBe(DomainErrorCode.DepartmentStateConflict);
    expect(unitStateRefusal({ code: 'TAX', name: '税务局', active: true }, 'inactive')).toBeNull();
    expect(inactiveUnitsRefusal([{ id: '1', code: 'TAX', name: '税务局', active: true }])).toBeNull();
    const refusal = inactiveUnitsRefusal([
      { id: '1', code: 'TAX', name: '税务局', active: false },
      { id: '2', code: 'SIA', name: '社保局', active: true },
      { id: '3', code: 'MED', name: '医保局', active: false },
    ]);
    expect(refusal?.code).toBe(DomainErrorCode.DepartmentInactive);
    expect(refusal?.message).toMatch(/^税务局 \(TAX\), 医保局 \(MED\) are deactivated/);
    expect(refusal?.details).toEqual({
      departments: [
        { id: '1', code: 'TAX', name: '税务局' },
        { id: '3', code: 'MED', name: '医保局' },
      ],
    });
  });

  it('reads headers in English and Chinese, and says which required columns are missing', () => {
    const header = mapUnitImportHeader(['\uFEFF单位代码', 'Name', '类型', '联络员 邮箱', 'head_email', '备注']);
    expect(header.columns).toEqual(['code', 'name', 'kind', 'liaisonEmail', 'headEmail', null]);
    expect(header.ignored).toEqual(['备注']);
    expect(header.problems).toEqual([]);
    expect(unitImportCells([' TAX ', '税务局', null, 'a@b.cn', 7, 'x'], header)).toEqual({ code: 'TAX', name: '税务局', kind: '', liaisonEmail: 'a@b.cn', headEmail: '7' });
    expect(mapUnitImportHeader(['code', 'name']).problems).toEqual(['the first row must name the columns liaison_email, head_email (missing)']);
    expect(mapUnitImportHeader(['code', 'name', '名称', 'liaison_email', 'head_email']).problems).toEqual(['two columns hold name ("名称")']);
  });

  it('knows the kinds by their words, and finds codes given twice', () => {
    expect([unitKindOf('区县'), unitKindOf('Inspection_Team'), unitKindOf('部门'), unitKindOf('ministry')]).toEqual(['district', 'inspection_team', 'department', null]);
    expect(
      duplicateCodeRows([
        { row: 2, code: 'A' },
        { row: 3, code: 'b' },
        { row: 4, code: 'a' },
        { row: 5, code: '' },
        { row: 6, code: '' },
        { row: 7, code: 'A' },
      ]),
    ).toEqual(
      new Map([
        [2, [4, 7]],
        [4, [2, 7]],
        [7, [2, 4]],
      ]),
    );
  });

  it('takes phones as offices write them', () => {
    for (const phone of ['0734-8123456', '13800000000', '+86 734 8123456', '(0734)8123456', '0734-8123456转123', '0734 8123456 x12'])
      expect([phone, UNIT_PHONE.test(phone)]).toEqual([phone, true]);
    for (const phone of ['call me', '<script>', '', '12', '0734-8123456;DROP']) expect([phone, UNIT_PHONE.test(phone)]).toEqual([phone, false]);
  });
});
