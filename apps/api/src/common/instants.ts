/**
 * Workflows keep time as epoch milliseconds (Date.now() in workflow code); the API answers every
 * instant as ISO 8601 text in UTC (docs/campaigns.md "Times and deadlines"). Views convert at the edge.
 */

import type { IsoInstant } from '@duban/contracts';

export type { IsoInstant };

export function isoInstant(ms: number): IsoInstant {
  return new Date(ms).toISOString();
}

export function isoInstantOrNull(ms: number | null | undefined): IsoInstant | null {
  return ms === null || ms === undefined ? null : isoInstant(ms);
}

/** A row's instant (node-postgres reads timestamptz as Date) as the same text JSON would give it. */
export function isoDate(date: Date): IsoInstant {
  return date.toISOString();
}

export function isoDateOrNull(date: Date | null | undefined): IsoInstant | null {
  return date === null || date === undefined ? null : isoDate(date);
}
