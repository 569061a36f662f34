// Shapes of GET /overview/duties, /overview/departments, /overview/overdue, the bulk actions and
// the saved filters, as the board and the overdue list read them.
import type { DutyState } from '../../api/types';

export interface BoardDuty {
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
  dueAt: string;
  assignedAt: string;
  updatedAt: string;
  closedAt: string | null;
  overdue: boolean;
  overdueSince: string | null;
  late: boolean;
  returnCount: number;
}

export interface BoardAnswer {
  items: BoardDuty[];
  total: number;
  limit: number;
  offset: number;
  sort: { key: string; order: string };
  countsByState: Record<DutyState, number>;
}

export interface OverdueDuty extends BoardDuty {
  overdueForMs: number;
  lastEscalation: { step: string; firedAt: string } | null;
}

export interface GroupCounts {
  total: number;
  byState: Record<DutyState, number>;
  open: number;
  overdue: number;
  late: number;
  returns: number;
  closedOnTime: number;
  closedLate: number;
}

export interface GroupStats extends GroupCounts {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'district';
}

export interface StatsAnswer {
  groupBy: 'department' | 'district';
  rows: GroupStats[];
  totals: GroupCounts;
}

export type BulkItemResult =
  | { dutyId: string; ok: true; state: DutyState; dueAt: string }
  | { dutyId: string; ok: false; code: string; message: string };

export interface BulkResult {
  total: number;
  succeeded: number;
  failed: number;
  results: BulkItemResult[];
}

export interface CampaignHeader {
  id: string;
  name: string;
  status: string;
}

export interface CampaignPhase {
  id: string;
  seq: number;
  name: string;
}

export interface SavedFilter {
  id: string;
  view: string;
  name: string;
  filters: Record<string, string>;
  owner: { id: string; username: string | null };
  sharedWithRole: string | null;
  mine: boolean;
  mayDelete: boolean;
  createdAt: string;
  updatedAt: string;
}
