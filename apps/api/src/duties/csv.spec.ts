import { csvCell, csvFileNames, toCsv } from './csv';
import { overdueText } from './duty-views.service';

describe('CSV', () => {
  it('quotes per RFC 4180 only where needed, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('是');
    expect(csvCell(false)).toBe('否');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('defuses a formula-like cell %j', (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('defuses and quotes together', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('does not touch numbers, even negative ones', () => {
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes times in Beijing time', () => {
    expect(csvCell(new Date('2026-12-20T10:00:00Z'))).toBe('2026-12-20 18:00:00');
  });

  it('starts the file with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '中文']])).toBe('\uFEFFa,b\r\n1,中文\r\n');
  });

  it('names the file with a Beijing-time stamp and safe characters', () => {
    const names = csvFileNames('inbox-TAX/"x"', '督办事项-税务局', new Date('2026-12-20T16:30:00Z'));
    expect(names).toEqual({ fileName: 'inbox-TAX-x-20261221-0030.csv', displayName: '督办事项-税务局-20261221-0030.csv' });
  });

  it('says how long a duty is overdue', () => {
    expect(overdueText(30_000)).toBe('不足1分钟');
    expect(overdueText(((2 * 24 + 3) * 60 + 5) * 60_000)).toBe('2天3小时5分钟');
  });
});
