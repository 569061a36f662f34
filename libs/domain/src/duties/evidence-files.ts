import { DomainError, DomainErrorCode } from '../errors';

/**
 * Which files count as evidence of a duty's result: the documents, scans and tables a liaison
 * has at hand. The kind is read from the bytes (magic numbers, the parts of an Office file);
 * the declared type and the name's extension only have to agree with it, so a renamed
 * executable or HTML page is refused whatever it claims to be.
 */
export const EVIDENCE_KINDS = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls', 'txt', 'csv'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

interface KindInfo {
  contentType: string;
  extensions: readonly string[];
  /** Declared types that agree with this kind. */
  declaredTypes: readonly string[];
  label: string;
}

// Excel on Windows makes browsers declare a .csv as application/vnd.ms-excel.
const TEXT_TYPES = ['text/plain', 'text/csv', 'text/comma-separated-values', 'application/csv', 'application/vnd.ms-excel'];

const KINDS: Record<EvidenceKind, KindInfo> = {
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'], declaredTypes: ['application/pdf', 'application/x-pdf'], label: 'a PDF document' },
  png: { contentType: 'image/png', extensions: ['.png'], declaredTypes: ['image/png'], label: 'a PNG image' },
  jpeg: {
    contentType: 'image/jpeg',
    extensions: ['.jpg', '.jpeg', '.jpe'],
    declaredTypes: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    label: 'a JPEG image',
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    declaredTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    label: 'a Word document (.docx)',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    declaredTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    label: 'an Excel workbook (.xlsx)',
  },
  doc: { contentType: 'application/msword', extensions: ['.doc'], declaredTypes: ['application/msword'], label: 'a Word 97-2003 document (.doc)' },
  xls: {
    contentType: 'application/vnd.ms-excel',
    extensions: ['.xls'],
    declaredTypes: ['application/vnd.ms-excel'],
    label: 'an Excel 97-2003 workbook (.xls)',
  },
  txt: { contentType: 'text/plain', extensions: ['.txt'], declaredTypes: TEXT_TYPES, label: 'a text file' },
  csv: { contentType: 'text/csv', extensions: ['.csv'], declaredTypes: TEXT_TYPES, label: 'a CSV table' },
};

const KNOWN_DECLARED_TYPES = new Set(Object.values(KINDS).flatMap((k) => k.declaredTypes));

export const EVIDENCE_TYPES_DESCRIPTION = 'PDF, PNG, JPEG, Word (.docx, .doc), Excel (.xlsx, .xls), text (.txt) and CSV (.csv)';

export interface CheckedEvidenceFile {
  kind: EvidenceKind;
  /** What the file is served as; text carries the charset it was found to be in. */
  contentType: string;
  fileName: string;
}

/**
 * Checks an upload and says what it is, or throws: EvidenceInvalid (empty, no usable name),
 * EvidenceTypeNotAllowed (not one of the kinds, or the name or declared type says otherwise).
 */
export function checkEvidenceFile(file: { bytes: Uint8Array; fileName: string; declaredType?: string }): CheckedEvidenceFile {
  const fileName = normalizeEvidenceFileName(file.fileName);
  if (file.bytes.length === 0) throw new DomainError(DomainErrorCode.EvidenceInvalid, 'The file is empty');
  const extension = extensionOf(fileName);
  const detected = detectEvidenceKind(file.bytes, extension);
  if (!detected) {
    throw new DomainError(DomainErrorCode.EvidenceTypeNotAllowed, `The content of "${fileName}" is not an allowed kind of evidence; allowed are ${EVIDENCE_TYPES_DESCRIPTION}`);
  }
  const info = KINDS[detected.kind];
  if (extension && !info.extensions.includes(extension)) {
    throw new DomainError(DomainErrorCode.EvidenceTypeNotAllowed, `"${fileName}" is ${info.label} by its content, but its name ends in ${extension}`, { detected: detected.kind });
  }
  const declared = file.declaredType?.split(';')[0].trim().toLowerCase();
  if (declared && KNOWN_DECLARED_TYPES.has(declared) && !info.declaredTypes.includes(declared)) {
    throw new DomainError(DomainErrorCode.EvidenceTypeNotAllowed, `"${fileName}" was sent as ${declared}, but its content is ${info.label}`, { detected: detected.kind });
  }
  return {
    kind: detected.kind,
    contentType: detected.charset ? `${info.contentType}; charset=${detected.charset}` : info.contentType,
    fileName,
  };
}

/**
 * The name as the user knows it, without a client's path ("C:\fakepath\…"), control
 * characters or surrounding blanks; at most 255 characters, keeping the extension.
 */
export function normalizeEvidenceFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base || base === '.' || base === '..') {
    throw new DomainError(DomainErrorCode.EvidenceInvalid, 'The file has no name; send it with its file name');
  }
  const chars = [...base];
  if (chars.length <= 255) return base;
  const extension = extensionOf(base) ?? '';
  return chars.slice(0, 255 - [...extension].length).join('') + extension;
}

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot).toLowerCase() : null;
}

/** The kind of the bytes, or null when they are none of the allowed kinds. */
export function detectEvidenceKind(bytes: Uint8Array, extension: string | null = null): { kind: EvidenceKind; charset?: string } | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf' }; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML is a ZIP whose parts name the application.
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return { kind: 'docx' };
    if (names.some((n) => n.startsWith('xl/'))) return { kind: 'xlsx' };
    return null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE2 compound file: Word keeps its text in a "WordDocument" stream, Excel in "Workbook" ("Book" before 97).
    if (containsUtf16(bytes, 'WordDocument')) return { kind: 'doc' };
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return { kind: 'xls' };
    return null;
  }
  const charset = textCharset(bytes);
  if (!charset) return null;
  return { kind: extension === '.csv' ? 'csv' : 'txt', charset };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The entry names of a ZIP's central directory, or null when there is none to read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 bytes, or up to 64 KiB earlier with a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Plain text: no NUL or other control characters but tab, line breaks and form feed, and
 * valid UTF-8 or, as Excel on Chinese Windows saves CSV, GB18030. Returns the charset or null.
 */
function textCharset(bytes: Uint8Array): string | null {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return null;
    if (b === 0x7f) return null;
  }
  for (const charset of ['utf-8', 'gb18030']) {
    try {
      new TextDecoder(charset, { fatal: true }).decode(bytes);
      return charset;
    } catch {
      // not this charset (or the runtime lacks it): try the next
    }
  }
  return null;
}
