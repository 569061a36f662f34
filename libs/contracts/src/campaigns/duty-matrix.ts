// The duty matrix (GET/PUT /duty-matrix): which department a sector or function's duties go to.
import type { DutyRouteKind } from '@duban/domain';
import type { IsoInstant } from '../common';

export interface DutyRoute {
  kind: DutyRouteKind;
  key: string;
  label: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  updatedBy: string | null;
  updatedAt: IsoInstant;
}

/** One change of a route, as logged. */
export interface DutyRouteChange {
  kind: DutyRouteKind;
  key: string;
  label: string;
  fromDepartmentId: string | null;
  toDepartmentId: string;
  reason: string | null;
  changedBy: string | null;
  changedAt: IsoInstant;
}
