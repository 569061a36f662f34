import { DomainError, DomainErrorCode } from '../errors';

/**
 * Departments, districts and inspection teams as the system administrator keeps them (issue 14,
 * item 3): renamed, their liaison's and head's names, e-mails and phones edited, deactivated
 * (never deleted: duties and history keep naming them) and reactivated, imported from a sheet.
 */
export const UNIT_KINDS = ['department', 'district', 'inspection_team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What an administrator may change of a unit (its code and kind are what others refer to by, and stay). */
export const EDITABLE_UNIT_FIELDS = ['name', 'liaisonName', 'liaisonEmail', 'liaisonPhone', 'headName', 'headEmail', 'headPhone'] as const;
export type EditableUnitField = (typeof EDITABLE_UNIT_FIELDS)[number];
export type UnitFields = { name: string; liaisonEmail: string; headEmail: string } & Partial<Record<'liaisonName' | 'liaisonPhone' | 'headName' | 'headPhone', string | null>>;

/** A phone as offices write them: digits, spaces, + - ( ) and an extension after 转 or x. */
export const UNIT_PHONE = /^\+?[0-9(][0-9 ()-]{2,22}((转|x|ext\.?) ?[0-9]{1,6})?$/;
export const UNIT_CODE = /^[A-Z][A-Z0-9_-]{1,31}$/;

/**
 * The fields that differ, as the audit log records them: `from` and `to` hold only those (an
 * unset phone is null). Null when nothing changes.
 */
export function unitChanges(
  before: Partial<Record<EditableUnitField | 'districtIds', unknown>>,
  proposed: Partial<Record<EditableUnitField | 'districtIds', unknown>>,
): { from: Record<string, unknown>; to: Record<string, unknown> } | null {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(proposed)) {
    if (value === undefined) continue;
    const old = before[field as EditableUnitField] ?? null;
    const same = Array.isArray(value) && Array.isArray(old) ? sameSet(value, old) : old === value;
    if (same) continue;
    from[field] = old;
    to[field] = value;
  }
  return Object.keys(to).length === 0 ? null : { from, to };
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}

/** 409 when a unit is already in the state asked for. */
export function unitStateRefusal(unit: { code: string; name: string; active: boolean }, wanted: 'active' | 'inactive'): DomainError | null {
  if (unit.active === (wanted === 'active')) {
    return new DomainError(DomainErrorCode.DepartmentStateConflict, `${unit.name} (${unit.code}) is ${unit.active ? 'active' : 'deactivated'} already`);
  }
  return null;
}

/** A deactivated unit gets no new duties: the refusal names each one (null when all are active). */
export function inactiveUnitsRefusal(units: ReadonlyArray<{ id: string; code: string; name: string; active: boolean }>): DomainError | null {
  const inactive = units.filter((u) => !u.active);
  if (inactive.length === 0) return null;
  const names = inactive.map((u) => `${u.name} (${u.code})`).join(', ');
  return new DomainError(
    DomainErrorCode.DepartmentInactive,
    `${names} ${inactive.length === 1 ? 'is' : 'are'} deactivated and ${inactive.length === 1 ? 'gets' : 'get'} no new duties; reactivate ${inactive.length === 1 ? 'it' : 'them'} or choose another unit`,
    { departments: inactive.map((u) => ({ id: u.id, code: u.code, name: u.name })) },
  );
}

// --- Import from a sheet -------------------------------------------------------------------

/** A column of the import file. */
export type UnitImportColumn = 'code' | 'name' | 'kind' | 'liaisonName' | 'liaisonEmail' | 'liaisonPhone' | 'headName' | 'headEmail' | 'headPhone';

/** The header names accepted for each column (compared without spaces, case or brackets), English as the contract names them, and Chinese. */
const UNIT_HEADER_NAMES: Record<UnitImportColumn, readonly string[]> = {
  code: ['code', '代码', '单位代码', '编码'],
  name: ['name', '名称', '单位名称', '部门名称'],
  kind: ['kind', '类型', '单位类型'],
  liaisonName: ['liaison_name', '联络员', '联络员姓名'],
  liaisonEmail: ['liaison_email', '联络员邮箱', '联络员电子邮箱'],
  liaisonPhone: ['liaison_phone', '联络员电话', '联络员手机'],
  headName: ['head_name', '负责人', '负责人姓名'],
  headEmail: ['head_email', '负责人邮箱', '负责人电子邮箱'],
  headPhone: ['head_phone', '负责人电话', '负责人手机'],
};

/** The file's name of a column, as row errors name it. */
export const UNIT_IMPORT_COLUMN_NAMES: Record<UnitImportColumn, string> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  liaisonName: 'liaison_name',
  liaisonEmail: 'liaison_email',
  liaisonPhone: 'liaison_phone',
  headName: 'head_name',
  headEmail: 'head_email',
  headPhone: 'head_phone',
};

