import { seededDepartments, registerDistricts, type Unit } from '../support/campaign-fixtures';
import { validCreditCode, withWrongCheckCharacter } from '../support/credit-codes';
import { TestStack } from '../support/test-stack';

/** Units by credit code: facts from departments' data, kept with their source, recorded once. */
describe('units and their facts', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let district: Unit;

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    units = await seededDepartments(stack, office.token);
    [district] = await registerDistricts(stack, office.token, ['石鼓区']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('records a unit from market regulation, then the same facts again change nothing', async () => {
    const samr = units.get('SAMR')!;
    const creditCode = validCreditCode();
    const body = {
      creditCode,
      name: '衡阳市某网吧有限公司',
      sectorKey: 'internet_bars',
      districtId: district.id,
      address: '石鼓区解放路1号',
      employees: 18,
      source: { departmentId: samr.id, file: '2026年10月新登记市场主体.csv', date: '2026-10-31' },
    };
    const first = await stack.http('POST', '/units', { token: office.token, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ creditCode, name: '衡阳市某网吧有限公司', employees: 18, sectorKey: 'internet_bars' });
    const again = await stack.http('POST', '/units', { token: office.token, body });
    expect(again.status).toBe(200);
    expect(again.body.updatedAt).toBe(first.body.updatedAt);
    expect(again.body.facts).toHaveLength(first.body.facts.length);

    // Tax's officer adds what tax knows, from tax's own file.
    const taxOfficer = await stack.userWithToken('department_officer', units.get('TAX')!.id);
    const tax = await stack.http('POST', '/units', {
      token: taxOfficer.token,
      body: { creditCode, arrears: 12_345.67, insured: { pension: 6 }, source: { file: '欠费清单.xlsx', date: '2026-11-05' } },
    });
    expect(tax.status).toBe(201);
    expect(tax.body).toMatchObject({ arrears: 12345.67, insured: { pension: 6 }, name: '衡阳市某网吧有限公司' });
    const bySource = tax.body.facts.map((f: any) => [f.field, f.sourceDepartmentId, f.sourceFile, f.sourceDate]);
    expect(bySource).toEqual(
      expect.arrayContaining([
        ['name', samr.id, '2026年10月新登记市场主体.csv', '2026-10-31'],
        ['arrears', units.get('TAX')!.id, '欠费清单.xlsx', '2026-11-05'],
      ]),
    );
    const got = await stack.http('GET', `/units/${creditCode}`, { token: office.token });
    expect(got.status).toBe(200);
    const listed = await stack.http('GET', `/units?sectorKey=internet_bars&districtId=${district.id}`, { token: office.token });
    expect(listed.body.items.map((u: any) => u.creditCode)).toContain(creditCode);
  });

  it('refuses a bad credit code, an unknown sector and a department that is not a district, and records nothing', async () => {
    const code = validCreditCode();
    const refused = await stack.http('POST', '/units', {
      token: office.token,
      body: {
        creditCode: withWrongCheckCharacter(code),
        name: '某公司',
        sectorKey: 'no_such_sector',
        districtId: units.get('TAX')!.id,
        source: { departmentId: units.get('SAMR')!.id, file: 'x.csv', date: '2026-10-31' },
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.creditCode).toEqual([`the check character should be ${code[17]}, not ${withWrongCheckCharacter(code)[17]}`]);
    expect(Object.keys(refused.body.fields).sort()).toEqual(['creditCode', 'districtId', 'sectorKey']);
    expect((await stack.http('GET', `/units/${withWrongCheckCharacter(code)}`, { token: office.token })).status).toBe(404);
  });

  it("lets an officer supply their own department's data only; viewers and inspectors read", async () => {
    const officer = await stack.userWithToken('department_officer', units.get('TAX')!.id);
    const foreign = await stack.http('POST', '/units', {
      token: officer.token,
      body: { creditCode: validCreditCode(), name: '某公司', source: { departmentId: units.get('SAMR')!.id, file: 'x.csv', date: '2026-10-31' } },
    });
    expect(foreign.status).toBe(403);
    const viewer = await stack.userWithToken('viewer');
    expect(
      (await stack.http('POST', '/units', { token: viewer.token, body: { creditCode: validCreditCode(), name: 'x', source: { file: 'x', date: '2026-10-31' } } })).status,
    ).toBe(403);
    expect((await stack.http('GET', '/units', { token: viewer.token })).status).toBe(200);
    const officeWithoutSource = await stack.http('POST', '/units', {
      token: office.token,
      body: { creditCode: validCreditCode(), name: 'x', source: { file: 'x', date: '2026-10-31' } },
    });
    expect(officeWithoutSource.status).toBe(400);
    expect(officeWithoutSource.body.fields['source.departmentId']).toBeDefined();
  });
});
