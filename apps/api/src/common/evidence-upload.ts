import { createHash } from 'node:crypto';
import {
  applyDecorators,
  BadRequestException,
  Inject,
  Injectable,
  mixin,
  UseInterceptors,
  PayloadTooLargeException,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { checkEvidenceFile, DomainError, DomainErrorCode, EVIDENCE_TYPES_DESCRIPTION, type Actor, type EvidenceKind } from '@duban/domain';

/** The part of a multer file an upload needs (multer's own types are not installed). */
export interface UploadedEvidenceFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** What an evidence upload needs of its feature: who may add a file to the thing named by `:id`. */
export interface EvidenceUploadGate {
  assertMayUpload(actor: Actor, ownerId: string): Promise<unknown>;
}

export const EVIDENCE_FIELD = 'file';

/** "10 MiB", "512 KiB", "900 bytes": the limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Receives one evidence file (multipart field `file`) into memory, within
 * DUBAN_EVIDENCE_MAX_BYTES. Who may upload is checked first, so a caller who may not gets
 * 403/404/409 without the server reading (and holding) the file.
 */
export function EvidenceUploadInterceptor(gate: Type<EvidenceUploadGate>): Type<NestInterceptor> {
  @Injectable()
  class Interceptor implements NestInterceptor {
    private readonly multipart: NestInterceptor;
    private readonly maxBytes: number;

    constructor(
      @Inject(DUBAN_CONFIG) config: DubanConfig,
      @Inject(gate) private readonly evidence: EvidenceUploadGate,
    ) {
      this.maxBytes = config.evidenceMaxBytes;
      const Multipart = FileInterceptor(EVIDENCE_FIELD, {
        // Browsers send file names as raw UTF-8 (Chinese names); multer would read them as latin1.
        defParamCharset: 'utf8',
        limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 10_000 },
      });
      this.multipart = new Multipart();
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request & { actor: Actor }>();
      try {
        await this.evidence.assertMayUpload(request.actor, String(request.params.id));
      } catch (error) {
        // Refused before reading: discard the body so the client gets the answer, not a reset.
        request.resume();
        throw error;
      }
      try {
        return await this.multipart.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) {
          throw new DomainError(DomainErrorCode.EvidenceTooLarge, `The file is larger than the limit of ${formatBytes(this.maxBytes)} for evidence`, { maxBytes: this.maxBytes });
        }
        if (error instanceof BadRequestException) {
          // multer names a file in another field "unexpected", a second file "too many".
          const message = /unexpected|too many files/i.test(error.message)
            ? `Send one file, in the multipart field "${EVIDENCE_FIELD}"`
            : `The upload could not be read: ${error.message}`;
          throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [EVIDENCE_FIELD]: [message] } });
        }
        throw error;
      }
    }
  }
  return mixin(Interceptor);
}

/** The upload's file, or 400 naming the field. */
export function requireEvidenceFile<T>(file: T | undefined): T {
  if (file) return file;
  const message = `Send the file as multipart/form-data in the field "${EVIDENCE_FIELD}"`;
  throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [EVIDENCE_FIELD]: [message] } });
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients and the UTF-8 name
 * (RFC 6266 / RFC 8187) that every current browser uses, so Chinese names arrive intact.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A stored evidence file as a download, with its SHA-256 (hex in X-Checksum-SHA256, RFC 9530 Repr-Digest). */
export function evidenceDownload(response: Response, evidence: { sha256: string; contentType: string; fileName: string }, content: Buffer): StreamableFile {
  response.setHeader('X-Checksum-SHA256', evidence.sha256);
  response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`);
  response.setHeader('ETag', `"${evidence.sha256}"`);
  // Served as what the content is, never sniffed into something a browser would run.
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'private, no-cache');
  return new StreamableFile(content, { type: evidence.contentType, length: content.length, disposition: contentDisposition(evidence.fileName) });
}

/** An upload route for evidence of the thing `gate` guards: the interceptor and its OpenAPI description. */
export function EvidenceUpload(gate: Type<EvidenceUploadGate>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(EvidenceUploadInterceptor(gate)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      description: `One file in the field "${EVIDENCE_FIELD}": ${EVIDENCE_TYPES_DESCRIPTION}, up to DUBAN_EVIDENCE_MAX_BYTES`,
      schema: { type: 'object', required: [EVIDENCE_FIELD], properties: { [EVIDENCE_FIELD]: { type: 'string', format: 'binary' } } },
    }),
  );
}

/** An uploaded file as it is stored: checked by content (type, name), with its SHA-256, uploader and time. */
export function evidenceToStore(
  actor: Actor,
  file: UploadedEvidenceFile,
): { sha256: string; kind: EvidenceKind; contentType: string; fileName: string; content: Buffer; uploadedBy: Actor; uploadedAt: Date } {
  const checked = checkEvidenceFile({ bytes: file.buffer, fileName: file.originalname, declaredType: file.mimetype });
  return {
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    kind: checked.kind,
    contentType: checked.contentType,
    fileName: checked.fileName,
    content: file.buffer,
    uploadedBy: actor,
    uploadedAt: new Date(),
  };
}
