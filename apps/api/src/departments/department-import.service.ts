import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BadRequestException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertMay,
  duplicateCodeRows,
  mapUnitImportHeader,
  UNIT_CODE,
  UNIT_IMPORT_COLUMN_NAMES,
  unitChanges,
  unitImportCells,
  unitKindOf,
  DomainError,
  DomainErrorCode,
  type Actor,
  type UnitImportColumn,
  type UnitImportHeader,
  type UnitKind,
} from '@duban/domain';
import type { DepartmentImportAnswer, DepartmentImportRow, DepartmentImportStatus } from '@duban/contracts';
import { AuditLogRepository, DepartmentRepository, inSavepoint, type DepartmentEntity } from '@duban/persistence';
import { tableFormatOf, tableRows, unreadableFormatOf, UnreadableFileError } from '@duban/unit-files';
import type { ClientContext } from '../auth/auth.service';
import type { UploadedEvidenceFile } from '../common/evidence-upload';
import { unstorableTextProblem } from '../common/front-door';
import { TABLE_UPLOAD_FIELD } from '../common/table-upload';
import { fieldMessages } from '../common/validation';
import { DepartmentImportRowDto } from './create-department.dto';
import { DepartmentsService, unitRecord } from './departments.service';

/** A city's 30 departments and 12 districts are a few kilobytes; this leaves room for a province's. */
export const DEPARTMENT_IMPORT_MAX_BYTES = 1024 * 1024;
export const DEPARTMENT_IMPORT_MAX_ROWS = 2000;

interface CheckedRow {
  row: number;
  code: string;
  kind: UnitKind | null;
  fields: Partial<Record<Exclude<UnitImportColumn, 'code' | 'kind'>, string | null>>;
  errors: Record<string, string[]>;
}

function badFile(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [TABLE_UPLOAD_FIELD]: [message] } });
}

/** Rolls back a dry run's transaction, carrying its answer out. */
class DryRunDone extends Error {
  constructor(readonly answer: DepartmentImportAnswer) {
    super('dry run');
  }
}

/**
 * Departments, districts and inspection teams from a sheet (CSV or XLSX, read by the same
 * reader as unit imports). Each row is checked on its own: a refused row writes nothing and
 * says why per column; a row whose code is registered updates the fields that differ, or is
 * unchanged (importing the same file again changes nothing). One transaction for the file.
 */
