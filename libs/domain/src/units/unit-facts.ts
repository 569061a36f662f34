import { INSURANCE_TYPES, type InsuranceType } from '../campaigns/campaign-targets';
import { addFieldMessage as add, type FieldMessages } from '../campaigns/field-messages';
import { creditCodeProblem } from './credit-code';
import { may, refusalOf, scopeOf } from '../access';
import { DomainError, DomainErrorCode } from '../errors';
import type { Actor } from '../roles';

/**
 * The registries whose data the resource library compares: a unit on the market-regulation or
 * tax register but not on the social-insurance one should be insured and is not.
 */
export const REGISTRIES = ['market_regulation', 'tax', 'social_insurance'] as const;
export type Registry = (typeof REGISTRIES)[number];

/**
 * What one source (a department's file of a given date) says about a unit. Every field but
 * the credit code is optional: a tax file knows arrears, a registration file knows the name.
 */
export interface UnitFacts {
  creditCode: string;
  name?: string;
  sectorKey?: string;
  districtId?: string;
  address?: string;
  contactEmail?: string;
  employees?: number;
  /** Insured employees per insurance type. */
  insured?: Partial<Record<InsuranceType, number>>;
  /** Contributions owed, in yuan. */
  arrears?: number;
  /** Registries the source says hold the unit (a registration file says its own). */
  registeredWith?: Registry[];
}

export const UNIT_FACT_FIELDS = ['name', 'sectorKey', 'districtId', 'address', 'contactEmail', 'employees', 'insured', 'arrears', 'registeredWith'] as const;
export type UnitFactField = (typeof UNIT_FACT_FIELDS)[number];

/**
 * What the record can hold (the units table's columns): longer text, larger counts or sums, or a
 * NUL character (PostgreSQL stores none in text) are refused as field problems — never left for
 * the database to refuse, which would fail a whole batch of an import.
 */
export const UNIT_FACT_LIMITS = {
  text: { name: 300, address: 1000, contactEmail: 320 },
  /** Employees and insured persons of one unit. */
  maxCount: 10_000_000,
  /** numeric(16, 2) holds yuan below 10^14. */
  arrearsBelow: 1e14,
} as const;

/** Field problems of a set of facts (empty when none): a valid credit code, counts whole and not negative, money in fen. */
export function unitFactProblems(facts: UnitFacts, prefix = ''): FieldMessages {
  const fields: FieldMessages = {};
  const codeProblem = creditCodeProblem(facts.creditCode);
  if (codeProblem) add(fields, `${prefix}creditCode`, codeProblem);
  for (const [field, max] of Object.entries(UNIT_FACT_LIMITS.text) as Array<[keyof typeof UNIT_FACT_LIMITS.text, number]>) {
    const text = facts[field];
    if (text === undefined) continue;
    if ([...text].length > max) add(fields, `${prefix}${field}`, `at most ${max} characters`);
    if (text.includes('\u0000')) add(fields, `${prefix}${field}`, 'contains a NUL character');
  }
  const count = (path: string, value: number | undefined) => {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < 0) add(fields, `${prefix}${path}`, 'a whole number ≥ 0');
    else if (value > UNIT_FACT_LIMITS.maxCount) add(fields, `${prefix}${path}`, `at most ${UNIT_FACT_LIMITS.maxCount.toLocaleString('en')}`);
  };
  count('employees', facts.employees);
  for (const [type, value] of Object.entries(facts.insured ?? {})) {
    if (!(INSURANCE_TYPES as readonly string[]).includes(type)) add(fields, `${prefix}insured.${type}`, `not an insurance type (${INSURANCE_TYPES.join(', ')})`);
    else count(`insured.${type}`, value);
  }
  if (facts.arrears !== undefined && (!Number.isFinite(facts.arrears) || facts.arrears < 0 || Number(facts.arrears.toFixed(2)) !== facts.arrears)) {
    add(fields, `${prefix}arrears`, 'yuan ≥ 0 with at most two decimals');
  } else if (facts.arrears !== undefined && facts.arrears >= UNIT_FACT_LIMITS.arrearsBelow) {
    add(fields, `${prefix}arrears`, 'less than 100,000,000,000,000 yuan');
  }
  for (const registry of facts.registeredWith ?? []) {
    if (!(REGISTRIES as readonly string[]).includes(registry)) add(fields, `${prefix}registeredWith`, `not a registry (${REGISTRIES.join(', ')})`);
  }
  if (UNIT_FACT_FIELDS.every((f) => facts[f] === undefined)) add(fields, `${prefix}creditCode`, 'the row says nothing about the unit besides its code');
  return fields;
}

/**
 * Facts about units come from departments: a department officer records them for their own
 * department; the office records them on behalf of a named department. Viewers and inspectors
 * read only.
 */
export function unitFactSourceRefusal(actor: Actor, sourceDepartmentId: string | undefined): string | null {
  const scope = scopeOf(actor, 'unit-facts.record');
  if (scope === null) return refusalOf(actor.role, 'unit-facts.record');
  if (scope === 'all') return sourceDepartmentId ? null : 'The office names the department the facts come from (source.departmentId)';
  if (sourceDepartmentId && !may(actor, 'unit-facts.record', { departmentId: sourceDepartmentId }))
    return "A department officer records facts from their own department's data only";
  return null;
}

/**
 * The refusal as the API answers it: a caller who may name any department but named none has
 * left `field` empty (INVALID_UNIT_FACTS); anyone else is refused (ACTION_NOT_PERMITTED).
 */
export function unitFactSourceError(actor: Actor, sourceDepartmentId: string | undefined, field: string): DomainError | null {
  const refusal = unitFactSourceRefusal(actor, sourceDepartmentId);
  if (!refusal) return null;
  return scopeOf(actor, 'unit-facts.record') === 'all'
    ? new DomainError(DomainErrorCode.InvalidUnitFacts, refusal, { fields: { [field]: [refusal] } })
    : new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
}
