import { addFieldMessage as add, assertNoCampaignProblems, type FieldMessages } from './field-messages';

/** The five insurance types (docs/domain.md, "Campaigns"). */
export const INSURANCE_TYPES = ['pension', 'unemployment', 'medical', 'work_injury', 'maternity'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];

/**
 * Targets come in three kinds: persons (newly insured or total insured), the contribution
 * (payment) rate in percent, and funds collected in yuan, for which a plan may name a floor
 * and a stretch figure. Head counts and money accumulate, so progress judges them against the
 * share of the campaign's time used; a rate is a level, judged against the rate itself
 * (`expectedShare` in reports/campaign-progress.ts).
 */
export const TARGET_KINDS = ['persons', 'contribution_rate', 'funds'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const PERSONS_MEASURES = ['newly_insured', 'total_insured'] as const;
export type PersonsMeasure = (typeof PERSONS_MEASURES)[number];

/** A district's or a department's share of a target. */
export interface TargetShare {
  unitId: string;
  value: number;
  /** Funds only: the share of the stretch figure. */
  stretch?: number;
}

export interface CampaignTarget {
  insuranceType: InsuranceType;
  kind: TargetKind;
  /** Persons only. */
  measure?: PersonsMeasure;
  /** Persons: a head count; contribution_rate: percent (0–100); funds: yuan (the floor). */
  value: number;
  /** Funds only: the stretch goal, at least the floor. */
  stretch?: number;
  /** Shares by district; for persons and funds they must add up to the whole. */
  districtShares?: TargetShare[];
  /** Shares by department; for persons and funds they must add up to the whole. */
  departmentShares?: TargetShare[];
}

/** Money is counted in yuan with at most two decimals; compare in fen to avoid float drift. */
const toFen = (yuan: number) => Math.round(yuan * 100);

/**
 * What is wrong with a campaign's targets, field by field (empty when nothing is). Checks:
 * one target per insurance type, kind and measure; values in range; a stretch only for funds
 * and never below the floor; shares name known units at most once and — for head counts and
 * money, which add up — sum exactly to the whole. A rate does not add up: each share is a
 * rate of its own, within 0–100.
 */
export function campaignTargetProblems(targets: readonly CampaignTarget[], units: { districtIds: ReadonlySet<string>; departmentIds: ReadonlySet<string> }): FieldMessages {
  const fields: FieldMessages = {};
  const seen = new Set<string>();
  targets.forEach((target, i) => {
    const at = `targets.${i}`;
    const identity = `${target.insuranceType}/${target.kind}/${target.measure ?? ''}`;
    if (seen.has(identity)) add(fields, at, `a second ${target.kind} target for ${target.insuranceType}`);
    seen.add(identity);
    if (target.kind === 'persons' && !target.measure) add(fields, `${at}.measure`, 'a persons target says newly_insured or total_insured');
    if (target.kind !== 'persons' && target.measure) add(fields, `${at}.measure`, 'only a persons target has a measure');
    checkValue(fields, `${at}.value`, target.kind, target.value);
    if (target.stretch !== undefined) {
      if (target.kind !== 'funds') add(fields, `${at}.stretch`, 'only a funds target has a stretch figure');
      else {
        checkValue(fields, `${at}.stretch`, 'funds', target.stretch);
        if (target.stretch < target.value) add(fields, `${at}.stretch`, `the stretch figure (${target.stretch}) is below the floor (${target.value})`);
      }
    }
    checkShares(fields, `${at}.districtShares`, target, target.districtShares, units.districtIds, 'district of the jurisdiction');
    checkShares(fields, `${at}.departmentShares`, target, target.departmentShares, units.departmentIds, 'member department');
  });
  return fields;
}

export function assertValidCampaignTargets(targets: readonly CampaignTarget[], units: { districtIds: ReadonlySet<string>; departmentIds: ReadonlySet<string> }): void {
  assertNoCampaignProblems(campaignTargetProblems(targets, units));
}

function checkValue(fields: FieldMessages, path: string, kind: TargetKind, value: number): void {
  if (!Number.isFinite(value) || value < 0) return add(fields, path, 'must be a number ≥ 0');
  if (kind === 'persons' && !Number.isInteger(value)) add(fields, path, 'a head count is a whole number');
  if (kind === 'contribution_rate' && value > 100) add(fields, path, 'a rate is a percentage, at most 100');
  // Compared as the nearest two-decimal number, not as value × 100: that product drifts for
  // amounts of billions (a province's funds target) although they have whole fen.
  if (kind === 'funds' && Number(value.toFixed(2)) !== value) add(fields, path, 'yuan with at most two decimals');
}

function checkShares(fields: FieldMessages, path: string, target: CampaignTarget, shares: readonly TargetShare[] | undefined, known: ReadonlySet<string>, what: string): void {
  if (!shares || shares.length === 0) return;
  const units = new Set<string>();
  shares.forEach((share, j) => {
    if (!known.has(share.unitId)) add(fields, `${path}.${j}.unitId`, `not a ${what}`);
    if (units.has(share.unitId)) add(fields, `${path}.${j}.unitId`, 'named twice');
    units.add(share.unitId);
    checkValue(fields, `${path}.${j}.value`, target.kind, share.value);
    if (share.stretch !== undefined) {
      if (target.kind !== 'funds' || target.stretch === undefined) add(fields, `${path}.${j}.stretch`, 'the target has no stretch figure to share');
      else {
        checkValue(fields, `${path}.${j}.stretch`, 'funds', share.stretch);
        if (share.stretch < share.value) add(fields, `${path}.${j}.stretch`, `the share's stretch (${share.stretch}) is below its floor (${share.value})`);
      }
    }
  });
  if (target.kind === 'contribution_rate') return;
  const sum = (pick: (s: TargetShare) => number) => (target.kind === 'funds' ? shares.reduce((t, s) => t + toFen(pick(s)), 0) : shares.reduce((t, s) => t + pick(s), 0));
  const whole = target.kind === 'funds' ? toFen(target.value) : target.value;
  const total = sum((s) => s.value);
  if (total !== whole) {
    const shown = (n: number) => (target.kind === 'funds' ? (n / 100).toFixed(2) : String(n));
    add(fields, path, `the shares add up to ${shown(total)}, not to the whole ${shown(whole)}`);
  }
  if (target.kind === 'funds' && target.stretch !== undefined && shares.some((s) => s.stretch !== undefined)) {
    const stretchTotal = sum((s) => s.stretch ?? 0);
    if (stretchTotal !== toFen(target.stretch)) {
      add(fields, path, `the stretch shares add up to ${(stretchTotal / 100).toFixed(2)}, not to ${target.stretch.toFixed(2)}`);
    }
  }
}
