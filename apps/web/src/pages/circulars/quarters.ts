// The quarters a quarterly circular may be drafted for (the API checks the same: apps/api/src/circulars).

/** The quarters a campaign's period touches, up to today ('2026-Q2', …), latest first. */
export function quartersOf(period: { start: string; end: string }, today: string): string[] {
  const last = period.end < today ? period.end : today;
  const out: string[] = [];
  let year = Number(period.start.slice(0, 4));
  let quarter = Math.floor((Number(period.start.slice(5, 7)) - 1) / 3) + 1;
  const endYear = Number(last.slice(0, 4));
  const endQuarter = Math.floor((Number(last.slice(5, 7)) - 1) / 3) + 1;
  while (year < endYear || (year === endYear && quarter <= endQuarter)) {
    out.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return out.reverse();
}
