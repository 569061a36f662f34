import { BadRequestException, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import ExcelJS from 'exceljs';
import { csvFileNames, csvTime, toCsv, type CsvValue } from '../duties/csv';

/** A table as a user sees it, ready to be saved as CSV or as an Excel workbook. */
export interface ExportTable {
  /** ASCII base of the file name, e.g. `campaign-progress`. */
  asciiBase: string;
  /** The Chinese name users see, e.g. `扩面进度`. */
  chineseBase: string;
  header: readonly string[];
  rows: ReadonlyArray<readonly CsvValue[]>;
}

/** An export without limit/offset holds every matching row, up to this many. */
export const MAX_EXPORT_ROWS = 50_000;

/** 400 when more rows match than one export holds (asked without limit/offset). */
export function assertExportable(total: number): void {
  if (total > MAX_EXPORT_ROWS) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'BAD_REQUEST',
      message: `${total} rows match; an export holds at most ${MAX_EXPORT_ROWS}. Narrow the filters, or export page by page with limit and offset.`,
    });
  }
}

/** The rows an export reads: the page asked for, else every row up to one more than it holds (see assertExportable). */
export function exportPage(query: { limit?: number; offset?: number }, defaultLimit: number): { limit: number; offset: number; explicit: boolean } {
  const explicit = query.limit !== undefined || query.offset !== undefined;
  return explicit ? { limit: query.limit ?? defaultLimit, offset: query.offset ?? 0, explicit } : { limit: MAX_EXPORT_ROWS + 1, offset: 0, explicit };
}

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `?format=json|csv|xlsx` on a table's query. */
export class ExportFormatQuery {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description: 'csv: UTF-8 with BOM; xlsx: an Excel workbook. Accept: text/csv or the XLSX type does the same unless format=json',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

/** Swagger: the route answers JSON, CSV or XLSX (and any further types named). */
export const ApiProducesTable = (...more: string[]) => ApiProduces('application/json', 'text/csv', XLSX_TYPE, ...more);

/**
 * `?format=csv|xlsx`, else the Accept header (text/csv or the workbook type) unless
 * `?format=json` says otherwise; null means JSON.
 */
export function exportFormat(format: string | undefined, accept: string | undefined): ExportFormat | null {
  if (format) return format === 'csv' || format === 'xlsx' ? format : null;
  if (/(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept ?? '')) return 'csv';
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  return null;
}

/** The table as a download: CSV (UTF-8 with BOM) or XLSX (one sheet, header frozen). */
export async function tableResponse(table: ExportTable, format: ExportFormat, now = new Date()): Promise<StreamableFile> {
  const names = csvFileNames(table.asciiBase, table.chineseBase, now);
  if (format === 'csv') {
    const content = Buffer.from(toCsv(table.header, table.rows), 'utf8');
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      length: content.length,
      disposition: attachment(names.fileName, names.displayName),
    });
  }
  const content = await toXlsx(table);
  const swap = (name: string) => name.replace(/\.csv$/, '.xlsx');
  return new StreamableFile(content, {
    type: XLSX_TYPE,
    length: content.length,
    disposition: attachment(swap(names.fileName), swap(names.displayName)),
  });
}

/**
 * One worksheet. Numbers stay numbers and times are shown in Beijing time as text (Excel has no
 * time zones); text is written as a string cell, so a value starting with = is never a formula.
 */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(table.chineseBase.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(xlsxCell));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(table.header[i]?.length ?? 0, ...table.rows.slice(0, 200).map((r) => String(xlsxCell(r[i]) ?? '').length));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** filename (ASCII) for old clients, filename* (RFC 6266/5987) with the Chinese name. */
function attachment(fileName: string, displayName: string): string {
  const encoded = encodeURIComponent(displayName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encoded}`;
}

function xlsxCell(value: CsvValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return csvTime(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}
