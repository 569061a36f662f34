import ExcelJS from 'exceljs';
import { exportFormat, tableResponse, toXlsx, type ExportTable } from './table-export';

const table: ExportTable = {
  asciiBase: 'report flags',
  chineseBase: '报表与资源库不符',
  header: ['单位', '报送数', '时间', '已审核'],
  rows: [
    ['=HYPERLINK("x")', 42, new Date('2026-06-30T16:30:00Z'), true],
    ['珠晖区', 1234.5, null, false],
  ],
};
const read = async (stream: { getStream(): NodeJS.ReadableStream }) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream.getStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

describe('table export', () => {
  it('picks the format from the query, else from Accept; JSON otherwise', () => {
    expect(exportFormat('csv', undefined)).toBe('csv');
    expect(exportFormat('xlsx', 'text/csv')).toBe('xlsx');
    expect(exportFormat('json', 'text/csv')).toBeNull();
    expect(exportFormat(undefined, 'application/json, text/csv;q=0.5')).toBe('csv');
    expect(exportFormat(undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx');
    expect(exportFormat(undefined, 'application/json')).toBeNull();
    expect(exportFormat(undefined, undefined)).toBeNull();
  });

  it('writes CSV with a BOM, the formula guard and Beijing time, under an ASCII and a Chinese name', async () => {
    const file = tableResponse(table, 'csv', new Date('2026-06-30T16:30:00Z'));
    const bytes = (await read(await file)).toString('utf8');
    expect(bytes).toBe('\uFEFF单位,报送数,时间,已审核\r\n"\'=HYPERLINK(""x"")",42,2026-07-01 00:30:00,是\r\n珠晖区,1234.5,,否\r\n');
    const headers = (await file).getHeaders();
    expect(headers.type).toBe('text/csv; charset=utf-8');
    expect(headers.disposition).toBe(`attachment; filename="report-flags-20260701-0030.csv"; filename*=UTF-8''${encodeURIComponent('报表与资源库不符-20260701-0030.csv')}`);
  });

  it('writes one worksheet: bold frozen header, numbers as numbers, text never a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('报表与资源库不符');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, '单位', '报送数', '时间', '已审核']);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect(sheet.getCell('B2').value).toBe(42);
    expect(sheet.getCell('B3').value).toBe(1234.5);
    expect(sheet.getCell('C2').value).toBe('2026-07-01 00:30:00');
    expect(sheet.getCell('D2').value).toBe('是');
    expect(sheet.getCell('C3').value).toBeNull();
    const headers = (await tableResponse(table, 'xlsx', new Date('2026-06-30T16:30:00Z'))).getHeaders();
    expect(headers.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.disposition).toContain('filename="report-flags-20260701-0030.xlsx"');
  });
});
