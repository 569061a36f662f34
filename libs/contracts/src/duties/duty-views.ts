// The lists of duties (GET /inbox, /overview/duties, /overview/departments, /overview/overdue)
// and the office's bulk actions (POST /bulk-actions/...).
import type { DutyState } from '@duban/domain';
import type { IsoInstant } from '../common';

/** A duty as every list shows it (issue 3, item 6): with its department, campaign, phase and district named, and the overdue mark. */
export interface DutyListItem {
  id: string;
  title: string;
  state: DutyState;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  campaignId: string | null;
  campaignName: string | null;
  phaseId: string | null;
  phaseName: string | null;
  districtId: string | null;
  districtName: string | null;
  sectorKey: string | null;
  dueAt: IsoInstant;
  assignedAt: IsoInstant;
  updatedAt: IsoInstant;
  closedAt: IsoInstant | null;
  overdue: boolean;
  overdueSince: IsoInstant | null;
  returnCount: number;
  late: boolean;
}

export interface OverdueListItem extends DutyListItem {
  /** How long past the due time, in milliseconds, when the answer was made. */
  overdueForMs: number;
  lastEscalation: { step: string; firedAt: IsoInstant } | null;
}

/** GET /overview/duties: one page, sorted, with counts per state. */
export interface DutyList {
  items: DutyListItem[];
  total: number;
  limit: number;
  offset: number;
  sort: { key: string; order: string };
  /** For the same filters with the state filter left out. */
  countsByState: Record<DutyState, number>;
}

/** GET /inbox: a department's duties, and which department. */
export interface DutyInbox extends DutyList {
  department: { id: string; code: string; name: string };
}

/** GET /overview/overdue. */
export interface OverdueList {
  items: OverdueListItem[];
  total: number;
  limit: number;
  offset: number;
}

/** A group's duties counted: by state, open, overdue, late, returns, closed on time or late. */
export interface DutyGroupCounts {
  total: number;
  byState: Record<DutyState, number>;
  open: number;
  overdue: number;
  late: number;
  /** Sum of return counts: how often the office sent results back. */
  returns: number;
  /** Accepted at or before the due time. */
  closedOnTime: number;
  /** Accepted after the due time. */
  closedLate: number;
}

/** One department's (or district's) counts. */
export interface DutyGroupStats extends DutyGroupCounts {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'district';
}

/** GET /overview/departments. */
export interface DutyStats {
  groupBy: 'department' | 'district';
  rows: DutyGroupStats[];
  totals: DutyGroupCounts;
}

export type BulkItemResult = { dutyId: string; ok: true; state: DutyState; dueAt: IsoInstant } | { dutyId: string; ok: false; code: string; message: string };

/** What a bulk action did: each duty answers for itself. */
export interface BulkResult {
  total: number;
  succeeded: number;
  failed: number;
  results: BulkItemResult[];
}

/** POST /bulk-actions/remind-overdue. */
export interface RemindOverdueResult extends BulkResult {
  departmentId: string;
}

/** POST /bulk-actions/extend. */
export interface BulkExtendResult extends BulkResult {
  dueAt: IsoInstant;
}
