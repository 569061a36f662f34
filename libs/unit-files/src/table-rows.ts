import { Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';

/** XLSX is a zip archive; anything else is read as CSV. */
export function tableFormatOf(firstBytes: Buffer): TableFormat {
  return firstBytes.length >= 4 && firstBytes.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

/**
 * Decodes text as it streams: UTF-8 (a BOM is dropped) unless the first chunk is not valid
 * UTF-8, in which case GB18030 — what spreadsheet programs on Chinese Windows save CSV as.
 */
class TextDecodingStream extends Transform {
  private decoder?: TextDecoder;
  readonly encoding = { name: 'utf-8' };

  constructor() {
    super({ readableObjectMode: false });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.decoder) {
      // Streaming mode: a multi-byte character cut at the chunk's end is not a reason to doubt UTF-8.
      let utf8 = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
      this.encoding.name = utf8 ? 'utf-8' : 'gb18030';
      this.decoder = new TextDecoder(this.encoding.name, { ignoreBOM: false });
    }
    done(null, this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.decoder?.decode() ?? '');
  }
}

/** A cell as text or number (dates as ISO dates, formulas as their results). */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return value;
}

export interface TableRow {
  /** The row's number as the file's reader sees it: the header is row 1 (a CSV record, a worksheet row). */
  number: number;
  cells: unknown[];
}

/**
 * The rows of a CSV file or of an XLSX file's first worksheet, one at a time, the header row
 * first. Streams: memory does not grow with the file.
 */
export async function* tableRows(input: Readable, format: TableFormat): AsyncGenerator<TableRow> {
  if (format === 'csv') {
    const parser = input.pipe(new TextDecodingStream()).pipe(parse({ bom: true, relax_column_count: true }));
    let number = 0;
    for await (const record of parser) yield { number: ++number, cells: record as string[] };
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
      // ExcelJS numbers cells from 1: position 0 is empty.
      yield { number: (row as ExcelJS.Row).number, cells: values.slice(1).map(cellValue) };
    }
    // The first worksheet is the data.
    return;
  }
}
