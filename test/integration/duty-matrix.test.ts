import { randomUUID } from 'node:crypto';
import { DOMAIN_DUTY_MATRIX } from '@duban/domain';
import { seedDevelopmentData } from '@duban/persistence';
import { TestStack } from '../support/test-stack';

describe('the duty matrix: seeded from docs/domain.md, edited by the office, every change logged', () => {
  let stack: TestStack;
  let office: { token: string; user: { id: string } };

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    await seedDevelopmentData(stack.dataSource, 'seed-password');
    // Seeding twice changes nothing.
    await seedDevelopmentData(stack.dataSource, 'seed-password');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is seeded with every route of docs/domain.md once', async () => {
    const matrix = await stack.http('GET', '/duty-matrix', { token: office.token });
    expect(matrix.status).toBe(200);
    expect(matrix.body).toHaveLength(DOMAIN_DUTY_MATRIX.length);
    expect(matrix.body.find((r: any) => r.kind === 'sector' && r.key === 'internet_bars')).toMatchObject({ departmentCode: 'CULT', label: '网吧' });
    const changes = await stack.http('GET', '/duty-matrix/changes', { token: office.token });
    expect(changes.body).toHaveLength(DOMAIN_DUTY_MATRIX.length);
    expect(changes.body[0]).toMatchObject({ fromDepartmentId: null, reason: 'seeded from docs/domain.md', changedBy: null });
  });

  it('lets the office move a sector to another department, logging from, to, who and why', async () => {
    const departments = (await stack.http('GET', '/departments', { token: office.token })).body;
    const psb = departments.find((d: any) => d.code === 'PSB');
    const cult = departments.find((d: any) => d.code === 'CULT');
    const moved = await stack.http('PUT', '/duty-matrix/sector/internet_bars', {
      token: office.token,
      body: { departmentId: psb.id, label: '网吧', reason: '联合执法由公安牵头' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ kind: 'sector', key: 'internet_bars', departmentCode: 'PSB', updatedBy: office.user.id });
    const added = await stack.http('PUT', '/duty-matrix/sector/coal', { token: office.token, body: { departmentId: psb.id, label: '煤炭' } });
    expect(added.status).toBe(200);
    const changes = (await stack.http('GET', '/duty-matrix/changes', { token: office.token })).body;
    expect(changes.slice(-2)).toEqual([
      expect.objectContaining({ key: 'internet_bars', fromDepartmentId: cult.id, toDepartmentId: psb.id, reason: '联合执法由公安牵头', changedBy: office.user.id }),
      expect.objectContaining({ key: 'coal', fromDepartmentId: null, toDepartmentId: psb.id, changedBy: office.user.id }),
    ]);
    // Setting what is already there logs nothing.
    await stack.http('PUT', '/duty-matrix/sector/coal', { token: office.token, body: { departmentId: psb.id, label: '煤炭' } });
    expect((await stack.http('GET', '/duty-matrix/changes', { token: office.token })).body).toHaveLength(changes.length);
  });

  it('refuses bad input and other roles', async () => {
    const departmentId = (await stack.http('GET', '/departments', { token: office.token })).body[0].id;
    const put = (path: string, body: object, token = office.token) => stack.http('PUT', path, { token, body });
    expect((await put('/duty-matrix/region/coal', { departmentId, label: 'x' })).status).toBe(404);
    expect((await put('/duty-matrix/sector/Coal Mines', { departmentId, label: 'x' })).status).toBe(400);
    expect((await put('/duty-matrix/sector/coal', { departmentId: randomUUID(), label: 'x' })).status).toBe(404);
    expect((await put('/duty-matrix/sector/coal', { departmentId, label: '' })).status).toBe(400);
    const officer = await stack.userWithToken('department_officer', departmentId);
    expect((await put('/duty-matrix/sector/coal', { departmentId, label: 'x' }, officer.token)).status).toBe(403);
    const viewer = await stack.userWithToken('viewer');
    expect((await stack.http('GET', '/duty-matrix', { token: viewer.token })).status).toBe(200);
    expect((await put('/duty-matrix/sector/coal', { departmentId, label: 'x' }, viewer.token)).status).toBe(403);
  });
});
