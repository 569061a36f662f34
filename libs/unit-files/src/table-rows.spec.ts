import { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { tableFormatOf, tableRows, unreadableFormatOf, UnreadableFileError, type TableFormat } from './table-rows';

async function rows(input: Readable, format: TableFormat) {
  const out: Array<{ number: number; cells: unknown[] }> = [];
  for await (const row of tableRows(input, format)) out.push(row);
  return out;
}

/** A source that gives some bytes, then fails as a database read would. */
function failingAfter(bytes: Buffer) {
  return Readable.from(
    (async function* () {
      yield bytes;
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('connection terminated unexpectedly');
    })(),
    { objectMode: false },
  );
}

async function xlsxBytes(lines: unknown[][]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
  const sheet = workbook.addWorksheet('s');
  for (const line of lines) sheet.addRow(line).commit();
  await workbook.commit();
  return Buffer.concat(parts);
}

describe('tableRows', () => {
  it('reads CSV in UTF-8 with a BOM, and in GB18030', async () => {
    expect(await rows(Readable.from([Buffer.from('\uFEFF统一社会信用代码,单位名称\r\nA,甲\r\n')]), 'csv')).toEqual([
      { number: 1, cells: ['统一社会信用代码', '单位名称'] },
      { number: 2, cells: ['A', '甲'] },
    ]);
    const gb18030 = Buffer.from([0xcd, 0xb3, 0xd2, 0xbb, 0x2c, 0xbc, 0xd7, 0x0a]); // 统一,甲
    expect(await rows(Readable.from([gb18030]), 'csv')).toEqual([{ number: 1, cells: ['统一', '甲'] }]);
  });

  it('takes a quote inside an unquoted cell as it stands', async () => {
    expect(await rows(Readable.from([Buffer.from('a,某公司"分部",c\n')]), 'csv')).toEqual([{ number: 1, cells: ['a', '某公司"分部"', 'c'] }]);
  });

  it('says where a damaged CSV cannot be read on', async () => {
    const reading = rows(Readable.from([Buffer.from('a,b\n1,2\n3,"never closed\n')]), 'csv');
    await expect(reading).rejects.toThrow(UnreadableFileError);
    await expect(rows(Readable.from([Buffer.from('a,b\n1,2\n3,"never closed\n')]), 'csv')).rejects.toThrow(/^CSV unreadable: Quote Not Closed: .* at line 3$/);
  });

  it("fails with the source's own error (to be retried), not as a damaged file, and does not wait for ever", async () => {
    const csv = rows(failingAfter(Buffer.from('a,b\n1,2\n')), 'csv');
    await expect(csv).rejects.toThrow('connection terminated unexpectedly');
    await expect(rows(failingAfter(Buffer.from('a,b\n1,2\n')), 'csv')).rejects.not.toBeInstanceOf(UnreadableFileError);
    const workbook = await xlsxBytes([['credit_code'], ['A']]);
    await expect(rows(failingAfter(workbook.subarray(0, 200)), 'xlsx')).rejects.toThrow('connection terminated unexpectedly');
  });

  it('reads the first worksheet of an XLSX, numbering rows as the spreadsheet does', async () => {
    const workbook = await xlsxBytes([['名单'], [], ['credit_code', 'employees'], ['A', 12]]);
    expect(tableFormatOf(workbook)).toBe('xlsx');
    expect(await rows(Readable.from([workbook]), 'xlsx')).toEqual([
      { number: 1, cells: ['名单'] },
      { number: 3, cells: ['credit_code', 'employees'] },
      { number: 4, cells: ['A', 12] },
    ]);
  });

  it('calls a damaged XLSX unreadable', async () => {
    const workbook = await xlsxBytes([['credit_code'], ['A']]);
    const damaged = Buffer.concat([workbook.subarray(0, 300), Buffer.alloc(300, 0x41)]);
    await expect(rows(Readable.from([damaged]), 'xlsx')).rejects.toThrow(UnreadableFileError);
  });
});

describe('unreadableFormatOf', () => {
  it('names the formats departments may send by mistake', () => {
    expect(unreadableFormatOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/\.xls/);
    expect(unreadableFormatOf(Buffer.from('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(unreadableFormatOf(Buffer.from('credit_code,name\n'))).toBeNull();
  });
});
