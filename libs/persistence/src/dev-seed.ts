import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DOMAIN_DUTY_MATRIX, type Role } from '@duban/domain';
import { hashPassword } from './password-hasher';
import { DepartmentRepository } from './repositories/departments/department.repository';
import { DutyMatrixRepository } from './repositories/campaigns/duty-matrix.repository';
import { UserRepository } from './repositories/users/user.repository';

/** Member departments of the duty matrix (docs/domain.md, "The duty matrix"). */
export const DEV_SEED_DEPARTMENTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'HRSS', name: '人力资源和社会保障局' },
  { code: 'SIA', name: '社会保险事业管理中心' },
  { code: 'FIN', name: '财政局' },
  { code: 'TAX', name: '税务局' },
  { code: 'SAMR', name: '市场监督管理局' },
  { code: 'CONS', name: '住房和城乡建设局' },
  { code: 'TRANS', name: '交通运输局' },
  { code: 'EDU', name: '教育局' },
  { code: 'CULT', name: '文化和旅游局' },
  { code: 'CIVIL', name: '民政局' },
  { code: 'HEALTH', name: '卫生健康委员会' },
  { code: 'PSB', name: '公安局' },
  { code: 'UNION', name: '总工会' },
  { code: 'MEDIA', name: '融媒体中心' },
  { code: 'ASSESS', name: '考核办' },
];

/** The districts and counties of Hengyang (seed 000), which receive per-district duties. */
export const DEV_SEED_DISTRICTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'ZHUHUI', name: '珠晖区' },
  { code: 'YANFENG', name: '雁峰区' },
  { code: 'SHIGU', name: '石鼓区' },
  { code: 'ZHENGXIANG', name: '蒸湘区' },
  { code: 'NANYUE', name: '南岳区' },
  { code: 'HENGYANGXIAN', name: '衡阳县' },
  { code: 'HENGNAN', name: '衡南县' },
  { code: 'HENGSHAN', name: '衡山县' },
  { code: 'HENGDONG', name: '衡东县' },
  { code: 'QIDONG', name: '祁东县' },
  { code: 'LEIYANG', name: '耒阳市' },
  { code: 'CHANGNING', name: '常宁市' },
];

/** Labour-inspection teams: one city-wide (it names no district), one for Leiyang. */
export const DEV_SEED_INSPECTION_TEAMS: ReadonlyArray<{ code: string; name: string; districts: string[]; inspector: string }> = [
  { code: 'INSPECT', name: '劳动保障监察支队', districts: [], inspector: 'inspector' },
  { code: 'INSPECT-LEIYANG', name: '耒阳市劳动保障监察大队', districts: ['LEIYANG'], inspector: 'inspector-leiyang' },
];

export interface SeededLogin {
  username: string;
  role: Role;
  department: string | null;
  created: boolean;
}

/**
 * Development data: the departments above, an office user, a viewer, a system administrator,
 * an inspector per inspection team and one officer per department, all with the given password,
 * and the duty matrix of docs/domain.md ("The duty matrix"). Safe to run on every start: existing
 * rows are kept as they are.
 */
export async function seedDevelopmentData(dataSource: DataSource, password: string): Promise<SeededLogin[]> {
  const departments = new DepartmentRepository(dataSource);
  const users = new UserRepository(dataSource);
  // One hash for all: the dev users share the password, and scrypt is slow on purpose.
  const passwordHash = await hashPassword(password);
  const logins: SeededLogin[] = [];

  const person = async (username: string, displayName: string, role: Role, departmentId: string | null, email: string) => {
    const { created } = await users.ensure({ id: randomUUID(), username, displayName, email, passwordHash, role, departmentId });
    return created;
  };

  logins.push({ username: 'office', role: 'office', department: null, created: await person('office', '领导小组办公室', 'office', null, 'office@duban.test') });
  logins.push({ username: 'viewer', role: 'viewer', department: null, created: await person('viewer', '考核督查（只读）', 'viewer', null, 'viewer@duban.test') });
  // Development only: production gets its first administrator from admin:create.
  logins.push({ username: 'admin', role: 'admin', department: null, created: await person('admin', '系统管理员', 'admin', null, 'admin@duban.test') });

  const departmentIds = new Map<string, string>();
  const units = [...DEV_SEED_DEPARTMENTS.map((seed) => ({ ...seed, kind: 'department' as const })), ...DEV_SEED_DISTRICTS.map((seed) => ({ ...seed, kind: 'district' as const }))];
  for (const seed of units) {
    const code = seed.code.toLowerCase();
    const department = await departments.ensure({
      id: randomUUID(),
      code: seed.code,
      name: seed.name,
      kind: seed.kind,
      liaisonEmail: `${code}-liaison@duban.test`,
      headEmail: `${code}-head@duban.test`,
      createdBy: null,
    });
    departmentIds.set(seed.code, department.id);
    const username = `officer-${code}`;
    const created = await person(username, `${seed.name}联络员`, 'department_officer', department.id, `${code}-liaison@duban.test`);
    logins.push({ username, role: 'department_officer', department: seed.code, created });
  }
  // Labour inspection: a city-wide team, and Leiyang's own for its district; an inspector in each.
  for (const team of DEV_SEED_INSPECTION_TEAMS) {
    const code = team.code.toLowerCase();
    const saved = await departments.ensure({
      id: randomUUID(),
      code: team.code,
      name: team.name,
      kind: 'inspection_team',
      liaisonEmail: `${code}@duban.test`,
      headEmail: `${code}-head@duban.test`,
      createdBy: null,
    });
    for (const districtCode of team.districts) {
      await dataSource.query(`INSERT INTO inspection_team_districts (district_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [departmentIds.get(districtCode), saved.id]);
    }
    const created = await person(team.inspector, `${team.name}监察员`, 'inspector', saved.id, `${team.inspector}@duban.test`);
    logins.push({ username: team.inspector, role: 'inspector', department: team.code, created });
  }

  // The duty matrix of docs/domain.md ("The duty matrix"), where the office has not set a route itself.
  const matrix = new DutyMatrixRepository(dataSource);
  for (const route of DOMAIN_DUTY_MATRIX) {
    const departmentId = departmentIds.get(route.departmentCode);
    if (departmentId) await matrix.ensureRoute({ kind: route.kind, key: route.key, label: route.label, departmentId });
  }
  return logins;
}
