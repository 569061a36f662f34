import { INSURANCE_TYPES, type InsuranceType } from '../campaigns/campaign-targets';
import { may } from '../access';
import type { Actor } from '../roles';
import type { Registry, UnitFacts } from '../units/unit-facts';
import { unitFactProblems } from '../units/unit-facts';

/**
 * The files departments supply (docs/domain.md, "The resource library and units"):
 * market-regulation registrations, tax registrations, social-insurance registrations, household
 * or employment data. A registration file says the registry holds each unit it lists.
 */
export const IMPORT_DATASETS = ['market_registration', 'tax_registration', 'social_insurance_registration', 'employment'] as const;
export type ImportDataset = (typeof IMPORT_DATASETS)[number];

export const DATASET_REGISTRY: Record<ImportDataset, Registry | null> = {
  market_registration: 'market_regulation',
  tax_registration: 'tax',
  social_insurance_registration: 'social_insurance',
  employment: null,
};

/** What a column holds. */
export type ImportColumn = 'creditCode' | 'name' | 'sector' | 'district' | 'address' | 'contactEmail' | 'employees' | 'arrears' | `insured.${InsuranceType}`;

const INSURED_WORDS: Record<InsuranceType, string> = { pension: '养老', unemployment: '失业', medical: '医疗', work_injury: '工伤', maternity: '生育' };

/** Header names departments use, English and Chinese, for each column (compared without spaces, case or brackets). */
const HEADER_NAMES: Record<ImportColumn, readonly string[]> = {
  creditCode: ['credit_code', 'creditcode', '统一社会信用代码', '社会信用代码', '信用代码'],
  name: ['name', 'unit_name', '单位名称', '企业名称', '名称'],
  sector: ['sector', 'sector_key', '行业', '所属行业', '行业类别'],
  district: ['district', '所属区县', '区县', '所属县市区', '县市区'],
  address: ['address', '地址', '单位地址', '住所'],
  contactEmail: ['contact_email', 'email', '电子邮箱', '邮箱', '联系邮箱'],
  employees: ['employees', '从业人数', '职工人数', '用工人数'],
  arrears: ['arrears', '欠费金额', '欠费金额元', '欠缴金额', '欠缴金额元'],
  ...(Object.fromEntries(INSURANCE_TYPES.map((type) => [`insured.${type}`, [`insured_${type}`, `${INSURED_WORDS[type]}参保人数`, `${INSURED_WORDS[type]}保险参保人数`]])) as Record<
    `insured.${InsuranceType}`,
    string[]
  >),
};

const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s()（）[\]【】]/g, '');

const COLUMN_OF_HEADER = new Map<string, ImportColumn>(
  (Object.entries(HEADER_NAMES) as Array<[ImportColumn, readonly string[]]>).flatMap(([column, names]) => names.map((n) => [normalise(n), column] as const)),
);

export interface ImportHeader {
  /** Per position: the column it holds, or null when ignored. */
  columns: Array<ImportColumn | null>;
  /** Headers no column is known by (listed on the import). */
  ignored: string[];
  /** Problems that make the whole file unreadable (no credit-code column, a column twice). */
  problems: string[];
}

export function mapImportHeader(headers: readonly string[]): ImportHeader {
  const columns: Array<ImportColumn | null> = [];
  const ignored: string[] = [];
  const problems: string[] = [];
  const seen = new Set<ImportColumn>();
  for (const header of headers) {
    const column = COLUMN_OF_HEADER.get(normalise(String(header ?? ''))) ?? null;
    if (column && seen.has(column)) problems.push(`two columns hold ${column} ("${header}")`);
    if (column) seen.add(column);
    else if (String(header ?? '').trim()) ignored.push(String(header).trim());
    columns.push(column);
  }
  if (!seen.has('creditCode')) problems.push('no column holds the unified social credit code (统一社会信用代码 or credit_code)');
  return { columns, ignored, problems };
}

/**
 * Departments' exports often put a title (and a blank line) above the header: the header is the
 * first row, among this many, that names a credit-code column. Rows above it are not data.
 */
export const HEADER_SEARCH_ROWS = 10;

export type HeaderSearch = { kind: 'header'; header: ImportHeader } | { kind: 'above_header' } | { kind: 'refused'; problems: string[] };

