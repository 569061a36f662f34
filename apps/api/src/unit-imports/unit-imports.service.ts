import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import busboy from 'busboy';
import { plainToInstance } from 'class-transformer';
import { isUUID, validate } from 'class-validator';
import type { Request } from 'express';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  canReadUnitImport,
  DomainError,
  DomainErrorCode,
  listDepartmentOf,
  may,
  missingImportHeaderProblems,
  refusalOf,
  searchImportHeader,
  unitFactSourceError,
  type Actor,
  type ImportDataset,
  type ImportHeader,
} from '@duban/domain';
import type { UnitImport, UnitImportErrors, UnitImportList } from '@duban/contracts';
import { DepartmentRepository, UnitImportRepository, type UnitImportRow, type UnitImportStatus } from '@duban/persistence';
import { tableFormatOf, tableRows, unreadableFormatOf, UnreadableFileError } from '@duban/unit-files';
import { unitImportWorkflowId } from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import { fieldMessages } from '../common/validation';
import { formatBytes } from '../common/evidence-upload';
import { assertExportable, exportPage, type ExportTable } from '../common/table-export';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { UnitImportFieldsDto, type ListUnitImportsQuery, type UnitImportErrorsQuery } from './unit-import.dto';
import { unitImportView } from './unit-imports.views';

const CHUNK_BYTES = 1024 * 1024;
const FILE_FIELD = 'file';

interface StoredFile {
  name: string;
  size: number;
  sha256: string;
  format: 'csv' | 'xlsx';
  /** What the file is when it is none of the formats read. */
  unreadable: string | null;
}

function badFile(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [FILE_FIELD]: [message] } });
}

/** The words the history's export uses. */
const DATASET_WORDS: Record<ImportDataset, string> = {
  market_registration: '市场监管登记',
  tax_registration: '税务登记',
  social_insurance_registration: '社会保险登记',
  employment: '就业数据',
};
const IMPORT_STATUS_WORDS: Record<UnitImportStatus, string> = { uploading: '上传中', queued: '排队中', running: '导入中', completed: '已完成', failed: '失败' };

/**
 * Imports of departments' unit files. The upload streams into PostgreSQL in chunks (the file is
 * never held whole), its header is checked, and a UnitImportWorkflow reads it in batches.
 */