/** Without these no row could be read: the file is refused. */
export const REQUIRED_UNIT_IMPORT_COLUMNS: readonly UnitImportColumn[] = ['code', 'name', 'liaisonEmail', 'headEmail'];

/** The words a kind cell may hold. */
const KIND_WORDS: Record<string, UnitKind> = {
  department: 'department',
  部门: 'department',
  成员单位: 'department',
  district: 'district',
  区县: 'district',
  县区: 'district',
  县市区: 'district',
  inspection_team: 'inspection_team',
  监察队伍: 'inspection_team',
  劳动保障监察队伍: 'inspection_team',
};

const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s()（）[\]【】]/g, '');

const COLUMN_OF_HEADER = new Map<string, UnitImportColumn>(
  (Object.entries(UNIT_HEADER_NAMES) as Array<[UnitImportColumn, readonly string[]]>).flatMap(([column, names]) => names.map((n) => [normalise(n), column] as const)),
);

export interface UnitImportHeader {
  columns: Array<UnitImportColumn | null>;
  /** Headers no column is known by. */
  ignored: string[];
  /** Why no row of the file can be read (a required column missing, a column twice). */
  problems: string[];
}

export function mapUnitImportHeader(cells: readonly unknown[]): UnitImportHeader {
  const columns: Array<UnitImportColumn | null> = [];
  const ignored: string[] = [];
  const problems: string[] = [];
  const seen = new Set<UnitImportColumn>();
  for (const cell of cells) {
    const text = cell === null || cell === undefined ? '' : String(cell);
    const column = COLUMN_OF_HEADER.get(normalise(text)) ?? null;
    if (column && seen.has(column)) problems.push(`two columns hold ${UNIT_IMPORT_COLUMN_NAMES[column]} ("${text.trim()}")`);
    if (column) seen.add(column);
    else if (text.trim()) ignored.push(text.trim().slice(0, 100));
    columns.push(column);
  }
  const missing = REQUIRED_UNIT_IMPORT_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) problems.push(`the first row must name the columns ${missing.map((c) => UNIT_IMPORT_COLUMN_NAMES[c]).join(', ')} (missing)`);
  return { columns, ignored, problems };
}

/** A kind as the file writes it, or null for a word that names none. */
export function unitKindOf(cell: string): UnitKind | null {
  return KIND_WORDS[normalise(cell)] ?? null;
}

/**
 * A data row's cells by column, trimmed (an empty cell is ''). Only the columns the file
 * holds are present: a column the file leaves out changes nothing on an existing unit.
 */
export function unitImportCells(cells: readonly unknown[], header: UnitImportHeader): Partial<Record<UnitImportColumn, string>> {
  const out: Partial<Record<UnitImportColumn, string>> = {};
  header.columns.forEach((column, i) => {
    if (!column) return;
    const raw = cells[i];
    out[column] = raw === null || raw === undefined ? '' : String(raw).trim();
  });
  return out;
}

/** Rows whose code another row of the same file also holds (codes compared as upper case): row → the other rows. */
export function duplicateCodeRows(rows: ReadonlyArray<{ row: number; code: string }>): Map<number, number[]> {
  const byCode = new Map<string, number[]>();
  for (const { row, code } of rows) {
    if (!code) continue;
    const key = code.toUpperCase();
    byCode.set(key, [...(byCode.get(key) ?? []), row]);
  }
  const out = new Map<number, number[]>();
  for (const numbers of byCode.values()) {
    if (numbers.length < 2) continue;
    for (const n of numbers)
      out.set(
        n,
        numbers.filter((m) => m !== n),
      );
  }
  return out;
}
