import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';

/** XLSX is a zip archive; anything else is read as CSV. */
export function tableFormatOf(firstBytes: Buffer): TableFormat {
  return firstBytes.length >= 4 && firstBytes.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

const UNREADABLE_SIGNATURES: Array<{ bytes: Buffer; what: string }> = [
  { bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), what: 'an Excel 97–2003 workbook (.xls, or another OLE2 document): save it as .xlsx or CSV' },
  { bytes: Buffer.from('%PDF-'), what: 'a PDF document: send the data as .xlsx or CSV' },
];

/** Why a file is none of the formats read, from its first bytes (null when it may be one). */
export function unreadableFormatOf(firstBytes: Buffer): string | null {
  return UNREADABLE_SIGNATURES.find(({ bytes }) => firstBytes.subarray(0, bytes.length).equals(bytes))?.what ?? null;
}

/**
 * The file itself cannot be read on (a CSV quote never closed, a damaged XLSX): reading it again
 * fails the same way. Failures of the stream the file comes from are not this.
 */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
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
/**
 * The items of `iterable`, failing as soon as `failure` does: ExcelJS pipes its input (a failing
 * source would leave it waiting for ever).
 */
async function* failingWith<T>(iterable: AsyncIterable<T>, failure: Promise<never>): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const step = await Promise.race([iterator.next(), failure]);
      if (step.done) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    // Not awaited: after a failure of the source the iterator may never answer.
    if (!finished) void iterator.return?.()?.catch(() => undefined);
  }
}

export async function* tableRows(input: Readable, format: TableFormat): AsyncGenerator<TableRow> {
  let inputFailure: unknown;
  const failure = new Promise<never>((_, reject) =>
    input.once('error', (error) => {
      inputFailure = error;
      reject(error);
    }),
  );
  failure.catch(() => undefined);
  let number = 0;
  try {
    if (format === 'csv') {
      // A quote inside an unquoted cell (某公司"分部") is taken as it stands.
      const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
      // pipeline, not pipe: a failing source fails the parser, and so the reading, instead of stalling it.
      pipeline(input, new TextDecodingStream(), parser, () => undefined);
      for await (const record of parser) yield { number: ++number, cells: record as string[] };
      return;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const worksheet of failingWith(workbook, failure)) {
      for await (const row of failingWith(worksheet as AsyncIterable<unknown>, failure)) {
        const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
        number = (row as ExcelJS.Row).number;
        // ExcelJS numbers cells from 1: position 0 is empty.
        yield { number, cells: values.slice(1).map(cellValue) };
      }
      // The first worksheet is the data.
      return;
    }
  } catch (error) {
    if (inputFailure !== undefined) throw inputFailure;
    // The CSV parser names the line; rows it had parsed before failing may not have been read.
    const where = number > 0 ? ` after row ${number}` : '';
    throw new UnreadableFileError(`${format === 'csv' ? 'CSV' : 'XLSX'} unreadable${where}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    input.destroy();
  }
}
