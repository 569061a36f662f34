// The campaign's units: member departments, districts and inspection teams, and their import
// from a file (apps/api/src/departments).
import type { UnitKind } from '@duban/domain';
import type { IsoInstant } from './common';

/** GET /departments (an array), GET /departments/:id, and what registering or changing one answers. */
export interface Department {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  liaisonEmail: string;
  headEmail: string;
  /** A deactivated unit gets no new duties; the duties it holds run on. */
  active: boolean;
  liaisonName: string | null;
  liaisonPhone: string | null;
  headName: string | null;
  headPhone: string | null;
  updatedAt: IsoInstant;
  updatedBy: string | null;
  deactivatedAt: IsoInstant | null;
  createdBy: string | null;
  createdAt: IsoInstant;
  /** Inspection teams, on GET /departments/:id and changes: the districts it answers for (none: city-wide). */
  districtIds?: string[];
}

export type DepartmentImportStatus = 'created' | 'updated' | 'unchanged' | 'refused';

export interface DepartmentImportRow {
  /** The row's number in the file (the header is row 1). */
  row: number;
  code: string;
  status: DepartmentImportStatus;
  /** Absent for a refused row, and for a row a dry run would create. */
  departmentId?: string;
  /** Column (as the file names it) → what is wrong with it. */
  errors?: Record<string, string[]>;
}

/** POST /departments/import. */
export interface DepartmentImportAnswer {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: DepartmentImportRow[];
}

/** POST /departments. */
export interface CreateDepartmentBody {
  code: string;
  name: string;
  kind?: UnitKind;
  /** Inspection teams: the districts it answers for. */
  districtIds?: string[];
  liaisonEmail: string;
  headEmail: string;
  liaisonName?: string;
  liaisonPhone?: string;
  headName?: string;
  headPhone?: string;
  reason?: string;
}

/** PATCH /departments/:id: the fields to change (code and kind never change), and why. */
export interface UpdateDepartmentBody {
  name?: string;
  liaisonName?: string | null;
  liaisonEmail?: string;
  liaisonPhone?: string | null;
  headName?: string | null;
  headEmail?: string;
  headPhone?: string | null;
  districtIds?: string[];
  reason: string;
}