/** What a row near the top of a file is, as the reader meets it (rows numbered from 1, as the file numbers them). */
export function searchImportHeader(cells: readonly unknown[], rowNumber: number): HeaderSearch {
  const header = mapImportHeader(cells.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  if (header.columns.includes('creditCode')) return header.problems.length > 0 ? { kind: 'refused', problems: header.problems } : { kind: 'header', header };
  if (rowNumber < HEADER_SEARCH_ROWS) return { kind: 'above_header' };
  return { kind: 'refused', problems: [`no column holds the unified social credit code (统一社会信用代码 or credit_code) in the first ${HEADER_SEARCH_ROWS} rows`] };
}

/** A file that ends before its header was found. */
export function missingImportHeaderProblems(rowsSeen: number): string[] {
  return rowsSeen === 0 ? ['the file is empty'] : ['no column holds the unified social credit code (统一社会信用代码 or credit_code)'];
}

/** How sector and district cells are understood: a sector key or label of the matrix; a district's name or code. */
export interface ImportLookups {
  sectorKey(cell: string): string | null;
  districtId(cell: string): string | null;
}

export interface RowProblem {
  field: string;
  reason: string;
}

/** A cell as a reason quotes it: control characters made visible, long text cut (reasons are read by people, and stored). */
export function quotedCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  const chars = [...visible];
  return `"${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : visible}"`;
}

/** A data row as facts, or its problems (an empty cell says nothing). */
export function importRowFacts(
  cells: readonly unknown[],
  header: ImportHeader,
  dataset: ImportDataset,
  lookups: ImportLookups,
): { facts: UnitFacts | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const facts: UnitFacts = { creditCode: '' };
  const count = (field: string, text: string): number | undefined => {
    if (!/^\d+$/.test(text)) {
      problems.push({ field, reason: `${quotedCell(text)} is not a whole number ≥ 0` });
      return undefined;
    }
    return Number(text);
  };
  header.columns.forEach((column, i) => {
    if (!column) return;
    const raw = cells[i];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    if (text === '') return;
    switch (column) {
      case 'creditCode':
        facts.creditCode = text.toUpperCase();
        break;
      case 'name':
      case 'address':
      case 'contactEmail':
        if (column === 'contactEmail' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) problems.push({ field: column, reason: `${quotedCell(text)} is not an e-mail address` });
        else facts[column] = text;
        break;
      case 'sector': {
        const key = lookups.sectorKey(text);
        if (key) facts.sectorKey = key;
        else problems.push({ field: 'sector', reason: `${quotedCell(text)} is not a sector of the duty matrix` });
        break;
      }
      case 'district': {
        const id = lookups.districtId(text);
        if (id) facts.districtId = id;
        else problems.push({ field: 'district', reason: `${quotedCell(text)} is not a registered district (or names more than one: give its code)` });
        break;
      }
      case 'employees':
        facts.employees = count('employees', text);
        break;
      case 'arrears': {
        const yuan = Number(text.replace(/,/g, ''));
        if (!/^\d+(\.\d{1,2})?$/.test(text.replace(/,/g, '')) || !Number.isFinite(yuan))
          problems.push({ field: 'arrears', reason: `${quotedCell(text)} is not yuan ≥ 0 with at most two decimals` });
        else facts.arrears = yuan;
        break;
      }
      default: {
        const type = column.slice('insured.'.length) as InsuranceType;
        const value = count(column, text);
        if (value !== undefined) facts.insured = { ...facts.insured, [type]: value };
      }
    }
  });
  if (!facts.creditCode) return { facts: null, problems: [{ field: 'creditCode', reason: 'the row has no credit code' }, ...problems] };
  const registry = DATASET_REGISTRY[dataset];
  if (registry) facts.registeredWith = [registry];
  for (const [field, messages] of Object.entries(unitFactProblems(facts))) {
    for (const reason of messages) if (!problems.some((p) => p.field === field)) problems.push({ field, reason });
  }
  return problems.length > 0 ? { facts: null, problems } : { facts, problems };
}

/** Who reads imports: the office and viewers all; a department officer their own department's; inspectors none. */
export function canReadUnitImport(actor: Actor, importDepartmentId: string | null): boolean {
  return may(actor, 'unit-import.read', { departmentId: importDepartmentId });
}
