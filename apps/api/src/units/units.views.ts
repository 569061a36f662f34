import type { UnitFact, UnitRecord } from '@duban/contracts';
import type { UnitFactRow, UnitRow } from '@duban/persistence';
import { isoDate } from '../common/instants';

// Rows of the unit repository mapped to the answers of libs/contracts/src/units.ts.

export function unitView(u: UnitRow): UnitRecord {
  return {
    creditCode: u.creditCode,
    name: u.name,
    sectorKey: u.sectorKey,
    districtId: u.districtId,
    address: u.address,
    contactEmail: u.contactEmail,
    employees: u.employees,
    insured: u.insured,
    registrations: u.registrations,
    arrears: u.arrears,
    createdAt: isoDate(u.createdAt),
    updatedAt: isoDate(u.updatedAt),
  };
}

export function unitFactView(f: UnitFactRow): UnitFact {
  return {
    field: f.field,
    value: f.value,
    sourceDepartmentId: f.sourceDepartmentId,
    sourceFile: f.sourceFile,
    sourceDate: f.sourceDate,
    recordedBy: f.recordedBy,
    recordedAt: isoDate(f.recordedAt),
  };
}
