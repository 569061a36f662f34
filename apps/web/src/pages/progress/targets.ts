// How a target and its figures read: "养老保险 · 新增参保人数", 76,000 persons, 80.00 %, ¥430,000,000.00.
import type { TargetIdentity } from '@duban/domain';
import { formatNumber } from '../../components/format';

type Label = (prefix: string, value: string | null | undefined) => string;

export function targetName(target: TargetIdentity, label: Label): string {
  const what = target.kind === 'persons' ? label('targetMeasure', target.measure ?? 'newly_insured') : label('targetKind', target.kind);
  return `${label('insuranceType', target.insuranceType)} · ${what}`;
}

export function targetKey(target: TargetIdentity): string {
  return `${target.insuranceType}/${target.kind}/${target.measure ?? ''}`;
}

/** A figure in the target's own unit: persons whole, a rate with two decimals and %, yuan with two decimals. */
export function targetFigure(target: TargetIdentity, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (target.kind === 'contribution_rate') return `${formatNumber(value, 2)}%`;
  if (target.kind === 'funds') return formatNumber(value, 2);
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** A share (0.841) as a percentage (84.1%). */
export function percent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${formatNumber(share * 100, digits)}%`;
}
