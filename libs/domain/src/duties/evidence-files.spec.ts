import { DomainError, DomainErrorCode } from '../errors';
import { checkEvidenceFile, detectEvidenceKind, normalizeEvidenceFileName } from './evidence-files';

const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

/** A ZIP with stored (empty) entries and a central directory: enough for the detector. */
function zip(names: string[]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const name of names) {
    const encoded = [...new TextEncoder().encode(name)];
    const offset = out.length;
    out.push(...u32(0x04034b50), ...u16(20), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(0), ...u16(encoded.length), ...u16(0), ...encoded);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(0));
    central.push(...u16(encoded.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...encoded);
  }
  const cdOffset = out.length;
  out.push(...central);
  out.push(...u32(0x06054b50), 0, 0, 0, 0, ...u16(names.length), ...u16(names.length), ...u32(central.length), ...u32(cdOffset), 0, 0);
  return new Uint8Array(out);
}

const utf16 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function codeOf(fn: () => void): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('evidence file kinds, read from the content', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['docx', zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])],
    ['xlsx', zip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'])],
    ['doc', bytes(OLE, [0, 0, 0, 0], utf16('Root Entry'), [0, 0], utf16('WordDocument'))],
    ['xls', bytes(OLE, [0, 0, 0, 0], utf16('Root Entry'), [0, 0], utf16('Workbook'))],
    ['txt', bytes('已完成企业摸底 1,203 户。\r\n下一步：逐户核查。\n')],
  ])('recognises %s', (kind, content) => {
    expect(detectEvidenceKind(content)?.kind).toBe(kind);
  });

  it('tells CSV from text by the name, and knows GB18030 from UTF-8', () => {
    expect(detectEvidenceKind(bytes('单位,人数\n甲,3\n'), '.csv')).toEqual({ kind: 'csv', charset: 'utf-8' });
    // "单位,人数" as Excel on Chinese Windows saves it.
    expect(detectEvidenceKind(bytes([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xc8, 0xcb, 0xca, 0xfd, 0x0a]), '.csv')).toEqual({ kind: 'csv', charset: 'gb18030' });
  });

  it.each([
    ['an executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0])],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['a plain ZIP', zip(['readme.txt', 'data.bin'])],
    ['an OpenDocument-like ZIP without Office parts', zip(['[Content_Types].xml', 'ppt/presentation.xml'])],
    ['a PowerPoint 97 file', bytes(OLE, utf16('PowerPoint Document'))],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['binary with NUL bytes', bytes('abc', [0], 'def')],
  ])('refuses %s', (_, content) => {
    expect(detectEvidenceKind(content)).toBeNull();
    expect(codeOf(() => checkEvidenceFile({ bytes: content, fileName: 'file.pdf' }))).toBe(DomainErrorCode.EvidenceTypeNotAllowed);
  });

  it('refuses a name or a declared type that contradicts the content', () => {
    const pdf = bytes('%PDF-1.4\n');
    expect(checkEvidenceFile({ bytes: pdf, fileName: '核查报告.pdf', declaredType: 'application/pdf' })).toEqual({
      kind: 'pdf',
      contentType: 'application/pdf',
      fileName: '核查报告.pdf',
    });
    expect(codeOf(() => checkEvidenceFile({ bytes: pdf, fileName: 'photo.png' }))).toBe(DomainErrorCode.EvidenceTypeNotAllowed);
    expect(codeOf(() => checkEvidenceFile({ bytes: pdf, fileName: 'x.pdf', declaredType: 'image/png' }))).toBe(DomainErrorCode.EvidenceTypeNotAllowed);
    // A generic or unknown declared type says nothing; the content decides.
    expect(checkEvidenceFile({ bytes: pdf, fileName: 'x.pdf', declaredType: 'application/octet-stream' }).kind).toBe('pdf');
    // Text named .html is refused: only .txt and .csv are text evidence.
    expect(codeOf(() => checkEvidenceFile({ bytes: bytes('<script>alert(1)</script>'), fileName: 'a.html', declaredType: 'text/html' }))).toBe(
      DomainErrorCode.EvidenceTypeNotAllowed,
    );
    expect(checkEvidenceFile({ bytes: bytes('a,b\n'), fileName: '名单.csv', declaredType: 'application/vnd.ms-excel' }).contentType).toBe('text/csv; charset=utf-8');
  });

  it('refuses an empty file or one without a name', () => {
    expect(codeOf(() => checkEvidenceFile({ bytes: new Uint8Array(), fileName: 'a.txt' }))).toBe(DomainErrorCode.EvidenceInvalid);
    expect(codeOf(() => checkEvidenceFile({ bytes: bytes('x'), fileName: '  ' }))).toBe(DomainErrorCode.EvidenceInvalid);
  });
});

describe('evidence file names', () => {
  it('drops a client path and control characters, keeps Chinese', () => {
    expect(normalizeEvidenceFileName('C:\\fakepath\\扩面 报告.pdf')).toBe('扩面 报告.pdf');
    expect(normalizeEvidenceFileName('dir/sub/a\u0000b.txt')).toBe('ab.txt');
  });

  it('shortens a long name to 255 characters and keeps its extension', () => {
    const name = normalizeEvidenceFileName(`${'表'.repeat(300)}.xlsx`);
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('表.xlsx')).toBe(true);
  });
});