@Injectable()
export class UnitImportsService {
  private readonly logger = new Logger(UnitImportsService.name);

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly imports: UnitImportRepository,
    private readonly departments: DepartmentRepository,
    private readonly temporal: TemporalClientProvider,
  ) {}

  async upload(actor: Actor, request: Request): Promise<UnitImport> {
    if (!may(actor, 'unit-import.upload')) {
      request.resume();
      throw new DomainError(DomainErrorCode.ActionNotPermitted, refusalOf(actor.role, 'unit-import.upload'));
    }
    const id = randomUUID();
    try {
      const { fields, file } = await this.receive(id, request);
      const dto = plainToInstance(UnitImportFieldsDto, fields);
      const problems = fieldMessages(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
      if (!file) problems[FILE_FIELD] = [`Send the file as multipart/form-data in the field "${FILE_FIELD}"`];
      if (Object.keys(problems).length > 0) {
        throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: Object.values(problems).flat(), fields: problems });
      }
      const refused = unitFactSourceError(actor, dto.departmentId, 'departmentId');
      if (refused) throw refused;
      const departmentId = dto.departmentId ?? actor.departmentId!;
      if (!(await this.departments.findById(departmentId))) {
        throw new DomainError(DomainErrorCode.InvalidUnitFacts, 'Not a registered department', { fields: { departmentId: ['not a registered department'] } });
      }
      if (file!.unreadable) throw badFile(`The file cannot be imported: it is ${file!.unreadable}`);
      // The header is read now (a title may sit above it), so a file nobody can import is refused at once.
      let header: ImportHeader | undefined;
      let rowsSeen = 0;
      try {
        for await (const row of tableRows(this.imports.fileStream(id), file!.format)) {
          rowsSeen++;
          const found = searchImportHeader(row.cells, row.number);
          if (found.kind === 'refused') throw badFile(`The file cannot be imported: ${found.problems.join('; ')}`);
          if (found.kind === 'header') {
            header = found.header;
            break;
          }
        }
      } catch (error) {
        if (error instanceof UnreadableFileError) throw badFile(`The file cannot be imported: ${error.message}`);
        throw error;
      }
      if (!header) throw badFile(`The file cannot be imported: ${missingImportHeaderProblems(rowsSeen).join('; ')}`);

      await this.imports.create({ id, dataset: dto.dataset, fileName: file!.name, sourceDepartmentId: departmentId, sourceDate: dto.sourceDate, actor });
      await this.imports.finishUpload(id, { format: file!.format, sizeBytes: file!.size, sha256: file!.sha256, ignoredColumns: header.ignored });
      const client = await temporalClient(this.temporal, this.logger);
      await callTemporal(
        () => startWorkflow(client, 'UnitImportWorkflow', { taskQueue: this.temporal.taskQueue, workflowId: unitImportWorkflowId(id), args: [{ importId: id }] }),
        this.logger,
      );
      return unitImportView((await this.imports.find(id))!);
    } catch (error) {
      await this.imports.discard(id);
      throw error;
    }
  }

  async list(actor: Actor, query: ListUnitImportsQuery): Promise<UnitImportList> {
    const { items, total } = await this.imports.list({ sourceDepartmentId: this.sourceDepartmentOf(actor, query), limit: query.limit ?? 50, offset: query.offset ?? 0 });
    return { items: items.map(unitImportView), total };
  }

  /** The history as a table: every import (up to MAX_EXPORT_ROWS) unless limit/offset are given. */
  async listTable(actor: Actor, query: ListUnitImportsQuery): Promise<ExportTable> {
    const { explicit, ...page } = exportPage(query, 50);
    const { items, total } = await this.imports.list({ sourceDepartmentId: this.sourceDepartmentOf(actor, query), ...page });
    if (!explicit) assertExportable(total);
    return {
      asciiBase: 'unit-imports',
      chineseBase: '数据导入记录',
      header: [
        '文件名',
        '数据',
        '来源部门',
        '数据日期',
        '状态',
        '读取行数',
        '导入行数',
        '变更行数',
        '未变行数',
        '错误行数',
        '提交人',
        '提交时间(北京时间)',
        '完成时间(北京时间)',
        '失败原因',
        '导入编号',
      ],
      rows: items.map((i) => [
        i.fileName,
        DATASET_WORDS[i.dataset] ?? i.dataset,
        i.sourceDepartmentName,
        i.sourceDate,
        IMPORT_STATUS_WORDS[i.status] ?? i.status,
        i.rowsRead,
        i.rowsImported,
        i.rowsChanged,
        i.rowsUnchanged,
        i.rowsRejected,
        i.requesterUsername,
        i.createdAt,
        i.finishedAt,
        i.error,
        i.id,
      ]),
    };
  }

  /** Whose imports a caller reads: an officer their own department's; the office and viewers any (or the one named). */
  private sourceDepartmentOf(actor: Actor, query: ListUnitImportsQuery): string | undefined {
    return listDepartmentOf(actor, 'unit-import.read', query.departmentId, "A department officer reads their own department's imports only");
  }

  async get(actor: Actor, importId: string): Promise<UnitImport> {
    return unitImportView(await this.readable(actor, importId));
  }

  private async readable(actor: Actor, importId: string): Promise<UnitImportRow> {
    const record = isUUID(importId) ? await this.imports.find(importId) : null;
    if (!record) throw new DomainError(DomainErrorCode.UnitImportNotFound, `No unit import with id ${importId}`);
    if (!canReadUnitImport(actor, record.sourceDepartmentId)) throw new DomainError(DomainErrorCode.ActionNotPermitted, 'This import is not yours to read');
    return record;
  }

  /** The rejected rows: a page as JSON, or (asTable) every row up to 50,000 as a downloadable table. */
  async errors(actor: Actor, importId: string, query: UnitImportErrorsQuery, asTable: boolean): Promise<UnitImportErrors | ExportTable> {
    const record = await this.readable(actor, importId);
    const page = { limit: query.limit ?? (asTable ? 50_000 : 100), offset: query.offset ?? 0 };
    const errors = await this.imports.errors(record.id, page);
    if (!asTable) return { importId: record.id, ...errors };
    const table: ExportTable = {
      asciiBase: 'unit-import-errors',
      chineseBase: `导入错误报告-${record.fileName.replace(/\.[^.]+$/, '')}`,
      header: ['行号', '字段', '原因'],
      rows: errors.items.map((e) => [e.rowNumber, e.field, e.reason]),
    };
    return table;
  }

  /**
   * Streams the multipart body: form fields into memory, the one file into stored chunks. A
   * refusal (too large, unreadable, the client gone, the database failing) is answered only
   * once the file's writes have stopped and the body has been read, so cleaning up after it
   * leaves no chunk behind and the answer reaches the client.
   */
  private receive(id: string, request: Request): Promise<{ fields: Record<string, string>; file?: StoredFile }> {
    return new Promise((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 10_000, fileSize: this.config.importMaxBytes + 1 } });
      } catch {
        request.resume();
        reject(badFile('Send multipart/form-data with the file in the field "file"'));
        return;
      }
      const fields: Record<string, string> = {};
      let stored: Promise<StoredFile> | undefined;
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        request.unpipe(parser);
        request.resume();
        // Ends the file's stream, so its writes stop.
        parser.destroy();
        void Promise.allSettled([stored, finished(request)]).then(() => reject(error));
      };
      parser.on('field', (name, value) => (fields[name] = value));
      parser.on('file', (name, stream, info) => {
        if (name !== FILE_FIELD || stored) {
          stream.resume();
          return;
        }
        stored = this.store(id, stream, info.filename || 'upload');
        stored.catch(fail);
      });
      parser.on('error', () => fail(badFile('The upload could not be read')));
      request.once('close', () => {
        if (!request.complete) fail(badFile('The upload ended before the end of the file'));
      });
      parser.on('close', () => {
        if (failed) return;
        if (!stored) return resolve({ fields });
        stored.then((file) => resolve({ fields, file }), fail);
      });
      request.pipe(parser);
    });
  }

  private async store(id: string, stream: Readable & { truncated?: boolean }, name: string): Promise<StoredFile> {
    const hash = createHash('sha256');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let seq = 0;
    let first: Buffer | undefined;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      first ??= chunk;
      hash.update(chunk);
      size += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) {
        await this.imports.appendChunk(id, seq++, Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
      }
    }
    // busboy stops a file when it reaches its limit, not past it: the limit given is one byte more, so a file of exactly the size allowed passes.
    if (stream.truncated || size > this.config.importMaxBytes) {
      throw new DomainError(DomainErrorCode.UnitImportTooLarge, `The file is larger than the limit of ${formatBytes(this.config.importMaxBytes)} for imports`, {
        maxBytes: this.config.importMaxBytes,
      });
    }
    if (pendingBytes > 0) await this.imports.appendChunk(id, seq++, Buffer.concat(pending));
    if (size === 0) throw badFile('The file is empty');
    return { name: name.slice(0, 300), size, sha256: hash.digest('hex'), format: tableFormatOf(first!), unreadable: unreadableFormatOf(first!) };
  }
}
