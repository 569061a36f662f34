// The resource library: a unit (employer) as the departments' data describe it, and the facts
// each source gave (apps/api/src/units).
import type { UnitFactField } from '@duban/domain';
import type { IsoInstant } from './common';

export interface UnitRecord {
  creditCode: string;
  name: string | null;
  sectorKey: string | null;
  districtId: string | null;
  address: string | null;
  contactEmail: string | null;
  employees: number | null;
  insured: Record<string, number>;
  /** Registries known to hold the unit (registry → true). */
  registrations: Record<string, boolean>;
  /** Yuan to the fen, as every answer gives money. */
  arrears: number | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** What one source said about one field of the unit. */
export interface UnitFact {
  field: UnitFactField;
  value: unknown;
  sourceDepartmentId: string;
  sourceFile: string;
  /** The source file's local date (YYYY-MM-DD). */
  sourceDate: string;
  recordedBy: string;
  recordedAt: IsoInstant;
}

/** GET /units/:creditCode, and the answer to POST /units. */
export interface UnitDetail extends UnitRecord {
  facts: UnitFact[];
}

/** GET /units. */
export interface UnitList {
  items: UnitRecord[];
  total: number;
}
