import { INSURANCE_TYPES } from '../campaigns/campaign-targets';
import { addFieldMessage, type FieldMessages } from '../campaigns/field-messages';
import type { CensusFigures, InsuranceFigures, ReportFigures } from './report-figures';

const CENSUS_FIELDS: ReadonlyArray<keyof CensusFigures> = ['unitsSurveyed', 'uninsuredUnitsFound', 'uninsuredPersonsFound', 'unitsNewlyInsured'];
/** Counted since the campaign began: they only grow, unless a correction says why. */
const CUMULATIVE_INSURANCE_FIELDS: ReadonlyArray<keyof InsuranceFigures> = ['newlyInsured', 'fundsCollectedYuan'];
const MAX_COUNT = 100_000_000;
const MAX_YUAN = 1e13;

export interface ReportTexts {
  problems: string;
  proposals: string;
  correctionNote?: string | null;
}

/** A cumulative figure lower than in the unit's previous filing. */
export interface FallingFigure {
  field: string;
  previous: number;
  reported: number;
}

/** Each cumulative figure that fell since `previous` (the unit's filing before this one). */
export function fallingFigures(figures: ReportFigures, previous: ReportFigures | null): FallingFigure[] {
  if (!previous) return [];
  const out: FallingFigure[] = [];
  for (const field of CENSUS_FIELDS) {
    if (figures.census[field] < previous.census[field]) out.push({ field: `census.${field}`, previous: previous.census[field], reported: figures.census[field] });
  }
  for (const type of INSURANCE_TYPES) {
    for (const field of CUMULATIVE_INSURANCE_FIELDS) {
      const before = previous.insurance[type]?.[field];
      const now = figures.insurance[type]?.[field];
      if (before !== undefined && now !== undefined && now < before) out.push({ field: `insurance.${type}.${field}`, previous: before, reported: now });
    }
  }
  return out;
}

/**
 * What is wrong with a report's figures, field by field (empty when nothing is): counts are
 * whole numbers ≥ 0, rates percentages 0–100 with at most two decimals, money yuan ≥ 0 with at
 * most two decimals; no more uninsured units found than units surveyed; and a cumulative figure
 * below the unit's previous filing needs a correction note saying why.
 */
export function reportFormProblems(figures: ReportFigures, texts: ReportTexts, previous: ReportFigures | null): FieldMessages {
  const fields: FieldMessages = {};
  const add = (path: string, message: string) => addFieldMessage(fields, path, message);
  for (const field of CENSUS_FIELDS) checkCount(add, `census.${field}`, figures.census[field]);
  if (figures.census.uninsuredUnitsFound > figures.census.unitsSurveyed) {
    add('census.uninsuredUnitsFound', `more uninsured units found (${figures.census.uninsuredUnitsFound}) than units surveyed (${figures.census.unitsSurveyed})`);
  }
  for (const [type, values] of Object.entries(figures.insurance)) {
    if (!(INSURANCE_TYPES as readonly string[]).includes(type)) {
      add(`insurance.${type}`, `not an insurance type (${INSURANCE_TYPES.join(', ')})`);
      continue;
    }
    const at = `insurance.${type}`;
    if (values?.newlyInsured !== undefined) checkCount(add, `${at}.newlyInsured`, values.newlyInsured);
    if (values?.totalInsured !== undefined) checkCount(add, `${at}.totalInsured`, values.totalInsured);
    if (values?.contributionRate !== undefined) {
      const rate = values.contributionRate;
      if (!Number.isFinite(rate) || rate < 0 || rate > 100) add(`${at}.contributionRate`, 'a percentage between 0 and 100');
      else if (Number(rate.toFixed(2)) !== rate) add(`${at}.contributionRate`, 'at most two decimals');
    }
    if (values?.fundsCollectedYuan !== undefined) {
      const yuan = values.fundsCollectedYuan;
      if (!Number.isFinite(yuan) || yuan < 0 || yuan > MAX_YUAN) add(`${at}.fundsCollectedYuan`, 'yuan, 0 or more');
      else if (Number(yuan.toFixed(2)) !== yuan) add(`${at}.fundsCollectedYuan`, 'yuan with at most two decimals');
    }
  }
  const note = texts.correctionNote?.trim() ?? '';
  const falling = fallingFigures(figures, previous);
  if (falling.length > 0 && note === '') {
    for (const f of falling) add(f.field, `falls from ${f.previous} to ${f.reported}: a cumulative figure only falls with a correction note saying why`);
    add('correctionNote', `required: ${falling.map((f) => f.field).join(', ')} fell since the last report`);
  }
  return fields;
}

function checkCount(add: (path: string, message: string) => void, path: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) add(path, 'a whole number, 0 or more');
  else if (value > MAX_COUNT) add(path, `at most ${MAX_COUNT}`);
}

/** What the resource library holds for the reporting unit: its district, or the whole jurisdiction. */
export interface LibraryCounts {
  units: number;
  /** Employees the library's units declare. */
  employees: number;
}

/** A figure the office should look at: it does not match what the resource library holds. */
export interface ReportFlag {
  field: string;
  message: string;
  reported: number;
  library: number;
}

/**
 * Figures larger than the resource library allows for the unit's area: more units surveyed or
 * newly insured than the library holds, more persons newly insured (any type) than the
 * library's units employ. They do not refuse the report: the library may be incomplete, and the
 * office decides.
 */
export function reportLibraryFlags(figures: ReportFigures, library: LibraryCounts): ReportFlag[] {
  const flags: ReportFlag[] = [];
  const unitsCheck: Array<[keyof CensusFigures, string]> = [
    ['unitsSurveyed', '报告的已调查单位数多于资源库登记的单位数'],
    ['unitsNewlyInsured', '报告的新参保单位数多于资源库登记的单位数'],
    ['uninsuredUnitsFound', '报告的未参保单位数多于资源库登记的单位数'],
  ];
  for (const [field, message] of unitsCheck) {
    if (figures.census[field] > library.units) flags.push({ field: `census.${field}`, message, reported: figures.census[field], library: library.units });
  }
  for (const type of INSURANCE_TYPES) {
    const persons = figures.insurance[type]?.newlyInsured;
    if (persons !== undefined && persons > library.employees) {
      flags.push({ field: `insurance.${type}.newlyInsured`, message: '报告的新增参保人数多于资源库单位的从业人数', reported: persons, library: library.employees });
    }
  }
  return flags;
}
