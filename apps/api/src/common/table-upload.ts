import { Readable } from 'node:stream';
import {
  applyDecorators,
  BadRequestException,
  HttpException,
  Injectable,
  mixin,
  PayloadTooLargeException,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { assertMay, type AccessAction, type Actor } from '@duban/domain';
import { tableFormatOf, tableRows, unreadableFormatOf, UnreadableFileError } from '@duban/unit-files';
import { formatBytes, type UploadedEvidenceFile } from './evidence-upload';
import { unstorableTextProblem } from './front-door';

/**
 * Small spreadsheets an administrator uploads whole (users, departments): read into memory,
 * checked, and answered row by row in the same request. Large data (units) goes through the
 * background import instead.
 */
export const TABLE_UPLOAD_FIELD = 'file';
export const TABLE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;
export const TABLE_UPLOAD_MAX_ROWS = 5_000;

function badUpload(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [TABLE_UPLOAD_FIELD]: [message] } });
}

export interface TableUploadOptions {
  /** Who may upload (the access policy's action, as the route's @Allow); checked before the file is read. */
  action: AccessAction;
  /** What the file holds, for the API document. */
  description: string;
  /** Default TABLE_UPLOAD_MAX_BYTES. */
  maxBytes?: number;
  /** The answer to a file over maxBytes; default a 400 on the field that says to split it. */
  tooLarge?: (limit: string) => HttpException;
  /** Text fields the route reads beside the file, for the API document. */
  textFields?: Record<string, { maxLength: number; description: string }>;
}

/**
 * Receives one table file (multipart field `file`) after the policy let the caller in: a
 * caller who may not gets 403 without the server reading the file. Multer's refusals read
 * like the API's.
 */
function TableUploadInterceptor(options: TableUploadOptions): Type<NestInterceptor> {
  const maxBytes = options.maxBytes ?? TABLE_UPLOAD_MAX_BYTES;
  const tooLarge = options.tooLarge ?? ((limit: string) => badUpload(`The file is larger than ${limit}; split it`));
  @Injectable()
  class Interceptor implements NestInterceptor {
    private readonly multipart: NestInterceptor = new (FileInterceptor(TABLE_UPLOAD_FIELD, {
      // Browsers send file names as raw UTF-8 (Chinese names); multer would read them as latin1.
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 10_000 },
    }))();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request & { actor: Actor }>();
      try {
        assertMay(request.actor, options.action);
      } catch (error) {
        request.resume();
        throw error;
      }
      try {
        return await this.multipart.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) throw tooLarge(formatBytes(maxBytes));
        if (error instanceof BadRequestException) {
          throw badUpload(
            /unexpected|too many/i.test(error.message) ? `Send one file, in the multipart field "${TABLE_UPLOAD_FIELD}"` : `The upload could not be read: ${error.message}`,
          );
        }
        throw error;
      }
    }
  }
  return mixin(Interceptor);
}

/** A route that takes one CSV or XLSX table in the multipart field `file`. */
export function TableUpload(options: TableUploadOptions): MethodDecorator {
  const textFields = Object.fromEntries(Object.entries(options.textFields ?? {}).map(([name, field]) => [name, { type: 'string', ...field }]));
  return applyDecorators(
    UseInterceptors(TableUploadInterceptor(options)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      description: options.description,
      schema: { type: 'object', required: [TABLE_UPLOAD_FIELD], properties: { [TABLE_UPLOAD_FIELD]: { type: 'string', format: 'binary' }, ...textFields } },
    }),
  );
}

/** A data row of an uploaded table: its number in the file (the header is row 1) and its cells by column name. */
export interface UploadedTableRow {
  number: number;
  values: Record<string, string>;
  /** Cells that cannot be stored (a NUL character…), by column name. */
  problems: Record<string, string[]>;
}

/**
 * The rows of the uploaded table, cells keyed by the column each header names (`columns` maps
 * every accepted header, English or Chinese, to its column name). 400 for a missing file, an
 * unreadable one, a header without a required column, or too many rows.
 */
export async function readUploadedTable(file: UploadedEvidenceFile | undefined, columns: Record<string, string>, required: readonly string[]): Promise<UploadedTableRow[]> {
  if (!file || file.size === 0) throw badUpload(file ? 'The file is empty' : `Send the file as multipart/form-data in the field "${TABLE_UPLOAD_FIELD}"`);
  const unreadable = unreadableFormatOf(file.buffer);
  if (unreadable) throw badUpload(`The file is ${unreadable}`);
  const rows: UploadedTableRow[] = [];
  let header: Array<string | null> | null = null;
  try {
    for await (const row of tableRows(Readable.from([file.buffer]), tableFormatOf(file.buffer))) {
      const cells = row.cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
      if (!header) {
        header = cells.map((h) => columns[h.toLowerCase()] ?? columns[h] ?? null);
        const missing = required.filter((name) => !header!.includes(name));
        if (missing.length > 0) throw badUpload(`The first row must name the columns; missing: ${missing.join(', ')}`);
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      if (rows.length >= TABLE_UPLOAD_MAX_ROWS) throw badUpload(`The file has more than ${TABLE_UPLOAD_MAX_ROWS} rows; split it`);
      const values: Record<string, string> = {};
      const problems: Record<string, string[]> = {};
      header.forEach((name, i) => {
        if (!name || values[name] !== undefined) return;
        const value = cells[i] ?? '';
        const problem = unstorableTextProblem(value) ?? (value.length > 1000 ? 'must be at most 1000 characters long' : null);
        if (problem) problems[name] = [`${name} ${problem}`];
        else values[name] = value;
      });
      rows.push({ number: row.number, values, problems });
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw badUpload(error.message);
    throw error;
  }
  if (!header) throw badUpload('The file has no header row');
  return rows;
}