@Injectable()
export class DepartmentImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly service: DepartmentsService,
  ) {}

  async import(actor: Actor, file: UploadedEvidenceFile | undefined, options: { dryRun: boolean; reason?: string }, client: ClientContext): Promise<DepartmentImportAnswer> {
    assertMay(actor, 'department.administer');
    if (!file) throw badFile(`Send the file as multipart/form-data in the field "${TABLE_UPLOAD_FIELD}"`);
    if (file.size === 0) throw badFile('The file is empty');
    const unreadable = unreadableFormatOf(file.buffer);
    if (unreadable) throw badFile(`The file cannot be imported: it is ${unreadable}`);
    const { header, rows } = await this.read(file.buffer);

    const existing = new Map((await this.departments.list()).map((d) => [d.code, d]));
    const checked = await Promise.all(rows.map((r) => this.check(r.number, unitImportCells(r.cells, header), existing)));
    for (const [row, others] of duplicateCodeRows(checked.map((c) => ({ row: c.row, code: c.code })))) {
      const target = checked.find((c) => c.row === row)!;
      (target.errors.code ??= []).push(`the code ${target.code} is in row${others.length > 1 ? 's' : ''} ${others.join(', ')} too: give each unit one row`);
    }

    const reason = options.reason ?? `导入 ${file.originalname}`.slice(0, 500);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const answered: DepartmentImportRow[] = [];
        for (const row of checked) {
          if (Object.keys(row.errors).length > 0) {
            answered.push({ row: row.row, code: row.code, status: 'refused', errors: row.errors });
            continue;
          }
          try {
            answered.push(await inSavepoint(tx, () => this.write(tx, actor, client, row, reason, options.dryRun)));
          } catch (error) {
            // Registered meanwhile, or a kind that changed between the check and the write.
            if (!(error instanceof DomainError)) throw error;
            answered.push({ row: row.row, code: row.code, status: 'refused', errors: { code: [error.message] } });
          }
        }
        const answer = summary(answered, options.dryRun);
        if (options.dryRun) throw new DryRunDone(answer);
        await new AuditLogRepository(this.dataSource).record(
          {
            actorId: actor.userId,
            actorUsername: actor.username,
            action: 'departments.imported',
            targetLabel: file.originalname,
            to: { fileName: file.originalname, created: answer.created, updated: answer.updated, unchanged: answer.unchanged, refused: answer.refused },
            reason,
            clientAddress: client.address,
          },
          tx,
        );
        return answer;
      });
    } catch (error) {
      if (error instanceof DryRunDone) return error.answer;
      throw error;
    }
  }

  /** The header (the first row) and the data rows (blank rows skipped); 400 when the file cannot be read. */
  private async read(buffer: Buffer): Promise<{ header: UnitImportHeader; rows: Array<{ number: number; cells: unknown[] }> }> {
    let header: UnitImportHeader | undefined;
    const rows: Array<{ number: number; cells: unknown[] }> = [];
    try {
      for await (const row of tableRows(Readable.from([buffer]), tableFormatOf(buffer))) {
        if (row.cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
        if (!header) {
          header = mapUnitImportHeader(row.cells);
          if (header.problems.length > 0) throw badFile(`The file cannot be imported: ${header.problems.join('; ')}`);
          continue;
        }
        if (rows.length >= DEPARTMENT_IMPORT_MAX_ROWS) throw badFile(`The file holds more than ${DEPARTMENT_IMPORT_MAX_ROWS} rows: import it in parts`);
        rows.push(row);
      }
    } catch (error) {
      if (error instanceof UnreadableFileError) throw badFile(`The file cannot be imported: ${error.message}`);
      throw error;
    }
    if (!header) throw badFile('The file is empty');
    return { header, rows };
  }

  /** A row's problems per column, with the rules of POST /departments. */
  private async check(row: number, cells: Partial<Record<UnitImportColumn, string>>, existing: Map<string, DepartmentEntity>): Promise<CheckedRow> {
    const errors: Record<string, string[]> = {};
    const add = (column: UnitImportColumn, message: string) => (errors[UNIT_IMPORT_COLUMN_NAMES[column]] ??= []).push(message);
    for (const [column, text] of Object.entries(cells) as Array<[UnitImportColumn, string]>) {
      const problem = unstorableTextProblem(text);
      if (problem) add(column, `${UNIT_IMPORT_COLUMN_NAMES[column]} ${problem}`);
    }
    const code = (cells.code ?? '').toUpperCase();
    if (!code) add('code', 'the row has no code');
    else if (!UNIT_CODE.test(code)) add('code', 'code must be 2-32 upper-case letters, digits, - or _, starting with a letter');
    const registered = existing.get(code);
    let kind: UnitKind | null = null;
    if (cells.kind) {
      kind = unitKindOf(cells.kind);
      if (!kind) add('kind', `kind must be department, district or inspection_team (部门, 区县, 监察队伍), not "${cells.kind.slice(0, 40)}"`);
      else if (registered && registered.kind !== kind) add('kind', `${code} is registered as ${registered.kind}; its kind cannot change`);
    }
    const fields: CheckedRow['fields'] = {};
    for (const column of ['name', 'liaisonName', 'liaisonEmail', 'liaisonPhone', 'headName', 'headEmail', 'headPhone'] as const) {
      if (cells[column] === undefined) continue;
      // An empty optional cell removes the value; an empty required one is refused below.
      fields[column] = cells[column] === '' && !['name', 'liaisonEmail', 'headEmail'].includes(column) ? null : cells[column];
    }
    if (Object.keys(errors).length === 0) {
      const dto = plainToInstance(DepartmentImportRowDto, fields);
      for (const [field, messages] of Object.entries(fieldMessages(await validate(dto)))) {
        for (const m of messages) add(field as UnitImportColumn, m.replace(field, UNIT_IMPORT_COLUMN_NAMES[field as UnitImportColumn] ?? field));
      }
      Object.assign(fields, { ...dto });
    }
    return { row, code, kind, fields, errors };
  }

  private async write(tx: EntityManager, actor: Actor, client: ClientContext, row: CheckedRow, reason: string, dryRun: boolean): Promise<DepartmentImportRow> {
    const current = await this.departments.findByCode(row.code, tx);
    if (!current) {
      const kind = row.kind ?? 'department';
      const created = await this.departments.create(
        {
          id: randomUUID(),
          code: row.code,
          kind,
          name: row.fields.name!,
          liaisonEmail: row.fields.liaisonEmail!,
          headEmail: row.fields.headEmail!,
          liaisonName: row.fields.liaisonName ?? null,
          liaisonPhone: row.fields.liaisonPhone ?? null,
          headName: row.fields.headName ?? null,
          headPhone: row.fields.headPhone ?? null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        },
        tx,
      );
      await this.service.record(tx, actor, client, created, 'department.created', { to: unitRecord(created), reason });
      return { row: row.row, code: row.code, status: 'created', ...(dryRun ? {} : { departmentId: created.id }) };
    }
    const locked = (await this.departments.lockForChange(current.id, tx))!;
    if (row.kind && row.kind !== locked.kind) throw new DomainError(DomainErrorCode.InvalidDepartment, `${row.code} is registered as ${locked.kind}; its kind cannot change`);
    const change = unitChanges(locked, row.fields);
    if (!change) return { row: row.row, code: row.code, status: 'unchanged', departmentId: locked.id };
    const updated = await this.departments.update(locked.id, change.to, actor.userId, tx);
    await this.service.record(tx, actor, client, updated, 'department.updated', { ...change, reason });
    return { row: row.row, code: row.code, status: 'updated', departmentId: locked.id };
  }
}

function summary(rows: DepartmentImportRow[], dryRun: boolean): DepartmentImportAnswer {
  const count = (status: DepartmentImportStatus) => rows.filter((r) => r.status === status).length;
  return { dryRun, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), refused: count('refused'), rows };
}
