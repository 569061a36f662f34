import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Buffer;
  text: string;
}

/** GET a file as bytes, with its type and Content-Disposition. */
export async function download(baseUrl: string, path: string, token: string, headers: Record<string, string> = {}): Promise<Download> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes,
    text: bytes.toString('utf8'),
  };
}

/** RFC 4180, enough for the tests: quoted fields with doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export interface Sheet {
  name: string;
  /** The cells as stored: strings, numbers, null for an empty cell. */
  values: Array<Array<string | number | null>>;
  headerBold: boolean;
  frozenRows: number | undefined;
  /** Any cell holding a formula (there should be none). */
  formulas: number;
}

/** The one worksheet of a downloaded workbook. */
export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  if (workbook.worksheets.length !== 1) throw new Error(`expected one worksheet, found ${workbook.worksheets.length}`);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const values: Sheet['values'] = [];
  let formulas = 0;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: Array<string | number | null> = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      const value = cell.value;
      if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
        throw new Error(`cell ${cell.address} holds ${JSON.stringify(value)}, neither text nor a number`);
      }
      cells.push(value ?? null);
    }
    values.push(cells);
  });
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return { name: sheet.name, values, headerBold: sheet.getRow(1).getCell(1).font?.bold === true, frozenRows: view?.state === 'frozen' ? view.ySplit : undefined, formulas };
}

/**
 * The sheet's rows as the CSV export writes the same table: numbers as digits, empty cells as
 * '', text a spreadsheet would run as a formula with the CSV's leading apostrophe.
 */
export function asCsvRows(sheet: Sheet): string[][] {
  return sheet.values.map((row) => row.map((value) => (value === null ? '' : typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
}

/** Downloads a table both ways and checks the workbook holds exactly the CSV's rows; returns both. */
export async function csvAndXlsx(baseUrl: string, csvPath: string, token: string): Promise<{ csv: Download; xlsx: Download; sheet: Sheet; rows: string[][] }> {
  if (!/[?&]format=csv(&|$)/.test(csvPath)) throw new Error(`${csvPath} does not ask for format=csv`);
  const csv = await download(baseUrl, csvPath, token);
  const xlsx = await download(baseUrl, csvPath.replace(/([?&])format=csv/, '$1format=xlsx'), token);
  if (csv.status !== 200 || xlsx.status !== 200) throw new Error(`${csvPath}: CSV ${csv.status}, XLSX ${xlsx.status}: ${xlsx.text.slice(0, 300)}`);
  const rows = parseCsv(csv.text.slice(1));
  const sheet = await readXlsx(xlsx.bytes);
  return { csv, xlsx, sheet, rows };
}
